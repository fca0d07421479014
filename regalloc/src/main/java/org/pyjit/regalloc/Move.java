package org.pyjit.regalloc;

/**
 * A copy of one value of class {@code cls} from one location to another. Never slot-to-slot:
 * those are split through the class's scratch register.
 *
 * @param from source
 * @param to   destination
 * @param cls  register class of the moved value (tells the backend GPR or XMM move)
 */
public record Move(Allocation from, Allocation to, RegClass cls) {
    @Override
    public String toString() {
        return to + " <- " + from;
    }
}
