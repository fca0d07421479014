import asyncio, contextvars
request_id = contextvars.ContextVar("request_id", default="none")
async def handler(i):
    request_id.set(f"req-{i}")
    await asyncio.sleep(0)
    return request_id.get()
async def main():
    results = await asyncio.gather(*(handler(i) for i in range(4)))
    print(results, request_id.get())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "future done")
    print(await fut)
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0)
        ev.set()
    await asyncio.gather(ev.wait(), setter())
    print("event set", ev.is_set())
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(handler(10))
        t2 = tg.create_task(handler(11))
    print(t1.result(), t2.result())
ctx = contextvars.copy_context()
print(ctx.run(request_id.get))
asyncio.run(main())
