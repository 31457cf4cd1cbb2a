package dev.noreset.hw.mem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PhysicalMemoryTest {

    @Test
    void sizeMustBeAPositiveMultipleOf4K() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PhysicalMemory(5000));
        assertEquals("RAM size must be a positive multiple of 4 KiB: 5000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PhysicalMemory(0));
        assertEquals(8192, new PhysicalMemory(8192).size());
    }

    @Test
    void littleEndianAccessesOfEverySize() {
        PhysicalMemory m = new PhysicalMemory(4096);
        m.write32(0x10, 0x11223344);
        assertEquals(0x44, m.read8(0x10));
        assertEquals(0x3344, m.read16(0x10));
        assertEquals(0x2233, m.read16(0x11));
        m.write16(0x20, 0xABCD);
        assertEquals(0xCD, m.read8(0x20));
        assertEquals(0xAB, m.read8(0x21));
    }

    @Test
    void accessesBeyondRamReadOnesAndDropWrites() {
        PhysicalMemory m = new PhysicalMemory(4096);
        assertEquals(0xFF, m.read8(4096));
        assertEquals(0xFF, m.read8(-1));
        assertEquals(0xFFFF0000, m.read32(4094));
        m.write32(4094, 0x01020304); // half inside
        assertEquals(0x0304, m.read16(4094));
        m.write8(1 << 30, 1);
        assertEquals(0xFF, m.read8(1 << 30));
    }

    @Test
    void loadAndCopyOut() {
        PhysicalMemory m = new PhysicalMemory(4096);
        m.load(4090, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, 8);
        byte[] out = new byte[8];
        m.copyOut(4090, out, 0, 8);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, (byte) 0xFF, (byte) 0xFF}, out);
    }

    @Test
    void writesToMarkedCodePagesAreReported() {
        PhysicalMemory m = new PhysicalMemory(16384);
        int[] seen = {-1};
        m.setCodeWatcher(p -> seen[0] = p);
        m.write8(0x1000, 1);
        assertEquals(-1, seen[0]);
        m.markCodePage(0x1234);
        m.write32(0x1FFE, 7); // straddles pages 1 and 2
        assertEquals(1, seen[0]);
        seen[0] = -1;
        m.write8(0x1000, 2);
        assertEquals(-1, seen[0], "reported once, until marked again");
    }

    @Test
    void wordCopiesMatchSingleAccessesAndLoad() {
        // read32s / write32s (the kernel's message copies) must give exactly what read32 and
        // load give: same bytes, words beyond RAM read as ones and are dropped when written.
        for (int pa : new int[] {0, 0x40, 0xFC0, 0xFF8, 0x1FC0, 0x1FFA, 0x1FFE, 0x2000 - 64}) {
            PhysicalMemory a = new PhysicalMemory(8192), b = new PhysicalMemory(8192);
            int[] words = new int[16];
            byte[] bytes = new byte[64];
            for (int w = 0; w < 16; w++) {
                words[w] = 0x01020304 * (w + 1) ^ (pa << 3);
                for (int i = 0; i < 4; i++) {
                    bytes[4 * w + i] = (byte) (words[w] >>> (8 * i));
                }
            }
            a.write32s(pa, words, 16);
            b.load(pa, bytes, 0, 64);
            for (int x = 0; x < 8192; x++) {
                assertEquals(b.read8(x), a.read8(x), "byte " + x + " after writing at " + pa);
            }
            int[] got = new int[16];
            a.read32s(pa, got, 16);
            for (int w = 0; w < 16; w++) {
                assertEquals(a.read32(pa + 4 * w), got[w], "word " + w + " at " + pa);
            }
        }
    }

    @Test
    void wordWritesReportEveryMarkedPageOnce() {
        PhysicalMemory m = new PhysicalMemory(16384);
        java.util.List<Integer> code = new java.util.ArrayList<>(), tables = new java.util.ArrayList<>();
        m.setCodeWatcher(code::add);
        m.addTableWatcher(tables::add);
        int[] words = new int[16];
        m.write32s(0x1000, words, 16);
        assertEquals(java.util.List.of(), code, "nothing marked, nothing reported");
        m.markCodePage(0x1000);
        m.markTablePage(0x2000);
        m.write32s(0x2000 - 32, words, 16); // straddles pages 1 and 2
        assertEquals(java.util.List.of(1), code);
        assertEquals(java.util.List.of(2), tables);
        m.markTablePage(0x3000);
        m.write32s(0x3000 + 0x100, words, 16); // the last page only
        assertEquals(java.util.List.of(2, 3), tables);
        m.write32s(0x3000 + 0x100, words, 16);
        assertEquals(java.util.List.of(2, 3), tables, "reported once, until marked again");
    }
}
