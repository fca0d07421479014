# What 3.12 handles when the eval breaker is set reaches compiled loops: an asynchronous exception
# (PyThreadState_SetAsyncExc) ends a compiled `while True` in another thread, and collections the
# allocator schedules run while a compiled loop makes cyclic garbage.
import ctypes
import gc
import threading


class Stop(Exception):
    pass


def worker(started, done):
    n = 0
    try:
        while True:
            n += 1
            if n == 1000:
                started.set()
    except Stop:
        done.set()


started, done = threading.Event(), threading.Event()
t = threading.Thread(target=worker, args=(started, done))
t.start()
started.wait()
ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(t.ident), ctypes.py_object(Stop))
print("async exception seen:", done.wait(60))
t.join(60)
print("worker ended:", not t.is_alive())

collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info["generation"]))


def churn(n):
    for i in range(n):
        a = []
        a.append(a)


churn(200000)
gc.callbacks.clear()
print("collections during the loop:", len(collections) > 0)
