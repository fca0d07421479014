import threading
def bad():
    raise ValueError("from thread")
t = threading.Thread(target=bad, name="worker-1")
t.start()
t.join()
print("main continues")
