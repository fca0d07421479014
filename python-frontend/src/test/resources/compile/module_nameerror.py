# A NameError raised in a compiled module body: traceback and line as python3.12.
values = [1, 2, 3]
total = 0
for v in values:
    total += v
print("total", total)


def helper():
    return missing_in_function


try:
    helper()
except NameError as e:
    print("caught:", e)
print(total + undefined_name)
