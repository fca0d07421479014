# mode: -m corpus_pkg
# argv: --flag
