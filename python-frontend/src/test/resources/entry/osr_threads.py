import threading

# Called once: its loop becomes hot and continues compiled (on-stack replacement). The list
# comparison runs in C, so only the compiled loop's eval-breaker poll can hand the GIL over.
def wait_while_equal(box, empty):
    i = 0
    while box == empty:
        i += 1
        if i == 5000:
            go.set()
    return i

box = []
go = threading.Event()

def fill():
    go.wait()
    box.append(1)

worker = threading.Thread(target=fill)
worker.start()
spins = wait_while_equal(box, [])
worker.join()
print("other thread ran:", box, "after the loop spun past its threshold:", spins >= 5000)
