# mode: -m
# argv: one two
import sys
print(__name__, sys.argv[0].endswith("m_mode.py"), sys.argv[1:])
import corpus_pkg
print(corpus_pkg.greet("module"))
