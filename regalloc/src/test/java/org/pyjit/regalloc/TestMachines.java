package org.pyjit.regalloc;

import java.util.Set;

/** Machine descriptions for tests. */
final class TestMachines {
    private TestMachines() {
    }

    static final PReg R0 = new PReg(RegClass.INT, 0);
    static final PReg R1 = new PReg(RegClass.INT, 1);
    static final PReg R2 = new PReg(RegClass.INT, 2);
    static final PReg R3 = new PReg(RegClass.INT, 3);
    static final PReg F0 = new PReg(RegClass.FLOAT, 0);
    static final PReg F1 = new PReg(RegClass.FLOAT, 1);
    static final PReg F2 = new PReg(RegClass.FLOAT, 2);

    /** Caller-saved registers of {@link #small()}: what a call clobbers. */
    static final Set<PReg> CALL_CLOBBERS = Set.of(R0, R1, F0, F1);

    /** 4 integer registers (r2, r3 callee-saved), 3 float registers (f2 callee-saved). */
    static MachineEnv small() {
        return MachineEnv.build(b -> b
                .reg(RegClass.INT, 0, "r0").reg(RegClass.INT, 1, "r1")
                .calleeSaved(RegClass.INT, 2, "r2").calleeSaved(RegClass.INT, 3, "r3")
                .scratch(RegClass.INT, 15, "r15")
                .reg(RegClass.FLOAT, 0, "f0").reg(RegClass.FLOAT, 1, "f1")
                .calleeSaved(RegClass.FLOAT, 2, "f2")
                .scratch(RegClass.FLOAT, 15, "f15"));
    }

    /** An x86-64-like machine: 14 GPRs (no rsp, rbp; r11 scratch), 15 XMMs (xmm15 scratch). */
    static MachineEnv x86Like() {
        return MachineEnv.build(b -> {
            String[] names = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
            int[] callerSaved = {0, 1, 2, 6, 7, 8, 9, 10};
            int[] calleeSaved = {3, 12, 13, 14, 15};
            for (int r : callerSaved) b.reg(RegClass.INT, r, names[r]);
            for (int r : calleeSaved) b.calleeSaved(RegClass.INT, r, names[r]);
            b.scratch(RegClass.INT, 11, "r11");
            for (int x = 0; x < 15; x++) b.reg(RegClass.FLOAT, x, "xmm" + x);
            b.scratch(RegClass.FLOAT, 15, "xmm15");
        });
    }
}
