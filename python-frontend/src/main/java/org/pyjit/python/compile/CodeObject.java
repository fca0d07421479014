package org.pyjit.python.compile;

import com.kenai.jffi.MemoryIO;
import java.util.Optional;
import org.pyjit.python.bytecode.BytecodeDialect;
import org.pyjit.python.bytecode.CodeAnalysis;
import org.pyjit.python.bytecode.MalformedBytecodeException;
import org.pyjit.python.layout.CPythonLayout;
import org.pyjit.python.layout.Opcode;

/**
 * What the translator reads from a live code object: its quickened instructions analysed with its
 * exception table, its constants, names and frame size. The mutable parts are copied under the GIL
 * ({@link #capture}); the constants are read later (e.g. a {@code KW_NAMES} tuple's length), so
 * the code object must stay alive until translation ends.
 *
 * @param address the code object
 * @param units address of {@code co_code_adaptive}: {@code prev_instr} values are computed from it
 * @param nLocalsPlus {@code co_nlocalsplus}: the value stack starts at {@code localsplus[nLocalsPlus]}
 * @param consts the items of {@code co_consts} (kept alive by the code object)
 * @param names the items of {@code co_names} (kept alive by the code object)
 * @param analysis the decoded, checked bytecode
 */
record CodeObject(long address, long units, int nLocalsPlus, long[] consts, long[] names, CodeAnalysis analysis) {

    private static final MemoryIO MEMORY = MemoryIO.getInstance();
    /**
     * {@code co_exceptiontable}: the field after {@code co_consts} and {@code co_names}
     * (Include/cpython/code.h, 3.12), not in the layout table.
     */
    private static final int EXCEPTION_TABLE_AFTER_CONSTS = 16;
    /** {@code PyBytesObject.ob_sval}: after the var-object header and {@code ob_shash}. */
    private static final int BYTES_DATA = 32;

    /**
     * Reads and analyses a code object.
     *
     * @param layout the running CPython's offsets
     * @param code the code object's address
     * @return the snapshot
     * @throws CompileRefusedException if the bytecode cannot be analysed
     */
    static CodeObject read(CPythonLayout layout, long code) throws CompileRefusedException {
        return capture(layout, code).analyse(layout);
    }

    /**
     * Copies what can change under a running interpreter (the quickened units) and the
     * constants' addresses: under the GIL. The analysis ({@link Raw#analyse})
     * needs no lock.
     *
     * @param layout the running CPython's offsets
     * @param code the code object's address
     * @return the copy
     */
    static Raw capture(CPythonLayout layout, long code) {
        CPythonLayout.CodeLayout c = layout.code();
        byte[] exceptionTable = exceptionTable(layout, code);
        long units = code + c.codeAdaptive();
        int count = (int) MEMORY.getLong(code + layout.object().size());
        byte[] bytes = new byte[2 * count];
        MEMORY.getByteArray(units, bytes, 0, bytes.length);
        return new Raw(code, units, bytes, exceptionTable, MEMORY.getInt(code + c.stackSize()),
                MEMORY.getInt(code + c.nLocalsPlus()), tupleItems(layout, MEMORY.getLong(code + c.consts())),
                tupleItems(layout, MEMORY.getLong(code + c.names())), FrameShape.read(layout, code));
    }

    /**
     * A code object's state copied under the GIL.
     *
     * @param address the code object
     * @param units address of {@code co_code_adaptive}
     * @param bytes the quickened code units
     * @param exceptionTable {@code co_exceptiontable}'s bytes
     * @param stackSize {@code co_stacksize}
     * @param nLocalsPlus {@code co_nlocalsplus}
     * @param consts the items of {@code co_consts}
     * @param names the items of {@code co_names}
     * @param shape what its frames look like when it is called
     */
    record Raw(long address, long units, byte[] bytes, byte[] exceptionTable, int stackSize, int nLocalsPlus,
               long[] consts, long[] names, FrameShape shape) {

        /**
         * Whether the code may hold a loop: some code unit's opcode byte is {@code JUMP_BACKWARD}
         * or its instrumented form. Cache units are not told apart from instructions, so a cache
         * value that looks like one answers "may"; a backward jump is never missed.
         *
         * @param layout the running CPython's offsets
         * @return false only for code without a backward jump
         */
        boolean mayLoop(CPythonLayout layout) {
            Optional<BytecodeDialect> dialect = BytecodeDialect.forVersion(layout.version());
            if (dialect.isEmpty()) {
                return true;
            }
            int jump = dialect.get().opcodes().number(Opcode.JUMP_BACKWARD);
            int instrumented = dialect.get().opcodes().number(Opcode.INSTRUMENTED_JUMP_BACKWARD);
            for (int k = 0; k < bytes.length; k += 2) {
                int op = bytes[k] & 0xFF;
                if (op == jump || op == instrumented) {
                    return true;
                }
            }
            return false;
        }

        /** Decodes and checks the copied bytecode (any thread). */
        CodeObject analyse(CPythonLayout layout) throws CompileRefusedException {
            BytecodeDialect dialect = BytecodeDialect.forVersion(layout.version())
                    .orElseThrow(() -> new CompileRefusedException("no bytecode dialect for " + layout.version()));
            CodeAnalysis analysis;
            try {
                analysis = CodeAnalysis.of(dialect, bytes, exceptionTable, stackSize);
            } catch (MalformedBytecodeException e) {
                throw new CompileRefusedException("bytecode not analysable: " + e.getMessage());
            }
            return new CodeObject(address, units, nLocalsPlus, consts, names, analysis);
        }
    }

    private static long[] tupleItems(CPythonLayout layout, long tuple) {
        long[] items = new long[(int) MEMORY.getLong(tuple + layout.object().size())];
        for (int i = 0; i < items.length; i++) {
            items[i] = MEMORY.getLong(tuple + layout.sequences().tupleItems() + 8L * i);
        }
        return items;
    }

    /** The {@code prev_instr} value naming code unit {@code unit}. */
    long unitAddress(int unit) {
        return units + 2L * unit;
    }

    /** A copy of {@code co_exceptiontable}'s bytes (immutable: any thread, while the code object lives). */
    static byte[] exceptionTable(CPythonLayout layout, long code) {
        long table = MEMORY.getLong(code + layout.code().consts() + EXCEPTION_TABLE_AFTER_CONSTS);
        byte[] bytes = new byte[(int) MEMORY.getLong(table + layout.object().size())];
        MEMORY.getByteArray(table + BYTES_DATA, bytes, 0, bytes.length);
        return bytes;
    }

    /** The length of a tuple constant (KW_NAMES). */
    static long tupleLength(CPythonLayout layout, long tuple) {
        return MEMORY.getLong(tuple + layout.object().size());
    }
}
