import atexit, sys
def bye(who, punct="!"):
    print(f"bye {who}{punct}")
atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
@atexit.register
def last():
    print("registered last, runs first", file=sys.stderr)
def gone():
    print("unregistered")
atexit.register(gone)
atexit.unregister(gone)
print("main done")
sys.exit(4)
