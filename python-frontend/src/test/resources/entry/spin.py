def spin(stop):
    i = 0
    while True:
        i += 1
        if i == stop:
            return i

spin(1)
spin(2)
print("ready", flush=True)
spin(-1)
