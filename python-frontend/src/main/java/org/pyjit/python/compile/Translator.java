package org.pyjit.python.compile;

import java.util.HashMap;
import java.util.Map;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.bytecode.ControlFlowGraph.BasicBlock;
import org.pyjit.python.bytecode.ControlFlowGraph.Edge;
import org.pyjit.python.bytecode.Instruction;
import org.pyjit.python.bytecode.Successor;
import org.pyjit.python.layout.CPythonLayout;

/**
 * One code object's bytecode to one IR function {@code i64 body(frame, tstate)}: 1 when the frame
 * is ready for the interpreter to execute the return instruction {@code prev_instr} points at, 0
 * when an exception is set and {@code prev_instr} names the faulting instruction. One IR block per
 * reachable bytecode block; all values live in the frame (see the package invariants).
 */
final class Translator {

    /** {@code (frame, tstate) -> ok}. */
    static final Signature BODY = Signature.of(Type.I64, Type.I64, Type.I64);
    private static final Signature BINARY = Signature.of(Type.I64, Type.I64, Type.I64);
    private static final Signature TERNARY = Signature.of(Type.I64, Type.I64, Type.I64, Type.I64);
    private static final Signature INT_OF_OBJECT = Signature.of(Type.I32, Type.I64);
    private static final Signature INT_OF_NOTHING = Signature.of(Type.I32);
    private static final Signature POINTER_OF_NOTHING = Signature.of(Type.I64);
    private static final Signature VOID_OF_POINTER = Signature.ofVoid(Type.I64);

    private final CPythonLayout layout;
    private final NativeSymbols symbols;
    private final CodeObject code;
    private final Map<Integer, Block> blocks = new HashMap<>();
    private FunctionBuilder b;
    private Value frame;
    private Value evalBreaker;

    Translator(CPythonLayout layout, NativeSymbols symbols, CodeObject code) {
        this.layout = layout;
        this.symbols = symbols;
        this.code = code;
    }

    /**
     * Checks the subset, then builds the function.
     *
     * @param name the IR function's name
     * @return the function
     * @throws CompileRefusedException naming the first unsupported instruction
     */
    IrFunction translate(String name) throws CompileRefusedException {
        for (BasicBlock block : code.analysis().graph().blocks()) {
            for (Instruction i : block.instructions()) {
                if (!code.analysis().depths().isReachable(i)) {
                    continue;
                }
                SupportedOpcode op = SupportedOpcode.of(i.base()).orElseThrow(() -> new CompileRefusedException(
                        "unsupported opcode " + i.base() + " at offset " + i.byteOffset()));
                int depth = depth(i);
                if (op == SupportedOpcode.RETURN_VALUE && depth != 1 || op == SupportedOpcode.RETURN_CONST && depth != 0) {
                    throw new CompileRefusedException(op + " at depth " + depth + " at offset " + i.byteOffset());
                }
                if (op == SupportedOpcode.BINARY_OP && NumberOp.of(i.oparg()).isEmpty()) {
                    throw new CompileRefusedException("BINARY_OP " + i.oparg() + " at offset " + i.byteOffset());
                }
            }
        }
        if (!(layout.interpreter().evalBreaker() instanceof CPythonLayout.EvalBreaker.InInterpreter breaker)) {
            throw new CompileRefusedException("eval breaker not in the interpreter state (not 3.12)");
        }
        int breakerOffset = breaker.offset();
        return FunctionBuilder.build(name, BODY, builder -> {
            b = builder;
            Block entry = b.createBlock();
            var params = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            frame = params.get(0);
            Value interp = b.load(Type.I64, params.get(1), layout.threadState().interp());
            evalBreaker = b.iaddImm(interp, breakerOffset);
            BasicBlock first = code.analysis().graph().blocks().get(0);
            pollEvalBreaker(first.instructions().get(0), 0);
            b.jump(blockFor(first.id()));
            for (BasicBlock block : code.analysis().graph().blocks()) {
                if (code.analysis().depths().isReachable(block.instructions().get(0))) {
                    b.switchToBlock(blockFor(block.id()));
                    new BlockTranslation(block).emit();
                }
            }
        });
    }

    private int depth(Instruction i) {
        return code.analysis().depths().before(i).orElseThrow();
    }

    private Block blockFor(int id) {
        return blocks.computeIfAbsent(id, k -> b.createBlock());
    }

    /** The instructions of one bytecode block, then its fall-through. */
    private final class BlockTranslation {
        private final BasicBlock block;

        BlockTranslation(BasicBlock block) {
            this.block = block;
        }

        void emit() {
            for (Instruction i : block.instructions()) {
                if (instruction(i, depth(i))) {
                    return;
                }
            }
            b.jump(blockFor(target(Successor.Kind.NEXT)));
        }

