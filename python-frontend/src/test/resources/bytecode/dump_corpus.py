# Usage: python3.12 dump_corpus.py corpus_functions.py
# Compiles the corpus (plus generated functions that need EXTENDED_ARG), warms it up, and prints
# one record per code object for BytecodeCorpusTest. Line format (space-separated):
#   deopt SPECIALISED BASE | caches OPNAME N | globals NAME...
#   code QUALNAME / stacksize N / names NAME... / co_code HEX / adaptive HEX / exctable HEX
#   insn OFFSET OPNAME ARG|- JUMP_TARGET|- EFFECT|- JUMP_EFFECT|-     (dis, co_code)
#   ainsn OFFSET OPNAME                                                 (dis, adaptive=True)
#   cache OFFSET FIELD VALUE                                            (dis, adaptive, show_caches)
#   exc START END TARGET DEPTH LASTI                                    (dis._parse_exception_table)
#   end
import dis
import opcode
import sys


def generated_source():
    consts = "\n".join(f"    v{i} = {i * 1000 + 7}" for i in range(300))
    many = f"def many_constants(a):\n{consts}\n    return a + v299 + v0\n"
    body = "\n".join(f"        a = a * 3 + {i}" for i in range(120))
    long_jump = (f"def long_jumps(a, n):\n    while n > 0:\n        n -= 1\n{body}\n"
                 f"    if a:\n{body.replace('        ', '        ', 1)}\n    return a\n")
    return many + long_jump


def main(path):
    with open(path) as f:
        source = f.read()
    source += "\n" + generated_source()
    module_code = compile(source, "corpus_functions.py", "exec")
    ns = {"__name__": "corpus_functions"}
    exec(module_code, ns)
    ns["warm_up"]()
    for _ in range(50):
        ns["many_constants"](1)
        ns["long_jumps"](1, 3)
    out = []
    for spec, base in sorted(dis.deoptmap.items()):
        out.append(f"deopt {spec} {base}")
    for number, n in enumerate(opcode._inline_cache_entries):
        if n and not opcode.opname[number].startswith("<"):
            out.append(f"caches {opcode.opname[number]} {n}")
    out.append("globals " + " ".join(ns.keys()))
    stack = [module_code]
    while stack:
        code = stack.pop(0)
        stack.extend(c for c in code.co_consts if hasattr(c, "co_code"))
        dump(code, out)
    sys.stdout.write("\n".join(out) + "\n")


def effect(op, arg, jump):
    try:
        return str(dis.stack_effect(op, arg if op >= dis.HAVE_ARGUMENT else None, jump=jump))
    except ValueError:
        return "-"


def dump(code, out):
    out.append(f"code {code.co_qualname}")
    out.append(f"stacksize {code.co_stacksize}")
    out.append("names " + " ".join(code.co_names))
    out.append(f"co_code {code.co_code.hex()}")
    out.append(f"adaptive {code._co_code_adaptive.hex()}")
    out.append(f"exctable {code.co_exceptiontable.hex()}")
    for i in dis.get_instructions(code):
        target = i.argval if i.opcode in dis.hasjrel else "-"
        arg = "-" if i.arg is None else i.arg
        out.append(f"insn {i.offset} {i.opname} {arg} {target} "
                   f"{effect(i.opcode, i.arg, False)} {effect(i.opcode, i.arg, True)}")
    last = None
    for i in dis.get_instructions(code, adaptive=True, show_caches=True):
        if i.opname == "CACHE":
            if i.argrepr:
                field, value = i.argrepr.split(": ")
                out.append(f"cache {last} {field} {value}")
            continue
        last = i.offset
        out.append(f"ainsn {i.offset} {i.opname}")
    for e in dis._parse_exception_table(code):
        out.append(f"exc {e.start} {e.end} {e.target} {e.depth} {int(e.lasti)}")
    out.append("end")


if __name__ == "__main__":
    main(sys.argv[1])
