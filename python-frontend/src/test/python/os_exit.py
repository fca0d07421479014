import os, sys, atexit
atexit.register(print, "atexit must not run")
print("before exit", flush=True)
sys.stderr.write("err before exit\n")
sys.stderr.flush()
try:
    os._exit(5)
finally:
    print("finally must not run")
