import gc


class Box:
    pass


def keep(*args):
    return len(args)


def worker():
    # Resumed with [keep, NULL, Box(), sent] on the stack; the call frees the Box and leaves the
    # stack at depth 0, so the slots above hold a freed object while gc.collect() traverses the
    # running generator.
    n = keep(Box(), (yield "first"), [Box()])
    gc.collect()
    yield n


for round in range(3):
    g = worker()
    print(next(g), g.send("sent"))
