package dev.noreset.hw.dev;

/**
 * The 256-word IDENTIFY DEVICE block (ATA/ATAPI-6, table 22) for a PIO-only LBA28 disk with the
 * usual 16-head, 63-sector translated geometry.
 */
final class AtaIdentify {
    static final int HEADS = 16;
    static final int SECTORS_PER_TRACK = 63;
    static final String MODEL = "noreset ATA disk";
    static final String FIRMWARE = "1.0";

    private AtaIdentify() { }

    static int cylinders(long sectors) {
        return (int) Math.min(16383, Math.max(1, sectors / (HEADS * SECTORS_PER_TRACK)));
    }

    static byte[] build(long sectors, String serial) {
        int[] w = new int[256];
        int cyl = cylinders(sectors);
        w[0] = 0x0040;                       // ATA device, fixed (not removable)
        w[1] = cyl;
        w[3] = HEADS;
        w[6] = SECTORS_PER_TRACK;
        string(w, 10, 20, serial);
        string(w, 23, 8, FIRMWARE);
        string(w, 27, 40, MODEL);
        w[47] = 0x8000;                      // READ/WRITE MULTIPLE: no sectors per block
        w[49] = 0x0200;                      // LBA supported; no DMA
        w[50] = 0x4000;
        w[51] = 0x0200;                      // PIO timing mode 2 (obsolete word)
        w[53] = 0x0003;                      // words 54-58 and 64-70 are valid
        w[54] = cyl;
        w[55] = HEADS;
        w[56] = SECTORS_PER_TRACK;
        long chs = (long) cyl * HEADS * SECTORS_PER_TRACK;
        w[57] = (int) (chs & 0xFFFF);
        w[58] = (int) (chs >>> 16);
        w[60] = (int) (sectors & 0xFFFF);    // total LBA28 sectors, low word first
        w[61] = (int) (sectors >>> 16);
        w[64] = 0x0003;                      // PIO modes 3 and 4
        w[67] = 120;                         // minimum PIO cycle time without IORDY (ns)
        w[68] = 120;                         // with IORDY
        w[80] = 0x007E;                      // ATA-1 .. ATA/ATAPI-6
        w[82] = 0x0000;
        w[83] = 0x4000 | 0x1000;             // word valid; FLUSH CACHE supported
        w[84] = 0x4000;
        w[85] = 0x0000;
        w[86] = 0x1000;                      // FLUSH CACHE enabled
        w[87] = 0x4000;
        byte[] b = new byte[512];
        for (int i = 0; i < 255; i++) {
            b[2 * i] = (byte) w[i];
            b[2 * i + 1] = (byte) (w[i] >> 8);
        }
        // Word 255: signature A5h and a checksum making all 512 bytes sum to zero.
        b[510] = (byte) 0xA5;
        int sum = 0;
        for (int i = 0; i < 511; i++) {
            sum += b[i] & 0xFF;
        }
        b[511] = (byte) -sum;
        return b;
    }

    /** ATA strings: two characters per word, the first in the high byte, padded with spaces. */
    private static void string(int[] w, int first, int chars, String s) {
        for (int i = 0; i < chars; i += 2) {
            int hi = i < s.length() ? s.charAt(i) & 0x7F : ' ';
            int lo = i + 1 < s.length() ? s.charAt(i + 1) & 0x7F : ' ';
            w[first + i / 2] = hi << 8 | lo;
        }
    }
}
