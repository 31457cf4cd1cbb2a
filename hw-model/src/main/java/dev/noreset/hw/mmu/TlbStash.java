package dev.noreset.hw.mmu;

/**
 * TLB contents the MMU put aside at a CR3 load, per page-directory base, so that switching
 * back to an address space need not walk its page tables again (see {@link Mmu}, class
 * comment, for why this is observably the same as a flush). Holds a few address spaces, each
 * with up to {@link #MAX_ENTRIES} entries; an entry is (index, tag, frame, and the four
 * per-access hit tags).
 */
final class TlbStash {
    static final int SETS = 8, MAX_ENTRIES = 64;
    private static final int FIELDS = 7;

    private final int[] cr3 = new int[SETS];
    /** Entries held per set; -1 marks an empty set. */
    private final int[] count = new int[SETS];
    private final int[][] entries = new int[SETS][MAX_ENTRIES * FIELDS];
    private int victim;

    TlbStash() {
        dropAll();
    }

    /** Forgets every set: called when RAM holding page tables changed, or on a full flush. */
    void dropAll() {
        java.util.Arrays.fill(count, -1);
    }

    private int find(int dir) {
        for (int s = 0; s < SETS; s++) {
            if (count[s] >= 0 && cr3[s] == dir) {
                return s;
            }
        }
        return -1;
    }

    /**
     * Puts aside the live entries at {@code filled[0..n)} (indices; empty ones are skipped)
     * for directory {@code dir}, replacing what was kept for it. Keeping only some of them
     * is fine: a missing entry just costs a walk.
     */
    void save(int dir, int[] filled, int n, int[] tag, int[] frame, int[] ur, int[] uw, int[] sr, int[] sw) {
        int s = find(dir);
        if (s < 0) {
            s = victim;
            victim = (victim + 1) % SETS;
        }
        int[] e = entries[s];
        int k = 0;
        for (int f = 0; f < n && k < MAX_ENTRIES; f++) {
            int i = filled[f];
            if (tag[i] == -1) {
                continue;
            }
            int o = k * FIELDS;
            e[o] = i;
            e[o + 1] = tag[i];
            e[o + 2] = frame[i];
            e[o + 3] = ur[i];
            e[o + 4] = uw[i];
            e[o + 5] = sr[i];
            e[o + 6] = sw[i];
            k++;
        }
        cr3[s] = dir;
        count[s] = k;
    }

    /**
     * Writes the entries kept for {@code dir} into the (empty) live arrays and appends their
     * indices to {@code filled}/{@code listed}; returns the new fill count.
     */
    int restore(int dir, int[] filled, boolean[] listed, int[] tag, int[] frame, int[] ur, int[] uw, int[] sr,
                int[] sw) {
        int s = find(dir);
        if (s < 0) {
            return 0;
        }
        int[] e = entries[s];
        int n = count[s];
        for (int k = 0; k < n; k++) {
            int o = k * FIELDS;
            int i = e[o];
            tag[i] = e[o + 1];
            frame[i] = e[o + 2];
            ur[i] = e[o + 3];
            uw[i] = e[o + 4];
            sr[i] = e[o + 5];
            sw[i] = e[o + 6];
            listed[i] = true;
            filled[k] = i;
        }
        return n;
    }
}
