package dev.noreset.hw.differential;

/**
 * The address space every differential vector runs in, identical on the host and in the
 * emulator: one code page, two read-write data pages and one read-only page; everything else is
 * unmapped. Mirrored by {@code src/test/native/differential/runner.c}.
 */
public final class Layout {
    public static final int PAGE = 4096;
    public static final int CODE_BASE = 0x10000000;
    public static final int DATA_BASE = 0x20000000;
    public static final int RW_PAGES = 2;
    public static final int RO_BASE = DATA_BASE + RW_PAGES * PAGE;
    /** First unmapped byte after the data pages. */
    public static final int DATA_END = RO_BASE + PAGE;
    /** A region that no Linux i386 process of the runner has mapped (checked by the runner's layout). */
    public static final int HOLE_BASE = 0x30000000, HOLE_SIZE = 0x10000000;
    public static final int RO_SEED = 0x9E3779B9;
    public static final byte CODE_FILL = (byte) 0xCC;
    public static final int MAX_CODE = 16;

    private Layout() {
    }

    /** The xorshift32 fill of the read-write pages for {@code seed} (same generator as the runner). */
    public static byte[] fill(int seed, int bytes) {
        byte[] out = new byte[bytes];
        int s = seed == 0 ? 0x6A09E667 : seed;
        for (int i = 0; i < bytes; i += 4) {
            s ^= s << 13;
            s ^= s >>> 17;
            s ^= s << 5;
            out[i] = (byte) s;
            out[i + 1] = (byte) (s >>> 8);
            out[i + 2] = (byte) (s >>> 16);
            out[i + 3] = (byte) (s >>> 24);
        }
        return out;
    }

    /** True when {@code [addr, addr+len)} lies where both sides agree on what is mapped. */
    public static boolean safeRange(int addr, int len) {
        long a = Integer.toUnsignedLong(addr), e = a + len;
        boolean nearData = a >= Integer.toUnsignedLong(DATA_BASE - PAGE) && e <= Integer.toUnsignedLong(DATA_END + PAGE);
        boolean hole = a >= HOLE_BASE && e <= (long) HOLE_BASE + HOLE_SIZE;
        boolean low = e <= 0x10000 && a >= 0x1000; // mmap_min_addr may be 4096; nothing is mapped below 64 KiB
        boolean nearCodeTail = a >= Integer.toUnsignedLong(CODE_BASE + PAGE) && e <= Integer.toUnsignedLong(CODE_BASE + 2 * PAGE);
        return nearData || hole || low || nearCodeTail;
    }
}
