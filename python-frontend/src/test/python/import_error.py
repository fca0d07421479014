import os
print("before import")
import module_that_does_not_exist_pyjit
