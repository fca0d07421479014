print("raising KeyboardInterrupt by hand", flush=True)
try:
    raise KeyboardInterrupt
finally:
    print("finally runs")
