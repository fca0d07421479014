package org.pyjit.codegen;

import org.pyjit.ir.IrModule;

/**
 * A code generator for one instruction set, found by {@link Jit} through
 * {@link java.util.ServiceLoader}. A backend turns a verified module into position-independent
 * machine code; installing and calling it is the {@link Jit}'s job.
 *
 * <h2>What the code must provide</h2>
 * For every IR function {@code %f}: a <em>C entry</em> with the platform's C calling convention
 * (System V on x86-64, AAPCS64 on AArch64), so native code can call it through a plain function
 * pointer; and a <em>Java entry thunk</em> with the C signature {@code int64_t thunk(int64_t *args,
 * ThreadContext *ctx)}, which
 * <ol>
 *   <li>saves the callee-saved registers and stores its stack pointer at {@code ctx+0},</li>
 *   <li>loads argument {@code i} from {@code args[i]} (raw bits, see {@link CompiledFunction}),</li>
 *   <li>calls {@code %f}, stores the result's raw bits to {@code args[0]}, clears {@code ctx+0}
 *       and returns 0.</li>
 * </ol>
 * A trap anywhere below a thunk looks up the current thread's context through
 * {@link TrapSupport}, restores the stack pointer saved at {@code ctx+0}, clears it, restores the
 * thunk's callee-saved registers and makes the thunk return the trap code (always non-zero). A
 * trap with no thunk active on its thread (code called straight from C) calls {@code abort}.
 *
 * <h2>Stack limit</h2>
 * Every thread context holds at {@link TrapSupport#STACK_LIMIT_OFFSET} the lowest stack address
 * compiled code may use on its thread (the thread's stack bottom, the JVM's guard zones and a
 * 64 KiB margin above them). Before allocating its frame, every compiled function compares the
 * frame's lowest address with the limit and traps {@code stack_overflow} if it would reach below
 * it, so unbounded recursion and oversized stack slots trap instead of faulting. The thunk takes
 * the limit from its context; the C entry looks the context up through the pthread key (no
 * context on the thread: no limit, exactly as for C code) and must preserve the native caller's
 * registers as the C convention requires. Calls between compiled functions may pass the limit
 * in a reserved register: IR calls do, and native code that is itself compiled may call another
 * module's function at its internal entry ({@link CompiledFunction#internalEntry}).
 */
public interface Backend {

    /** A short name: {@code x86_64}, {@code aarch64}. */
    String name();

    /** True if this backend generates code for the JVM's {@code os.arch} value {@code osArch}. */
    boolean runsOn(String osArch);

    /** The {@code objdump -m} machine name for disassembling this backend's code. */
    String objdumpMachine();

    /**
     * Compiles every function of a verified module into one position-independent code image.
     *
     * @param module a module that passed the verifier
     * @param traps  how trap handlers find the thread's context
     * @return the code and where each function and thunk starts
     * @throws CodegenException if the module uses something this backend cannot compile
     */
    MachineCode compile(IrModule module, TrapSupport traps);
}
