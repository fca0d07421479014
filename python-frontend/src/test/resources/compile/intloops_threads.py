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
after = seen[0]
done[0] = True
thread.join()
print(total, after > before)
