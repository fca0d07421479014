import asyncio
import types


@types.coroutine
def suspend(value):
    # An iterable coroutine: what an event loop's future does, a bare yield to the driver.
    received = yield value
    return received


async def leaf(n):
    total = 0
    for i in range(n):
        total += await suspend(i)
    return total


async def middle(n):
    a = await leaf(n)
    b = await leaf(n + 1)
    return a * 100 + b


async def failing(n):
    await suspend("before failing")
    return 10 // n


async def guarded(n):
    try:
        return await failing(n)
    except ZeroDivisionError as e:
        return "guarded: " + str(e)


def drive(coro, sends=()):
    """Runs a coroutine by hand: each value it yields is answered from sends (or by its index)."""
    answers = list(sends)
    yielded = []
    value = None
    try:
        while True:
            yielded.append(coro.send(value))
            value = answers.pop(0) if answers else len(yielded)
    except StopIteration as e:
        return e.value, yielded


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await suspend("enter " + self.name)
        return self

    async def __aexit__(self, *exc):
        await suspend("exit " + self.name)
        return False


async def countdown(n):
    while n > 0:
        got = await suspend(n)
        yield n, got
        n -= 1


async def uses_everything():
    out = []
    async with Resource("r") as r:
        out.append(r.name)
        async for pair in countdown(3):
            out.append(pair)
    out.append([x async for x in countdown(2)])
    return out


async def ticker(name, n, log):
    for i in range(n):
        log.append((name, i))
        await asyncio.sleep(0)
    return name * n


async def checked(n):
    await asyncio.sleep(0)
    try:
        return 10 // n
    except ZeroDivisionError as e:
        return "checked: " + str(e)


async def main_async():
    log = []
    results = await asyncio.gather(ticker("a", 3, log), ticker("b", 2, log), checked(0), checked(5))
    print(results)
    print(log)
    task = asyncio.create_task(ticker("c", 4, log))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled after", [e for e in log if e[0] == "c"])
    return await checked(2)


def main():
    print(drive(middle(3)))
    print(drive(middle(2), sends=[5, 6, 7, 8, 9, 10, 11]))
    print(drive(guarded(0)), drive(guarded(4)))
    print(drive(uses_everything()))

    c = leaf(5)
    print(c.send(None), c.send(1))
    try:
        c.throw(ValueError("thrown into leaf"))
    except ValueError as e:
        print("propagated", e)
    c = middle(4)
    c.send(None)
    c.close()
    print("closed", c.cr_frame)

    agen = countdown(3)
    step = agen.asend(None)
    try:
        while True:
            print("asend yielded", step.send(None))
    except StopIteration as e:
        print("asend produced", e.value)
    closing = agen.aclose()
    try:
        closing.send(None)
    except StopIteration:
        print("aclose done")

    print(asyncio.run(main_async()))


main()


async def broken():
    await suspend(1)
    raise LookupError("from a coroutine")


async def runner():
    await broken()


drive(runner())
