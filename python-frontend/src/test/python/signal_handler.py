import signal, os
got = []
def handler(sig, frame):
    got.append(signal.Signals(sig).name)
signal.signal(signal.SIGUSR1, handler)
import time
os.kill(os.getpid(), signal.SIGUSR1)
# A process-directed signal reaches the handler "soon" (at once in a single-threaded process,
# within milliseconds in a multi-threaded one such as a JVM): wait for it.
deadline = time.monotonic() + 5
while not got and time.monotonic() < deadline:
    time.sleep(0.001)
signal.raise_signal(signal.SIGUSR1)
print(got)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
old = signal.signal(signal.SIGALRM, lambda s, f: print("alarm"))
signal.setitimer(signal.ITIMER_REAL, 0.01)
signal.sigwait if False else None
import time
deadline = time.monotonic() + 5
while time.monotonic() < deadline:
    time.sleep(0.01)
    if signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0):
        break
time.sleep(0.05)
print("after alarm")
