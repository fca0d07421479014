import threading, queue

def worker(q, out, lock):
    while True:
        item = q.get()
        if item is None:
            break
        v = sum(i * i for i in range(item))
        with lock:
            out[item] = v

q = queue.Queue()
out, lock = {}, threading.Lock()
ts = [threading.Thread(target=worker, args=(q, out, lock), name=f"t{i}") for i in range(4)]
for t in ts:
    t.start()
for n in range(0, 4000, 100):
    q.put(n)
for _ in ts:
    q.put(None)
for t in ts:
    t.join()
print(len(out), sum(out.values()))
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
ev = threading.Event()
res = []
def waiter():
    ev.wait()
    res.append("woke")
w = threading.Thread(target=waiter); w.start(); ev.set(); w.join()
print(res)
local = threading.local()
def setlocal(v, r):
    local.v = v
    r.append(local.v)
r = []
th = [threading.Thread(target=setlocal, args=(i, r)) for i in range(3)]
[t.start() for t in th]; [t.join() for t in th]
print(sorted(r), hasattr(local, "v"))
counter = 0
def bump():
    global counter
    for _ in range(20000):
        with lock:
            counter += 1
th = [threading.Thread(target=bump) for _ in range(3)]
[t.start() for t in th]; [t.join() for t in th]
print(counter)
never = threading.Event()  # never set: the daemon is certainly alive when asked (ev is set)
d = threading.Thread(target=never.wait, daemon=True)
d.start()
print("daemon alive:", d.is_alive())
