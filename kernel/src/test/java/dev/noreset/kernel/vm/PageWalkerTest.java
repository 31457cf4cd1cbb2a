package dev.noreset.kernel.vm;

import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;
import dev.noreset.kernel.core.Abi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel's page walk agrees with the CPU's MMU and refuses what a CPL 3 access could not do. */
class PageWalkerTest {
    private PhysicalMemory ram;
    private PageTableWriter tables;
    private FrameSource frames;
    private int pd;

    /** Frames handed out from 1 MiB upward, like a trivial allocator. */
    static FrameSource bump(int[] next) {
        return new FrameSource() {
            @Override public int allocate() {
                int f = next[0];
                next[0] += 0x1000;
                return f;
            }

            @Override public void free(int physAddr) { }
        };
    }

    @BeforeEach
    void setUp() {
        ram = new PhysicalMemory(4 << 20);
        tables = new PageTableWriter(ram);
        frames = bump(new int[] {0x100000});
        pd = tables.newDirectory(frames);
        assertTrue(tables.map(pd, 0x400000, 0x200000, false, frames));
        assertTrue(tables.map(pd, 0x401000, 0x201000, true, frames));
    }

    @Test
    void walkMatchesTheMmuForEveryAccessKind() {
        Mmu mmu = new Mmu(ram);
        mmu.setCr0(Mmu.CR0_PE | Mmu.CR0_PG | Mmu.CR0_WP);
        mmu.setCr3(pd);
        PageWalker w = new PageWalker(ram);
        int[] addrs = {0x400000, 0x400FFF, 0x401234, 0x402000, 0, 0x3FFFFF, 0x7FFFF000, -4096};
        for (int a : addrs) {
            for (boolean write : new boolean[] {false, true}) {
                long hw = mmu.translate(a, write, true);
                long kernel = w.translate(pd, a, write);
                assertEquals(hw, kernel, String.format("address 0x%x write=%b", a, write));
            }
        }
    }

    @Test
    void readOnlyPageRefusesWritesAndCopiesAreAllOrNothing() {
        UserCopy c = new UserCopy(ram);
        byte[] data = {1, 2, 3, 4, 5, 6, 7, 8};
        assertEquals(Abi.EFAULT, c.copyOut(pd, data, 0, 0x400FFC, 8), "read-only text page");
        assertEquals(Abi.OK, c.copyOut(pd, data, 0, 0x401FFC, 4));
        // Straddles into the unmapped page 0x402000: nothing may be written.
        assertEquals(Abi.EFAULT, c.copyOut(pd, new byte[] {9, 9, 9, 9, 9, 9, 9, 9}, 0, 0x401FFC, 8));
        byte[] back = new byte[4];
        assertEquals(Abi.OK, c.copyIn(pd, 0x401FFC, back, 0, 4));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, back);
        assertEquals(Abi.EFAULT, c.copyIn(pd, 0xFFFFFFFE, back, 0, 4), "wraps past 4 GiB");
        assertEquals(Abi.EFAULT, c.copyIn(pd, 0, back, 0, 4), "page 0 is not mapped");
    }

    @Test
    void copyAcrossPageBoundaryAndBetweenSpaces() {
        UserCopy c = new UserCopy(ram);
        assertTrue(tables.map(pd, 0x402000, 0x202000, true, frames));
        byte[] data = new byte[100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        assertEquals(Abi.OK, c.copyOut(pd, data, 0, 0x401FD0, 100));
        assertEquals(50, ram.read8(0x202000 + 2), "bytes after the boundary land in the next frame");
        int pd2 = tables.newDirectory(frames);
        assertTrue(tables.map(pd2, 0x500000, 0x300000, true, frames));
        assertEquals(Abi.OK, c.copyBetween(pd, 0x401FD0, pd2, 0x500010, 100));
        assertEquals(99, ram.read8(0x300010 + 99));
        assertEquals(Abi.EFAULT, c.copyBetween(pd, 0x401FD0, pd2, 0x500FD0, 100), "destination runs off");
    }

    @Test
    void unmapAndLookup() {
        assertEquals(0x201000, tables.lookup(pd, 0x401000));
        assertTrue(tables.writable(pd, 0x401000));
        assertFalse(tables.writable(pd, 0x400000));
        assertEquals(0x201000, tables.unmap(pd, 0x401000));
        assertEquals(-1, tables.lookup(pd, 0x401000));
        assertEquals(-1, tables.unmap(pd, 0x401000));
        int[] n = {0};
        tables.forEachMapping(pd, (v, f, w) -> n[0]++);
        assertEquals(1, n[0]);
    }

    /** The walker keeps recent translations; any change to the tables must still be seen at once. */
    @Test
    void keptTranslationsFollowEveryTableChange() {
        PageWalker w = new PageWalker(ram);
        assertEquals(0x201234, w.translate(pd, 0x401234, true));
        assertEquals(0x201234, w.translate(pd, 0x401234, false));
        assertTrue(tables.map(pd, 0x401000, 0x201000, false, frames));   // now read-only
        assertEquals(-1, w.translate(pd, 0x401234, true));
        assertEquals(0x201234, w.translate(pd, 0x401234, false));
        assertEquals(0x201000, tables.unmap(pd, 0x401000));
        assertEquals(-1, w.translate(pd, 0x401234, false));
        assertEquals(0x200010, w.translate(pd, 0x400010, false));
        ram.write32(pd + (0x400000 >>> 22) * 4, 0);                         // directory entry gone
        assertEquals(-1, w.translate(pd, 0x400010, false));
    }

    @Test
    void aKeptReadEntryStillSetsTheDirtyBitOnTheFirstWrite() {
        PageWalker w = new PageWalker(ram);
        int pt = ram.read32(pd + 4) & 0xFFFFF000;
        int pteAddr = pt + ((0x401000 >>> 12) & 0x3FF) * 4;
        assertEquals(0x201008, w.translate(pd, 0x401008, false));
        assertEquals(Mmu.PTE_A, ram.read32(pteAddr) & (Mmu.PTE_A | Mmu.PTE_D));
        assertEquals(0x201008, w.translate(pd, 0x401008, true));
        assertEquals(Mmu.PTE_A | Mmu.PTE_D, ram.read32(pteAddr) & (Mmu.PTE_A | Mmu.PTE_D));
    }

    @Test
    void twoDirectoriesSharingAPageNumberDoNotMix() {
        int pd2 = tables.newDirectory(frames);
        assertTrue(tables.map(pd2, 0x401000, 0x301000, true, frames));
        PageWalker w = new PageWalker(ram);
        for (int round = 0; round < 2; round++) {
            assertEquals(0x201004, w.translate(pd, 0x401004, true));
            assertEquals(0x301004, w.translate(pd2, 0x401004, true));
        }
    }
}
