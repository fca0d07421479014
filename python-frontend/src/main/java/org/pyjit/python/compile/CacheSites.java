package org.pyjit.python.compile;

import com.kenai.jffi.MemoryIO;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * The native blocks of one body's run-time caches ({@link AttributeCache}, {@link GlobalCache})
 * and the addresses of the shared helpers that fill them. Every block starts with a word counting
 * the fills its site may still ask for. A body's blocks are freed when its machine code is
 * ({@link BodyCompiler#release}), or with a translation never compiled.
 */
final class CacheSites {
    /** Offset in every block of the count of fill attempts left. */
    static final int FILLS_LEFT = 0;

    private static final MemoryIO MEMORY = MemoryIO.getInstance();

    private final Map<String, Long> helpers;
    private final List<Long> blocks = new ArrayList<>();
    private boolean freed;

    /**
     * @param helpers the address of each fill helper, by symbol
     */
    CacheSites(Map<String, Long> helpers) {
        this.helpers = Map.copyOf(helpers);
    }

    /** Emits what a fill helper does first or on refusal: takes one fill from the site's block. */
    static void takeFill(FunctionBuilder b, Value site) {
        b.store(b.iaddImm(b.load(Type.I64, site, FILLS_LEFT), -1), site, FILLS_LEFT);
    }

    /** The address of a fill helper. */
    long helper(String symbol) {
        Long address = helpers.get(symbol);
        if (address == null) {
            throw new IllegalArgumentException("no cache fill helper " + symbol);
        }
        return address;
    }

    /**
     * A new zeroed block of {@code size} bytes whose {@link #FILLS_LEFT} word is {@code fills}.
     */
    synchronized long allocate(int size, long fills) {
        if (freed) {
            throw new IllegalStateException("cache sites already freed");
        }
        long block = MEMORY.allocateMemory(size, true);
        if (block == 0) {
            throw new OutOfMemoryError("no native memory for a cache site");
        }
        MEMORY.putLong(block + FILLS_LEFT, fills);
        blocks.add(block);
        return block;
    }

    /** How many blocks were allocated. */
    synchronized int count() {
        return blocks.size();
    }

    /** Frees every block (no code may use them any more); a second call does nothing. */
    synchronized void free() {
        if (!freed) {
            blocks.forEach(MEMORY::freeMemory);
            blocks.clear();
            freed = true;
        }
    }
}
