import asyncio

async def worker(name, q, results):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            return
        await asyncio.sleep(0)
        results.append((name, item * item))
        q.task_done()

async def fetch(i):
    await asyncio.sleep(0.001 * (5 - i))
    return i * 10

class Resource:
    async def __aenter__(self):
        print("enter")
        return self
    async def __aexit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return True

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def main():
    q = asyncio.Queue()
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", q, results)) for i in range(3)]
    for i in range(10):
        q.put_nowait(i)
    for _ in workers:
        q.put_nowait(None)
    await q.join()
    await asyncio.gather(*workers)
    print(sorted(v for _, v in results))
    print(await asyncio.gather(*(fetch(i) for i in range(5))))
    async with Resource():
        raise KeyError("x")
    print([i async for i in agen(5)])
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except TimeoutError:
        print("timed out")
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())

asyncio.run(main())