        private int target(Successor.Kind kind) {
            for (Edge e : block.successors()) {
                if (e instanceof Edge.Flow f && f.kind() == kind) {
                    return f.target();
                }
            }
            throw new IllegalStateException("block " + block.id() + " has no " + kind + " edge");
        }

        /** Emits one instruction; true if it ended the block (a jump or return). */
        private boolean instruction(Instruction i, int d) {
            SupportedOpcode op = SupportedOpcode.of(i.base()).orElseThrow();
            switch (op) {
                case RESUME, NOP -> { }
                case LOAD_FAST -> push(d, incref(local(i.oparg())));
                case LOAD_CONST -> push(d, incref(b.iconst(Type.I64, code.consts()[i.oparg()])));
                case STORE_FAST -> {
                    Value old = local(i.oparg());
                    b.store(slot(d - 1), frame, localOffset(i.oparg()));
                    setPrevInstr(i);
                    xdecref(old);
                }
                case POP_TOP -> {
                    setPrevInstr(i);
                    decref(slot(d - 1));
                }
                case COPY -> push(d, incref(slot(d - i.oparg())));
                case SWAP -> {
                    Value top = slot(d - 1);
                    Value other = slot(d - i.oparg());
                    b.store(other, frame, stackOffset(d - 1));
                    b.store(top, frame, stackOffset(d - i.oparg()));
                }
                case RETURN_VALUE, RETURN_CONST -> {
                    b.store(b.iconst(Type.I64, code.unitAddress(i.start())), frame, layout.frame().instructionPointer());
                    setStackTop(d);
                    b.ret(b.iconst(Type.I64, 1));
                    return true;
                }
                case BINARY_OP -> {
                    NumberOp nb = NumberOp.of(i.oparg()).orElseThrow();
                    Value f = b.iconst(Type.I64, symbols.numberOps().get(nb));
                    Value l = slot(d - 2);
                    Value r = slot(d - 1);
                    setPrevInstr(i);
                    Value res = nb.ternary()
                            ? b.callIndirect(TERNARY, f, l, r, b.iconst(Type.I64, symbols.none())).get(0)
                            : b.callIndirect(BINARY, f, l, r).get(0);
                    finishBinary(l, r, res, d);
                }
                case COMPARE_OP -> {
                    Value l = slot(d - 2);
                    Value r = slot(d - 1);
                    setPrevInstr(i);
                    Value res = b.callIndirect(TERNARY, b.iconst(Type.I64, symbols.richCompare()), l, r,
                            b.iconst(Type.I64, i.oparg() >> 4)).get(0);
                    finishBinary(l, r, res, d);
                }
                case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> {
                    Block taken = blockFor(target(Successor.Kind.BRANCH_TAKEN));
                    Block next = blockFor(target(Successor.Kind.NEXT));
                    boolean onTrue = op == SupportedOpcode.POP_JUMP_IF_TRUE;
                    Block ifTrue = onTrue ? taken : next;
                    Block ifFalse = onTrue ? next : taken;
                    Value v = slot(d - 1);
                    Block notTrue = b.createBlock();
                    Block general = b.createBlock();
                    b.brif(b.icmpImm(IntCC.EQ, v, symbols.trueObject()), ifTrue, notTrue);
                    b.switchToBlock(notTrue);
                    b.brif(b.icmpImm(IntCC.EQ, v, symbols.falseObject()), ifFalse, general);
                    b.switchToBlock(general);
                    setPrevInstr(i);
                    Value truth = b.callIndirect(INT_OF_OBJECT, b.iconst(Type.I64, symbols.isTrue()), v).get(0);
                    decref(v);
                    Block decided = b.createBlock();
                    b.brif(b.icmpImm(IntCC.SLT, truth, 0), errorExit(d - 1), decided);
                    b.switchToBlock(decided);
                    b.brif(b.icmpImm(IntCC.NE, truth, 0), ifTrue, ifFalse);
                    return true;
                }
                case POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE -> {
                    Block taken = blockFor(target(Successor.Kind.BRANCH_TAKEN));
                    Block next = blockFor(target(Successor.Kind.NEXT));
                    boolean onNone = op == SupportedOpcode.POP_JUMP_IF_NONE;
                    Value v = slot(d - 1);
                    Block some = b.createBlock();
                    b.brif(b.icmpImm(IntCC.EQ, v, symbols.none()), onNone ? taken : next, some);
                    b.switchToBlock(some);
                    setPrevInstr(i);
                    decref(v);
                    b.jump(onNone ? next : taken);
                    return true;
                }
                case JUMP_FORWARD -> {
                    b.jump(blockFor(target(Successor.Kind.JUMP)));
                    return true;
                }
                case JUMP_BACKWARD -> {
                    pollEvalBreaker(i, d);
                    b.jump(blockFor(target(Successor.Kind.JUMP)));
                    return true;
                }
            }
            return false;
        }

