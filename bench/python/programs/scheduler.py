"""A small cooperative operating-system simulation in the spirit of the classic "richards"
scheduler benchmark (written from scratch for this project): prioritised tasks of several
classes pass message objects through inboxes; a scheduler repeatedly picks the runnable task of
highest priority and steps it.

Stresses: classes with inheritance, method calls through `self`, attribute reads and writes,
object allocation, small lists used as queues, polymorphic dispatch on the task's class.
Usage: scheduler.py [SIZE]   SIZE = number of jobs the source task emits (default 100000).
"""
import sys

WORK, IO, DONE = 0, 1, 2


class Message:
    def __init__(self, kind, value, origin):
        self.kind = kind
        self.value = value
        self.origin = origin
        self.hops = 0


class Task:
    def __init__(self, system, name, priority):
        self.system = system
        self.name = name
        self.priority = priority
        self.inbox = []
        self.head = 0
        self.blocked = False
        self.finished = False
        self.steps = 0

    def deliver(self, message):
        message.hops += 1
        self.inbox.append(message)
        self.blocked = False

    def receive(self):
        if self.head == len(self.inbox):
            self.inbox = []
            self.head = 0
            self.blocked = True
            return None
        message = self.inbox[self.head]
        self.head += 1
        return message

    def runnable(self):
        return not self.blocked and not self.finished

    def step(self):
        raise NotImplementedError


class Source(Task):
    def __init__(self, system, name, priority, jobs, workers):
        Task.__init__(self, system, name, priority)
        self.remaining = jobs
        self.workers = workers
        self.next_worker = 0
        self.seed = 17

    def step(self):
        if self.remaining == 0:
            for worker in self.workers:
                worker.deliver(Message(DONE, 0, self))
            self.finished = True
            return
        self.seed = (self.seed * 75 + 74) % 65537
        worker = self.workers[self.next_worker]
        self.next_worker = (self.next_worker + 1) % len(self.workers)
        worker.deliver(Message(WORK, self.seed, self))
        self.remaining -= 1
        if self.remaining % 4 == 0:
            self.blocked = True  # yield to the workers until one reports back
            self.system.wake_later(self)


class Worker(Task):
    def __init__(self, system, name, priority, device, sink):
        Task.__init__(self, system, name, priority)
        self.device = device
        self.sink = sink
        self.handled = 0

    def step(self):
        message = self.receive()
        if message is None:
            return
        if message.kind == DONE:
            self.device.deliver(message)
            self.finished = True
            return
        value = message.value
        if message.kind == WORK and value % 3 == 0:
            message.kind = IO
            self.device.deliver(message)
            return
        self.handled += 1
        message.value = self.transform(value)
        self.sink.deliver(message)

    def transform(self, value):
        for _ in range(4):
            value = (value * 31 + 7) % 10007
        return value


class Device(Task):
    def __init__(self, system, name, priority, latency):
        Task.__init__(self, system, name, priority)
        self.latency = latency
        self.current = None
        self.countdown = 0
        self.workers_done = 0
        self.workers = 0

    def step(self):
        if self.current is None:
            message = self.receive()
            if message is None:
                return
            if message.kind == DONE:
                self.workers_done += 1
                if self.workers_done == self.workers:
                    self.system.sink.deliver(message)
                    self.finished = True
                return
            self.current = message
            self.countdown = self.latency + message.value % 3
            return
        self.countdown -= 1
        if self.countdown == 0:
            message = self.current
            self.current = None
            message.kind = WORK
            message.value = message.value + 1
            self.system.sink.deliver(message)


class Sink(Task):
    def __init__(self, system, name, priority):
        Task.__init__(self, system, name, priority)
        self.checksum = 0
        self.count = 0
        self.hops = 0

    def step(self):
        message = self.receive()
        if message is None:
            return
        if message.kind == DONE:
            self.finished = True
            return
        self.count += 1
        self.hops += message.hops
        self.checksum = (self.checksum * 33 + message.value) % 1000000007
        if self.count % 4 == 0:
            self.system.wake_pending()


class System:
    def __init__(self, jobs):
        self.pending = []
        self.sink = Sink(self, "sink", 5)
        self.device = Device(self, "device", 4, 3)
        workers = [Worker(self, "worker%d" % k, 3 - k % 2, self.device, self.sink)
                   for k in range(3)]
        self.device.workers = len(workers)
        self.source = Source(self, "source", 1, jobs, workers)
        everyone = [self.sink, self.device, self.source] + workers
        self.tasks = sorted(everyone, key=lambda t: -t.priority)
        self.switches = 0

    def wake_later(self, task):
        self.pending.append(task)

    def wake_pending(self):
        for task in self.pending:
            task.blocked = False
        self.pending = []

    def run(self):
        tasks = self.tasks
        while True:
            chosen = None
            for task in tasks:
                if task.runnable():
                    chosen = task
                    break
            if chosen is None:
                if self.pending:
                    self.wake_pending()
                    continue
                return
            chosen.steps += 1
            self.switches += 1
            chosen.step()


def main():
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    system = System(jobs)
    system.run()
    sink = system.sink
    steps = ",".join("%s:%d" % (t.name, t.steps) for t in system.tasks)
    print("scheduler", jobs, sink.count, sink.hops, sink.checksum, system.switches, steps)


main()
