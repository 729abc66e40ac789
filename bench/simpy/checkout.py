#!/usr/bin/env python3
"""The async checkout of "Sync vs Async", written in SimPy, as a speed reference for the engine.

The same model as the engine's async mode with its reference workload (no crashes, no outages,
no user retries, exponential backoff): customers arrive as a Poisson process; a web server with a
pool of request handlers runs validate (200 ms), charge (800 ms) and save (50 ms), puts an email
job on a queue and answers; workers take jobs from the queue and call the email service, which
takes exp(email-mean-ms) and fails with probability failure-rate. A failed job becomes visible
again after min(30 s, 1 s * 2^(receives-1)); after 5 failed receives it is dead-lettered.

Time unit: ms. Needs SimPy (Debian's system Python has it: /usr/bin/python3 checkout.py --json).
Only env.run() is timed.
"""
import argparse
import json
import random
import time

import simpy

VALIDATE_MS = 200.0
CHARGE_MS = 800.0
SAVE_MS = 50.0
MAX_RECEIVES = 5
BACKOFF_BASE_MS = 1000.0
BACKOFF_CAP_MS = 30000.0


class Message:
    __slots__ = ('arrived', 'ready', 'receives')

    def __init__(self, arrived, ready):
        self.arrived = arrived  # when the order arrived
        self.ready = ready  # when the message last became visible
        self.receives = 0


class Stats:
    __slots__ = ('arrived', 'responses', 'response_sum', 'emails_sent', 'email_delay_sum',
                 'failed_attempts', 'dead_lettered', 'receives', 'queue_wait_sum')

    def __init__(self):
        self.arrived = 0
        self.responses = 0
        self.response_sum = 0.0
        self.emails_sent = 0
        self.email_delay_sum = 0.0
        self.failed_attempts = 0
        self.dead_lettered = 0
        self.receives = 0
        self.queue_wait_sum = 0.0


def build(env, args, stats):
    rng = random.Random(args.seed)
    expovariate = rng.expovariate
    uniform = rng.random
    handlers = simpy.Resource(env, capacity=args.handlers)
    queue = simpy.Store(env)  # unbounded, so a put never blocks
    put = queue.put
    get = queue.get
    timeout = env.timeout
    arrival_rate = args.rate / 1000.0  # orders per ms
    email_rate = 1.0 / args.email_mean_ms
    failure_rate = args.failure_rate

    def order():
        arrived = env.now
        with handlers.request() as req:
            yield req
            yield timeout(VALIDATE_MS)
            yield timeout(CHARGE_MS)
            yield timeout(SAVE_MS)
            # Enqueue takes 0 ms and an unbounded Store accepts at once: no need to wait on it.
            put(Message(arrived, env.now))
        stats.responses += 1
        stats.response_sum += env.now - arrived

    def customers():
        process = env.process
        for _ in range(args.orders):
            yield timeout(expovariate(arrival_rate))
            stats.arrived += 1
            process(order())

    def make_visible(event):
        message = event.value
        message.ready = env.now
        put(message)

    def worker():
        while True:
            message = yield get()
            now = env.now
            stats.receives += 1
            stats.queue_wait_sum += now - message.ready
            message.receives += 1
            latency = expovariate(email_rate)
            ok = uniform() >= failure_rate
            yield timeout(latency)
            if ok:
                stats.emails_sent += 1
                stats.email_delay_sum += env.now - message.arrived
            else:
                stats.failed_attempts += 1
                if message.receives >= MAX_RECEIVES:
                    stats.dead_lettered += 1
                else:
                    # Hidden for the backoff, then put back; the worker is free at once.
                    delay = min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2.0 ** (message.receives - 1))
                    timeout(delay, message).callbacks.append(make_visible)

    env.process(customers())
    for _ in range(args.workers):
        env.process(worker())


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--orders', type=int, default=200000)
    p.add_argument('--rate', type=float, default=200.0, help='orders per second')
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--handlers', type=int, default=400)
    p.add_argument('--workers', type=int, default=400)
    p.add_argument('--failure-rate', type=float, default=0.05)
    p.add_argument('--email-mean-ms', type=float, default=1500.0)
    p.add_argument('--json', action='store_true', help='print one JSON line')
    args = p.parse_args()

    env = simpy.Environment()
    stats = Stats()
    build(env, args, stats)
    start = time.perf_counter()
    env.run()
    wall = time.perf_counter() - start

    # Every event SimPy scheduled draws an id from this counter (a SimPy internal; None if absent).
    eid = getattr(env, '_eid', None)
    events = next(eid) if eid is not None else None

    def mean(total, n):
        return total / n if n else None

    result = {
        'orders': stats.arrived,
        'wallSeconds': wall,
        'ordersPerSec': stats.arrived / wall if wall > 0 else None,
        'events': events,
        'simulatedMs': env.now,
        'meanResponseMs': mean(stats.response_sum, stats.responses),
        'meanEmailDelayMs': mean(stats.email_delay_sum, stats.emails_sent),
        'emailsSent': stats.emails_sent,
        'failedAttempts': stats.failed_attempts,
        'attempts': stats.receives,
        'deadLettered': stats.dead_lettered,
        'meanQueueWaitMs': mean(stats.queue_wait_sum, stats.receives),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f'{key:>18}: {value}')


if __name__ == '__main__':
    main()
