package dev.noreset.hw.mmu;

import java.util.Arrays;

/**
 * One TLB's worth of entries (direct-mapped, {@link #SIZE} indices) for one address space. The
 * {@link Mmu} keeps a few of these: the live one, and others that hold the entries of the page
 * directory they were filled under, kept for when that directory is loaded again (see Mmu's
 * class comment for why that is the same as a flush). Per index: the linear page number (or -1),
 * the physical page base, and per access kind the page number when the entry allows that access
 * without a new walk (for writes: writable and already dirty), else -1.
 */
final class TlbSet {
    static final int BITS = 10, SIZE = 1 << BITS, MASK = SIZE - 1;

    final int[] tag = new int[SIZE];
    final int[] frame = new int[SIZE];
    final int[] userRead = new int[SIZE], userWrite = new int[SIZE];
    final int[] supRead = new int[SIZE], supWrite = new int[SIZE];
    /**
     * Indices filled since the last clear, so a clear touches only those (an address space uses
     * a handful of pages). A listed index may have been emptied since by invlpg; clearing it
     * again is harmless.
     */
    private final int[] filled = new int[SIZE];
    private final boolean[] listed = new boolean[SIZE];
    private int filledCount;
    /** The page directory these entries were walked under, when {@link #kept}. */
    int dir;
    /** True while this set (not live) may be brought back by a load of {@link #dir}. */
    boolean kept;

    TlbSet() {
        Arrays.fill(tag, -1);
        Arrays.fill(userRead, -1);
        Arrays.fill(userWrite, -1);
        Arrays.fill(supRead, -1);
        Arrays.fill(supWrite, -1);
    }

    /** Notes that index {@code i} is about to hold an entry. */
    void filling(int i) {
        if (!listed[i]) {
            listed[i] = true;
            filled[filledCount++] = i;
        }
    }

    /** Empties index {@code i}. */
    void drop(int i) {
        tag[i] = -1;
        userRead[i] = -1;
        userWrite[i] = -1;
        supRead[i] = -1;
        supWrite[i] = -1;
    }

    /** Empties every entry, in time proportional to the entries filled since the last clear. */
    void clear() {
        for (int n = 0; n < filledCount; n++) {
            int i = filled[n];
            listed[i] = false;
            drop(i);
        }
        filledCount = 0;
    }
}
