# stdin: input_eof.txt
name = input()
print("hello", name)
try:
    input("prompt> ")
except EOFError:
    print("EOF")
