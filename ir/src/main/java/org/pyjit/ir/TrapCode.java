package org.pyjit.ir;

/**
 * Why a function trapped. A trap ends the function and everything that called it in compiled
 * code; it reaches the Java caller as {@link TrapException}, never as a signal. Codes 0-15 are
 * reserved for the named kinds below; {@code trap user N} takes any {@code N} in 0..65535 and is
 * reported as code {@code 16 + N}.
 *
 * @param code the numeric code, 1..65551
 */
public record TrapCode(int code) {

    // Initialised before the constants below: their constructor reads it.
    private static final String[] NAMES = {
        null, "int_divz", "int_ovf", "bad_conversion", "unreachable", "heap_oob", "step_limit",
        "stack_overflow"
    };

    /** Integer division or remainder by zero. */
    public static final TrapCode INT_DIVZ = new TrapCode(1);
    /** Signed division overflow ({@code MIN / -1}). */
    public static final TrapCode INT_OVF = new TrapCode(2);
    /** {@code fcvt_to_sint} of NaN or of a value outside the target range. */
    public static final TrapCode BAD_CONVERSION = new TrapCode(3);
    /** Code that the front end declared unreachable. */
    public static final TrapCode UNREACHABLE = new TrapCode(4);
    /** A memory access outside the memory given to the interpreter (interpreter only). */
    public static final TrapCode HEAP_OUT_OF_BOUNDS = new TrapCode(5);
    /** The interpreter's step limit was reached (interpreter only). */
    public static final TrapCode STEP_LIMIT = new TrapCode(6);
    /** Calls nested deeper than the interpreter's limit (interpreter only). */
    public static final TrapCode STACK_OVERFLOW = new TrapCode(7);

    /** Base of the user codes. */
    public static final int USER_BASE = 16;
    /** Largest user code number. */
    public static final int USER_MAX = 65535;

    /** Validates the code range. */
    public TrapCode {
        if (code < 1 || code > USER_BASE + USER_MAX || (code >= NAMES.length && code < USER_BASE)) {
            throw new IllegalArgumentException("invalid trap code " + code);
        }
    }

    /** The user trap {@code n} (0..65535). */
    public static TrapCode user(int n) {
        if (n < 0 || n > USER_MAX) {
            throw new IllegalArgumentException("user trap number out of range 0.." + USER_MAX + ": " + n);
        }
        return new TrapCode(USER_BASE + n);
    }

    /** True for {@code user N} codes. */
    public boolean isUser() {
        return code >= USER_BASE;
    }

    /** The text form: a name such as {@code int_divz}, or {@code user N}. */
    public String text() {
        return isUser() ? "user" + (code - USER_BASE) : NAMES[code];
    }

    /** The code named {@code text} ({@code int_divz}, {@code user7}, …), or null. */
    public static TrapCode fromText(String text) {
        for (int i = 1; i < NAMES.length; i++) {
            if (NAMES[i].equals(text)) {
                return new TrapCode(i);
            }
        }
        if (text.startsWith("user") && text.length() > 4 && text.length() <= 9) {
            String digits = text.substring(4);
            if (digits.chars().allMatch(Character::isDigit) && !(digits.length() > 1 && digits.charAt(0) == '0')) {
                int n = Integer.parseInt(digits);
                if (n <= USER_MAX) {
                    return user(n);
                }
            }
        }
        return null;
    }

    /** The trap code with numeric value {@code code} as reported by native code, or null if invalid. */
    public static TrapCode fromCode(int code) {
        try {
            return new TrapCode(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
