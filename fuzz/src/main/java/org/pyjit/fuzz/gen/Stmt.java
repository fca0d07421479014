package org.pyjit.fuzz.gen;

import java.util.List;
import org.pyjit.ir.Type;

/**
 * One statement of a generated function body. Operands are <em>selectors</em>: non-negative
 * integers the {@link FunctionEmitter} resolves against the values visible at that point (see
 * {@link ValuePool#pick}); opcode and condition fields are selectors too, taken modulo the list of
 * operations valid for the type. Any combination of field values therefore builds into valid IR,
 * which is what lets jqwik shrink statements field by field and lists element by element.
 */
public sealed interface Stmt {
    /**
     * Operand selectors from this value up pick constants (or make one); those below pick
     * computed values, most recent first. Generators keep most selectors below it so that
     * operations mostly combine results that only the running program knows.
     */
    int CONSTANT_OPERAND = 32;

    /** Appends this statement's instructions through {@code e}. */
    void emit(FunctionEmitter e);

    /** A constant: {@code iconst}, {@code f32const} or {@code f64const} of the raw bits. */
    record Constant(Type type, long bits) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.constant(this);
        }
    }

    /** A two-operand operation valid for {@code type} (no division: see {@link Divide}). */
    record Arith(Type type, int op, int a, int b) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.arith(this);
        }
    }

    /** An operation with an immediate on the integer type of {@code type}'s width. */
    record ArithImm(Type type, int op, int a, long imm) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.arithImm(this);
        }
    }

    /** A one-operand operation valid for {@code type}. */
    record Unary(Type type, int op, int a) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.unary(this);
        }
    }

    /**
     * {@code sdiv udiv srem urem} on the integer type of {@code type}'s width; a guarded divisor is
     * made positive and odd first, so only unguarded ones can trap.
     */
    record Divide(Type type, int op, int a, int b, boolean guarded) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.divide(this);
        }
    }

    /** {@code icmp} or {@code fcmp}, by type; the condition is a selector. */
    record Compare(Type type, int cc, int a, int b) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.compare(this);
        }
    }

    /** {@code icmp_imm} on the integer type of {@code type}'s width. */
    record CompareImm(Type type, int cc, int a, long imm) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.compareImm(this);
        }
    }

    /** {@code select} on an {@code i8} condition. */
    record Choose(Type type, int cond, int a, int b) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.choose(this);
        }
    }

    /** {@code iadd_overflow isub_overflow imul_overflow} on the integer type of the width. */
    record Overflow(Type type, int op, int a, int b) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.overflow(this);
        }
    }

    /**
     * The conversion from {@code from} to {@code to} ({@code variant} picks between sextend and
     * uextend, or bitcast and fcvt_to_sint); nothing when the types are equal.
     */
    record Convert(Type from, Type to, int variant, int a, boolean mayTrap) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.convert(this);
        }
    }

    /** A load from the buffer: at {@code base + offset} or at {@code base + (index & mask) + offset}. */
    record Load(Type type, boolean indexed, int index, int offset) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.load(this);
        }
    }

    /** A store into the buffer, addressed as {@link Load}; floats are NaN-canonicalised first. */
    record Store(Type type, int value, boolean indexed, int index, int offset) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.store(this);
        }
    }

    /** A load from (or store into) one of the function's stack slots through {@code stack_addr}. */
    record SlotAccess(Type type, int slot, int offset, boolean store, int value) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.slotAccess(this);
        }
    }

    /** Assigns a value to a variable (a block parameter wherever assignments merge). */
    record Assign(int variable, int value) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.assign(this);
        }
    }

    /** A two-way branch on an {@code i8} that merges afterwards. */
    record If(int cond, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
        /** Copies the lists. */
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }

        @Override
        public void emit(FunctionEmitter e) {
            e.branch(this);
        }
    }

    /**
     * A counted loop: a fresh counter variable runs from 0 while it is below the limit, which is the
     * constant {@code trips} or, when {@code dynamic}, a value masked to a small range.
     */
    record Loop(int trips, boolean dynamic, int limit, List<Stmt> body) implements Stmt {
        /** Copies the list. */
        public Loop {
            body = List.copyOf(body);
        }

        @Override
        public void emit(FunctionEmitter e) {
            e.loop(this);
        }
    }

    /** A {@code br_table}: case 0 is the default, the others are table entries 0, 1, …. */
    record Switch(int index, boolean masked, List<List<Stmt>> cases) implements Stmt {
        /** Copies the lists. */
        public Switch {
            cases = cases.stream().map(List::copyOf).toList();
        }

        @Override
        public void emit(FunctionEmitter e) {
            e.switchTable(this);
        }
    }

    /** A call to a later function of the module, direct or through {@code func_addr}. */
    record Call(int callee, int args, boolean indirect) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.call(this);
        }
    }

    /** A {@code call_indirect} to a C function whose address is read from the buffer's table. */
    record NativeCall(int function, int args) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.nativeCall(this);
        }
    }

    /** {@code trap user N} when an {@code i8} is non-zero. */
    record TrapIf(int cond, int code) implements Stmt {
        @Override
        public void emit(FunctionEmitter e) {
            e.trapIf(this);
        }
    }
}
