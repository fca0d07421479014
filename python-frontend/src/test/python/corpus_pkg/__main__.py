import sys
from . import greet
from .helper import twice
print(__name__, __package__, sys.argv[1:], greet("main"), twice(21))
