package org.pyjit.python.compile;

import com.kenai.jffi.MemoryIO;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled body's native counters: word 0 counts entries, word 1 the bytecode instructions
 * executed in compiled code (only when instruction counting is on), word {@code 2 + k} the uses of
 * exit site {@code k}. The memory is never freed: bodies live as long as the process (a body
 * released with its code object keeps a few words).
 */
public final class BodyCounters {

    private static final MemoryIO MEMORY = MemoryIO.getInstance();
    static final int ENTRIES = 0;
    static final int INSTRUCTIONS = 8;
    private static final int SITES = 16;

    private final long address;
    private final List<ExitSite> sites;

    /**
     * @param address a block from {@link #allocateWords} with room for the sites
     * @param sites the exit sites, in counter order
     */
    BodyCounters(long address, List<ExitSite> sites) {
        this.address = address;
        this.sites = List.copyOf(sites);
    }

    /** Frees a block from {@link #allocateWords}. */
    static void freeWords(long address) {
        MEMORY.freeMemory(address);
    }

    /** Frees the counters of a body that was never published (no code can count in them). */
    void free() {
        freeWords(address);
    }

    /** Allocates a zeroed block for a body with up to {@code sites} exit sites. */
    static long allocateWords(int sites) {
        long address = MEMORY.allocateMemory(SITES + 8L * sites, true);
        if (address == 0) {
            throw new OutOfMemoryError("no native memory for body counters");
        }
        return address;
    }

    /** The native address of the block (compiled code increments it). */
    long address() {
        return address;
    }

    /** The byte offset of exit site {@code k}'s counter. */
    static int siteOffset(int k) {
        return SITES + 8 * k;
    }

    /**
     * The counts now.
     *
     * @return entries, instructions and each site's uses
     */
    public Snapshot snapshot() {
        List<SiteCount> counts = new ArrayList<>();
        for (int k = 0; k < sites.size(); k++) {
            counts.add(new SiteCount(sites.get(k), MEMORY.getLong(address + siteOffset(k))));
        }
        return new Snapshot(MEMORY.getLong(address + ENTRIES), MEMORY.getLong(address + INSTRUCTIONS), counts);
    }

    /**
     * Counter values.
     *
     * @param entries times the body was entered
     * @param instructions bytecode instructions executed in compiled code (0 unless counted)
     * @param sites every exit site and its uses, in code order of creation
     */
    public record Snapshot(long entries, long instructions, List<SiteCount> sites) {
        /** Copies the list. */
        public Snapshot {
            sites = List.copyOf(sites);
        }
    }

    /**
     * An exit site's uses.
     *
     * @param site the site
     * @param count how often compiled code left there
     */
    public record SiteCount(ExitSite site, long count) { }
}
