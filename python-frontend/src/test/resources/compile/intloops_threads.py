# A long int loop still lets another thread take the GIL (the back edge polls the eval breaker).
import threading

seen = [0]
done = [False]


def worker():
    while not done[0]:
        seen[0] += 1


def count(n):
    i = 0
    t = 0
    while i < n:
        t += i
        i += 1
    return t


count(10)
count(10)
thread = threading.Thread(target=worker)
thread.start()
before = seen[0]
total = count(4_000_000)
# The main thread spends nearly all its time in int loops until the worker has run; if their back
# edges did not let it take the GIL this would never end. (No timing: python3.12 and pyjit print
# the same whatever the schedule.)
while seen[0] == before:
    count(1_000_000)
done[0] = True
thread.join()
print(total, seen[0] > before)
