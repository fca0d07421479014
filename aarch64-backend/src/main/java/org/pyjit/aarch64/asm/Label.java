package org.pyjit.aarch64.asm;

/**
 * A position in an {@link A64Assembler}'s code, bound once. Branches to an unbound label are
 * recorded and patched when it is bound; its name only serves messages.
 */
public final class Label {
    private final String name;
    private final A64Assembler owner;
    private int position = -1;

    Label(String name, A64Assembler owner) {
        this.name = name;
        this.owner = owner;
    }

    /** The name given at creation. */
    public String name() {
        return name;
    }

    /** True once bound. */
    public boolean isBound() {
        return position >= 0;
    }

    /** The bound byte offset. */
    public int position() {
        if (position < 0) {
            throw new IllegalStateException("label " + name + " is not bound");
        }
        return position;
    }

    void bindAt(int pos, A64Assembler by) {
        if (by != owner) {
            throw new IllegalArgumentException("label " + name + " belongs to another assembler");
        }
        if (position >= 0) {
            throw new IllegalStateException("label " + name + " is bound twice");
        }
        position = pos;
    }

    A64Assembler owner() {
        return owner;
    }

    @Override
    public String toString() {
        return name + (position >= 0 ? "@" + position : "@unbound");
    }
}
