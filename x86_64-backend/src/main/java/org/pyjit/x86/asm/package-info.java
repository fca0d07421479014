/**
 * A validating x86-64 assembler facade over jnr-x86asm 1.0.2 ({@link org.pyjit.x86.asm.X86Assembler}).
 *
 * <p>Invariants:
 * <ul>
 *   <li><b>Own buffer, little-endian, position 0.</b> Every instruction is encoded on its own by a
 *       fresh {@code jnr.x86asm.Assembler} (whose 128-byte buffer is then ample, B2) or by
 *       {@code RawEncoder}, and its bytes are copied into a growable array. jnr's
 *       {@code relocCode} is never called (B3), no reflection is used, and nothing is placed in
 *       jnr's packages, so the facade also works on the module path.</li>
 *   <li><b>Validate first.</b> Operands are checked before any byte is written; invalid ones throw
 *       {@link java.lang.IllegalArgumentException} (rsp as index, a scale that is not 1/2/4/8,
 *       a 64-bit immediate outside int32, a shift count not in CL, widths a form lacks, RIP-relative
 *       operands in forms with an immediate). An encoding that produced no bytes throws
 *       {@link java.lang.IllegalStateException} (B10).</li>
 *   <li><b>Labels are ours.</b> jnr has no {@code bind()} (B1). Jumps, jcc and calls to a
 *       {@link org.pyjit.x86.asm.Label} are raw {@code E9/0F 8x/E8 rel32} (backward jumps that fit
 *       use rel8); RIP-relative operands are encoded by jnr against a fresh, never-bound jnr label
 *       and the trailing disp32 is patched by us, so backward references are right (B5). All
 *       fix-ups are applied in {@code finish()}, which throws on an unbound label.</li>
 *   <li><b>Constant pool</b> after the code, 16-byte aligned, deduplicated by bit pattern; code must
 *       be placed 16-byte aligned (the code cache does).</li>
 *   <li><b>Through jnr</b> (audited correct): mov/movzx/movsx/movsxd/lea, the ALU group, imul,
 *       not/neg/mul/div/idiv, shifts by CL or imm8, cmovcc, setcc [m8], call/jmp r64 and [m],
 *       push/pop, ret, nop, ud2, int3, SSE moves and arithmetic, cvtsi2sd/ss from 32 bits,
 *       cvttsd2si/cvttss2si, roundsd.</li>
 *   <li><b>Raw-encoded</b> (each cites the Intel SDM Vol. 2 page in {@code RawEncoder}):
 *       cvtsi2sd/cvtsi2ss from r64/m64 (jnr drops REX.W, B4); cdq, cqo, cdqe (jnr's names are
 *       wrong, B7); setcc r8 (no SPL/BPL/SIL/DIL in jnr, B9); jmp/jcc/call rel32 and rel8;
 *       {@code callAbsolute} ({@code mov r11, imm64; call r11}, clobbers r11); multi-byte NOPs.</li>
 *   <li><b>Byte registers.</b> Byte forms whose register is SPL/BPL/SIL/DIL get an empty REX
 *       (0x40) inserted when jnr emitted none, so encodings 4..7 never mean AH..BH (B9). AH..BH are
 *       not expressible.</li>
 *   <li>Not used at all: absolute memory operands (B6), segment prefixes (B8), bt r64,imm (B12).</li>
 * </ul>
 * The encoder regression test compares every supported form over all registers and a set of
 * tricky addresses with GNU objdump.
 */
package org.pyjit.x86.asm;
