package org.pyjit.codegen.lower;

/**
 * Where one call or entry argument is passed, as decided by {@link ArgLocations#assign}: the
 * {@code index}-th integer or float argument register of the machine's list, or the
 * {@code slot}-th 8-byte stack slot counted from the lowest address of the outgoing area.
 */
public sealed interface ArgLocation {

    /**
     * The {@code index}-th integer argument register.
     *
     * @param index position in the backend's integer argument register list, from 0
     */
    record IntReg(int index) implements ArgLocation {
    }

    /**
     * The {@code index}-th float argument register.
     *
     * @param index position in the backend's float argument register list, from 0
     */
    record FloatReg(int index) implements ArgLocation {
    }

    /**
     * The {@code slot}-th 8-byte stack slot.
     *
     * @param slot stack slot number, from 0 at the lowest address
     */
    record Stack(int slot) implements ArgLocation {
    }
}
