"""Gravitational n-body simulation in float arithmetic (symplectic Euler, G = 1).

Stresses: float add/multiply/divide and sqrt, attribute-free list-of-floats indexing, nested loops
over body pairs. The bodies are a made-up deterministic system (a heavy centre and eight bodies on
roughly circular orbits), not any real data set.
Usage: nbody.py [SIZE]   SIZE = number of time steps (default 40000).
"""
import math
import sys


def make_system(count):
    # body = [x, y, z, vx, vy, vz, mass]
    bodies = [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1000.0]]
    for k in range(1, count):
        r = 1.0 + 0.75 * k
        angle = 0.9 * k
        speed = math.sqrt(1000.0 / r)
        bodies.append([r * math.cos(angle), r * math.sin(angle), 0.05 * k,
                       -speed * math.sin(angle), speed * math.cos(angle), 0.01 * (k % 3),
                       0.1 + 0.05 * k])
    # zero total momentum so the centre stays put
    px = sum(b[3] * b[6] for b in bodies)
    py = sum(b[4] * b[6] for b in bodies)
    pz = sum(b[5] * b[6] for b in bodies)
    centre = bodies[0]
    centre[3] -= px / centre[6]
    centre[4] -= py / centre[6]
    centre[5] -= pz / centre[6]
    return bodies


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        a = bodies[i]
        e += 0.5 * a[6] * (a[3] * a[3] + a[4] * a[4] + a[5] * a[5])
        for j in range(i + 1, n):
            b = bodies[j]
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            e -= a[6] * b[6] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for a, b in pairs:
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            ma = a[6] * mag
            mb = b[6] * mag
            a[3] -= dx * mb
            a[4] -= dy * mb
            a[5] -= dz * mb
            b[3] += dx * ma
            b[4] += dy * ma
            b[5] += dz * ma
        for body in bodies:
            body[0] += dt * body[3]
            body[1] += dt * body[4]
            body[2] += dt * body[5]


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
    bodies = make_system(9)
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    before = energy(bodies)
    for _ in range(steps // 100):
        advance(bodies, pairs, 0.0005, 100)
    advance(bodies, pairs, 0.0005, steps % 100)
    print("nbody", steps, "%.9f" % before, "%.9f" % energy(bodies))


main()
