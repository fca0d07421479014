package org.pyjit.x86.asm;

/**
 * A position in the code of one {@link X86Assembler}, bound at most once; jumps, calls and
 * RIP-relative operands may refer to it before or after it is bound. Identity matters: two labels
 * are the same only if they are the same object.
 */
public final class Label {
    private final X86Assembler owner;
    private final String name;
    private int position = -1;

    Label(X86Assembler owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    /** @return the debugging name given at creation */
    public String name() {
        return name;
    }

    /** @return whether the label has been bound */
    public boolean isBound() {
        return position >= 0;
    }

    /**
     * @return the bound offset from the start of the code
     * @throws IllegalStateException if not bound yet
     */
    public int position() {
        if (position < 0) {
            throw new IllegalStateException("label " + name + " is not bound");
        }
        return position;
    }

    X86Assembler owner() {
        return owner;
    }

    void bindAt(int offset) {
        if (position >= 0) {
            throw new IllegalStateException("label " + name + " is already bound at " + position);
        }
        position = offset;
    }

    @Override
    public String toString() {
        return name + (position >= 0 ? "@" + position : "@unbound");
    }
}
