"""A small stack-machine interpreter: an assembler turns a textual program with labels into a
list of (opcode, argument) pairs, and a dispatch loop with an if/elif chain runs it. The program
counts primes by trial division and sums the Collatz path lengths of small numbers.

Stresses: the classic interpreter loop in Python: list indexing, tuple unpacking, a long
compare chain on small ints, list append/pop as a stack.
Usage: vm.py [SIZE]   SIZE = the limit the guest program runs to (default 4000).
"""
import sys

PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, DIV, LT, EQ, JMP, JZ, JNZ, DUP, POP, PRINT, HALT = range(17)
NAMES = {"push": PUSH, "load": LOAD, "store": STORE, "add": ADD, "sub": SUB, "mul": MUL,
         "mod": MOD, "div": DIV, "lt": LT, "eq": EQ, "jmp": JMP, "jz": JZ, "jnz": JNZ,
         "dup": DUP, "pop": POP, "print": PRINT, "halt": HALT}

# Registers: 0 = n, 1 = limit, 2 = d, 3 = primes, 4 = collatz total, 5 = x
SOURCE = """
    push 2 ; store 0 ; push 0 ; store 3 ; push 0 ; store 4
outer:
    load 0 ; load 1 ; lt ; jz done
    push 2 ; store 2
trial:
    load 2 ; load 2 ; mul ; load 0 ; lt ; load 2 ; load 2 ; mul ; load 0 ; eq ; add ; jz prime
    load 0 ; load 2 ; mod ; jz composite
    load 2 ; push 1 ; add ; store 2 ; jmp trial
prime:
    load 3 ; push 1 ; add ; store 3
composite:
    load 0 ; store 5
collatz:
    load 5 ; push 1 ; eq ; jnz next
    load 4 ; push 1 ; add ; store 4
    load 5 ; push 2 ; mod ; jz even
    load 5 ; push 3 ; mul ; push 1 ; add ; store 5 ; jmp collatz
even:
    load 5 ; push 2 ; div ; store 5 ; jmp collatz
next:
    load 0 ; push 1 ; add ; store 0 ; jmp outer
done:
    load 3 ; print ; load 4 ; print ; halt
"""


def assemble(source):
    labels = {}
    raw = []
    for line in source.split("\n"):
        for part in line.split(";"):
            part = part.strip()
            if not part:
                continue
            if part.endswith(":"):
                labels[part[:-1]] = len(raw)
            else:
                raw.append(part.split())
    code = []
    for fields in raw:
        op = NAMES[fields[0]]
        arg = 0
        if len(fields) > 1:
            arg = labels[fields[1]] if fields[1] in labels else int(fields[1])
        code.append((op, arg))
    return code


def run(code, registers):
    stack = []
    out = []
    pc = 0
    executed = 0
    while True:
        op, arg = code[pc]
        pc += 1
        executed += 1
        if op == LOAD:
            stack.append(registers[arg])
        elif op == PUSH:
            stack.append(arg)
        elif op == STORE:
            registers[arg] = stack.pop()
        elif op == ADD:
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == SUB:
            b = stack.pop()
            stack.append(stack.pop() - b)
        elif op == MUL:
            b = stack.pop()
            stack.append(stack.pop() * b)
        elif op == MOD:
            b = stack.pop()
            stack.append(stack.pop() % b)
        elif op == DIV:
            b = stack.pop()
            stack.append(stack.pop() // b)
        elif op == LT:
            b = stack.pop()
            stack.append(1 if stack.pop() < b else 0)
        elif op == EQ:
            b = stack.pop()
            stack.append(1 if stack.pop() == b else 0)
        elif op == JMP:
            pc = arg
        elif op == JZ:
            if stack.pop() == 0:
                pc = arg
        elif op == JNZ:
            if stack.pop() != 0:
                pc = arg
        elif op == DUP:
            stack.append(stack[-1])
        elif op == POP:
            stack.pop()
        elif op == PRINT:
            out.append(stack.pop())
        elif op == HALT:
            return out, executed
        else:
            raise ValueError("bad opcode %d" % op)


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    code = assemble(SOURCE)
    registers = [0] * 6
    registers[1] = limit
    out, executed = run(code, registers)
    print("vm", limit, len(code), out[0], out[1], executed)


main()
