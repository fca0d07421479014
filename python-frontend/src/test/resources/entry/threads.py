import threading

# The list comparison runs in C: nothing but the compiled loop's eval-breaker poll can hand the
# GIL to the other thread, so without it this program never ends.
def wait_while_equal(box, empty):
    i = 0
    while box == empty:
        i += 1
    return i

box = []
go = threading.Event()

def fill():
    go.wait()
    box.append(1)

print(wait_while_equal([1], []))
worker = threading.Thread(target=fill)
worker.start()
go.set()
spins = wait_while_equal(box, [])
worker.join()
print("other thread ran:", box, "while the loop spun:", spins > 0)
