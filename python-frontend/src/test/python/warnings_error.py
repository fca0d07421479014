# options: -W error::UserWarning
import warnings
try:
    warnings.warn("turned into an error")
except UserWarning as e:
    print("caught", e)
warnings.warn("this one is fatal")
