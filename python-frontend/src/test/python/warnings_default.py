import warnings
def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    return 1
old()
warnings.warn("a user warning")
warnings.warn("same place twice")  # shown once per location
for _ in range(2):
    warnings.warn("in a loop")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    old(); old()
    print([str(x.message) for x in w], [x.category.__name__ for x in w])
print("done")
