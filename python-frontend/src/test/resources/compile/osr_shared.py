# One loop body for all the loops of a function (their headers are not covered by the exception
# table): taken over at whichever back edge gets hot first, entered at the others' headers later.
def work(n):
    total = 0
    for i in range(n):
        for j in range(3):
            total += i * j
    k = 0
    while k < n:
        total -= k
        k += 1
    names = [str(i) for i in range(3)]
    return total, names


def after(n):
    t = 0
    while t < n:
        t += 2
    for x in range(n):
        t ^= x
    return t


print(work(3000), work(5))
print(after(5000), after(3), after(5000))