        /** Both operands released; NULL is an error with them popped, else the result replaces them. */
        private void finishBinary(Value l, Value r, Value res, int d) {
            decref(l);
            decref(r);
            Block ok = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, res, 0), errorExit(d - 2), ok);
            b.switchToBlock(ok);
            b.store(res, frame, stackOffset(d - 2));
        }

        private void push(int d, Value v) {
            b.store(v, frame, stackOffset(d));
        }
    }

    /**
     * At a back edge (and at entry): if the eval breaker is set, run signal handlers and pending
     * calls and let another thread take the GIL; a raised exception leaves at {@code i}.
     */
    private void pollEvalBreaker(Instruction i, int d) {
        Block slow = b.createBlock();
        Block signalsDone = b.createBlock();
        Block callsDone = b.createBlock();
        Block cont = b.createBlock();
        b.brif(b.icmpImm(IntCC.NE, b.load(Type.I32, evalBreaker, 0), 0), slow, cont);
        b.switchToBlock(slow);
        setPrevInstr(i);
        Value signals = b.callIndirect(INT_OF_NOTHING, b.iconst(Type.I64, symbols.checkSignals())).get(0);
        b.brif(b.icmpImm(IntCC.SLT, signals, 0), errorExit(d), signalsDone);
        b.switchToBlock(signalsDone);
        Value calls = b.callIndirect(INT_OF_NOTHING, b.iconst(Type.I64, symbols.makePendingCalls())).get(0);
        b.brif(b.icmpImm(IntCC.SLT, calls, 0), errorExit(d), callsDone);
        b.switchToBlock(callsDone);
        Value ts = b.callIndirect(POINTER_OF_NOTHING, b.iconst(Type.I64, symbols.saveThread())).get(0);
        b.callIndirect(VOID_OF_POINTER, b.iconst(Type.I64, symbols.restoreThread()), ts);
        b.jump(cont);
        b.switchToBlock(cont);
    }

    /** A block that leaves with an exception set, {@code depth} stack slots owned by the frame. */
    private Block errorExit(int depth) {
        Block current = b.currentBlock();
        Block exit = b.createBlock();
        b.switchToBlock(exit);
        setStackTop(depth);
        b.ret(b.iconst(Type.I64, 0));
        b.switchToBlock(current);
        return exit;
    }

    private void setStackTop(int depth) {
        b.store(b.iconst(Type.I32, code.nLocalsPlus() + depth), frame, layout.frame().stackTop());
    }

    private void setPrevInstr(Instruction i) {
        b.store(b.iconst(Type.I64, code.unitAddress(i.index())), frame, layout.frame().instructionPointer());
    }

    private int localOffset(int n) {
        return layout.frame().localsPlus() + 8 * n;
    }

    private int stackOffset(int d) {
        return localOffset(code.nLocalsPlus() + d);
    }

    private Value local(int n) {
        return b.load(Type.I64, frame, localOffset(n));
    }

    private Value slot(int d) {
        return b.load(Type.I64, frame, stackOffset(d));
    }

    /** 3.12 {@code Py_INCREF}: the low 32 bits, left alone when they overflow to 0 (immortal). */
    private Value incref(Value o) {
        Value low = b.load(Type.I32, o, layout.object().refcnt());
        Value bumped = b.iaddImm(low, 1);
        b.store(b.select(b.icmpImm(IntCC.EQ, bumped, 0), low, bumped), o, layout.object().refcnt());
        return o;
    }

    /** 3.12 {@code Py_DECREF}: immortal when the low half is negative; {@code _Py_Dealloc} at 0. */
    private void decref(Value o) {
        Block mortal = b.createBlock();
        Block dealloc = b.createBlock();
        Block done = b.createBlock();
        b.brif(b.icmpImm(IntCC.SLT, b.load(Type.I32, o, layout.object().refcnt()), 0), done, mortal);
        b.switchToBlock(mortal);
        Value count = b.iaddImm(b.load(Type.I64, o, layout.object().refcnt()), -1);
        b.store(count, o, layout.object().refcnt());
        b.brif(b.icmpImm(IntCC.EQ, count, 0), dealloc, done);
        b.switchToBlock(dealloc);
        b.callIndirect(VOID_OF_POINTER, b.iconst(Type.I64, symbols.dealloc()), o);
        b.jump(done);
        b.switchToBlock(done);
    }

    private void xdecref(Value o) {
        Block some = b.createBlock();
        Block done = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, o, 0), done, some);
        b.switchToBlock(some);
        decref(o);
        b.jump(done);
        b.switchToBlock(done);
    }
}
