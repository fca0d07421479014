def spin():
    i = 0
    while True:
        i += 1
        if i == 100_000:
            print("ready", flush=True)

spin()
