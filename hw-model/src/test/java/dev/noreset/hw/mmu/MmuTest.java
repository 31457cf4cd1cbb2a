package dev.noreset.hw.mmu;

import dev.noreset.hw.mem.PhysicalMemory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import static dev.noreset.hw.mmu.Mmu.*;
import static org.junit.jupiter.api.Assertions.*;

/** One test per paging rule of the 386 two-level scheme. */
class MmuTest {
    private static final int PD = 0x10000, PT = 0x11000, LIN = 0x00403000, FRAME = 0x20000;
    private PhysicalMemory ram;
    private Mmu mmu;

    @BeforeEach
    void setUp() {
        ram = new PhysicalMemory(1 << 20);
        mmu = new Mmu(ram);
        // LIN = directory entry 1, table entry 3
        ram.write32(PD + 4, PT | PTE_P | PTE_RW | PTE_US);
        ram.write32(PT + 12, FRAME | PTE_P | PTE_RW | PTE_US);
        mmu.setCr3(PD);
        mmu.setCr0(CR0_PE | CR0_PG);
    }

    @Test
    void withoutPagingLinearIsPhysical() {
        mmu.setCr0(CR0_PE);
        assertEquals(0x12345678L, mmu.translate(0x12345678, true, true));
        assertFalse(mmu.pagingEnabled());
    }

    @Test
    void mapsThroughDirectoryAndTable() {
        assertEquals(FRAME + 0x123, mmu.translate(LIN + 0x123, false, true));
    }

    @Test
    void notPresentDirectoryEntryFaultsWithPClear() {
        assertEquals(-1, mmu.translate(0x00800000, false, true));
        assertEquals(PF_U, mmu.faultErrorCode());
        assertEquals(0x00800000, mmu.faultAddress());
    }

    @Test
    void notPresentTableEntryFaults() {
        assertEquals(-1, mmu.translate(LIN + 0x1000, true, false));
        assertEquals(PF_W, mmu.faultErrorCode());
    }

    @Test
    void userAccessToSupervisorPageFaultsWithP() {
        ram.write32(PT + 12, FRAME | PTE_P | PTE_RW);
        mmu.flushTlb();
        assertEquals(-1, mmu.translate(LIN, false, true));
        assertEquals(PF_P | PF_U, mmu.faultErrorCode());
        assertEquals(FRAME, mmu.translate(LIN, false, false), "supervisor may read it");
    }

    @Test
    void userBitMustBeSetInBothLevels() {
        ram.write32(PD + 4, PT | PTE_P | PTE_RW);
        mmu.flushTlb();
        assertEquals(-1, mmu.translate(LIN, false, true));
        assertEquals(PF_P | PF_U, mmu.faultErrorCode());
    }

    @Test
    void userWriteToReadOnlyPageFaults() {
        ram.write32(PT + 12, FRAME | PTE_P | PTE_US);
        mmu.flushTlb();
        assertEquals(FRAME, mmu.translate(LIN, false, true));
        assertEquals(-1, mmu.translate(LIN, true, true));
        assertEquals(PF_P | PF_W | PF_U, mmu.faultErrorCode());
    }

    @Test
    void readOnlyDirectoryEntryMakesTheWholeTableReadOnlyForUsers() {
        ram.write32(PD + 4, PT | PTE_P | PTE_US);
        mmu.flushTlb();
        assertEquals(-1, mmu.translate(LIN, true, true));
        assertEquals(PF_P | PF_W | PF_U, mmu.faultErrorCode());
    }

    @Test
    void supervisorWriteToReadOnlyPageFaultsOnlyWithWp() {
        ram.write32(PT + 12, FRAME | PTE_P | PTE_US);
        mmu.flushTlb();
        assertEquals(FRAME, mmu.translate(LIN, true, false), "WP=0: supervisor writes ignore R/W");
        mmu.setCr0(CR0_PE | CR0_PG | CR0_WP);
        assertEquals(-1, mmu.translate(LIN, true, false));
        assertEquals(PF_P | PF_W, mmu.faultErrorCode());
    }

    @Test
    void accessedAndDirtyBitsAreSet() {
        mmu.translate(LIN, false, true);
        assertEquals(PTE_A, ram.read32(PT + 12) & (PTE_A | PTE_D));
        assertEquals(PTE_A, ram.read32(PD + 4) & PTE_A);
        mmu.translate(LIN, true, true);
        assertEquals(PTE_A | PTE_D, ram.read32(PT + 12) & (PTE_A | PTE_D), "first write through a clean TLB entry sets D");
        assertEquals(0, ram.read32(PD + 4) & PTE_D, "directory entries get no dirty bit");
    }

    @Test
    void faultingAccessSetsNoAccessedBit() {
        ram.write32(PT + 12, FRAME | PTE_P | PTE_US);
        mmu.flushTlb();
        assertEquals(-1, mmu.translate(LIN, true, true));
        assertEquals(0, ram.read32(PT + 12) & PTE_A);
    }

    @Test
    void staleTlbEntryIsUsedUntilInvlpg() {
        assertEquals(FRAME, mmu.translate(LIN, false, true));
        ram.write32(PT + 12, 0x30000 | PTE_P | PTE_RW | PTE_US);
        assertEquals(FRAME, mmu.translate(LIN, false, true), "stale entry, as on hardware");
        mmu.invlpg(LIN + 0x456);
        assertEquals(0x30000, mmu.translate(LIN, false, true));
    }

    @Test
    void cr3LoadFlushesTheTlb() {
        assertEquals(FRAME, mmu.translate(LIN, false, true));
        ram.write32(PT + 12, 0);
        assertEquals(FRAME, mmu.translate(LIN, false, true));
        mmu.setCr3(PD);
        assertEquals(-1, mmu.translate(LIN, false, true));
    }

    @Test
    void snapshotRestoresControlRegistersAndFlushesTheTlb() throws Exception {
        mmu.setCr2(0xDEAD);
        assertEquals(FRAME, mmu.translate(LIN, false, true));
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        mmu.saveState(new DataOutputStream(bo));
        Mmu other = new Mmu(ram);
        other.loadState(new DataInputStream(new ByteArrayInputStream(bo.toByteArray())));
        assertEquals(mmu.cr0(), other.cr0());
        assertEquals(0xDEAD, other.cr2());
        assertEquals(PD, other.cr3());
        ram.write32(PT + 12, 0x30000 | PTE_P | PTE_US);
        mmu.loadState(new DataInputStream(new ByteArrayInputStream(bo.toByteArray())));
        assertEquals(0x30000, mmu.translate(LIN, false, true), "TLB dropped on load");
    }

    /**
     * A flush clears only the entries filled since the last one; this fills every TLB index
     * (1,100 pages, so some indices are refilled after eviction or invlpg), changes every mapping
     * in RAM, and checks that after one CR3 load no stale translation survives.
     */
    @Test
    void cr3LoadDropsEveryFilledEntryIncludingRefilledOnes() {
        int pages = 1100, table2 = 0x12000;
        ram.write32(PD + 8, table2 | PTE_P | PTE_RW | PTE_US);   // linear 0x00800000.. (PDE 2)
        for (int n = 0; n < pages; n++) {
            int pt = n < 1024 ? PT : table2;
            ram.write32(pt + (n % 1024) * 4, (0x40000 + (n << 12)) | PTE_P | PTE_RW | PTE_US);
        }
        int base = 0x00400000;
        for (int n = 0; n < pages; n++) {
            assertEquals(0x40000 + (n << 12), mmu.translate(base + (n << 12), false, true));
            if (n % 97 == 0) {
                mmu.invlpg(base + (n << 12));
                assertEquals(0x40000 + (n << 12), mmu.translate(base + (n << 12), n % 2 == 0, true));
            }
        }
        for (int n = 0; n < pages; n++) {
            int pt = n < 1024 ? PT : table2;
            ram.write32(pt + (n % 1024) * 4, (0x80000 + (n << 12)) | PTE_P | PTE_RW | PTE_US);
        }
        // Pages 1024.. evicted pages 0..75 from their indices; the rest are still stale.
        assertEquals(0x40000 + (500 << 12), mmu.translate(base + (500 << 12), false, true), "stale until the flush");
        mmu.setCr3(PD);
        for (int n = 0; n < pages; n++) {
            assertEquals(0x80000 + (n << 12), mmu.translate(base + (n << 12), false, true), "page " + n);
        }
        for (int n = 0; n < pages; n++) {
            ram.write32((n < 1024 ? PT : table2) + (n % 1024) * 4, 0);
        }
        mmu.flushTlb();
        mmu.flushTlb();                                           // an empty flush is harmless
        for (int n = 0; n < pages; n += 7) {
            assertEquals(-1, mmu.translate(base + (n << 12), false, true), "page " + n);
        }
    }

    /** A second address space: LIN maps to FRAME2 through PD2/PT2. */
    private static final int PD2 = 0x14000, PT2 = 0x15000, FRAME2 = 0x50000;

    private void secondSpace() {
        ram.write32(PD2 + 4, PT2 | PTE_P | PTE_RW | PTE_US);
        ram.write32(PT2 + 12, FRAME2 | PTE_P | PTE_RW | PTE_US);
    }

    @Test
    void switchingBackSeesATableChangedMeanwhile() {
        secondSpace();
        assertEquals(FRAME, mmu.translate(LIN, false, true));
        mmu.setCr3(PD2);
        assertEquals(FRAME2, mmu.translate(LIN, false, true));
        ram.write32(PT + 12, 0x30000 | PTE_P | PTE_US);           // first space's table, not current
        mmu.setCr3(PD);
        assertEquals(0x30000, mmu.translate(LIN, false, true));
        assertEquals(-1, mmu.translate(LIN, true, true), "now read-only");
        mmu.setCr3(PD2);
        assertEquals(FRAME2, mmu.translate(LIN, false, true));
    }

    @Test
    void entryMadeStaleWhileLiveIsGoneAfterSwitchingAwayAndBack() {
        secondSpace();
        assertEquals(FRAME, mmu.translate(LIN, false, true));
        ram.write32(PT + 12, 0);                                    // not present; no invlpg
        assertEquals(FRAME, mmu.translate(LIN, false, true), "stale while live, as on hardware");
        mmu.setCr3(PD2);
        mmu.translate(LIN, false, true);
        mmu.setCr3(PD);
        assertEquals(-1, mmu.translate(LIN, false, true));
    }

    @Test
    void aDirectoryChangeIsSeenToo() {
        secondSpace();
        mmu.translate(LIN, false, true);
        mmu.setCr3(PD2);
        ram.write32(PD + 4, 0);
        mmu.setCr3(PD);
        assertEquals(-1, mmu.translate(LIN, false, true));
    }

    @Test
    void restoredEntriesKeepRightsAndTheDirtyRule() {
        secondSpace();
        ram.write32(PT2 + 16, 0x60000 | PTE_P | PTE_US);            // LIN + 0x1000 read-only in space 2
        mmu.setCr3(PD2);
        assertEquals(0x60000, mmu.translate(LIN + 0x1000, false, true));
        assertEquals(FRAME2, mmu.translate(LIN, false, true));      // read: clean entry, D not set
        assertEquals(0, ram.read32(PT2 + 12) & PTE_D);
        mmu.setCr3(PD);
        mmu.translate(LIN, false, true);
        mmu.setCr3(PD2);
        assertEquals(-1, mmu.translate(LIN + 0x1000, true, true), "still read-only");
        assertEquals(PF_P | PF_W | PF_U, mmu.faultErrorCode());
        assertEquals(0, ram.read32(PT2 + 12) & PTE_D);
        assertEquals(FRAME2, mmu.translate(LIN, true, true));
        assertEquals(PTE_D, ram.read32(PT2 + 12) & PTE_D, "first write after the switch sets D");
    }

    @Test
    void everyMmuOnTheRamLearnsOfTableWrites() {
        secondSpace();
        Mmu other = new Mmu(ram);
        other.setCr3(PD);
        other.setCr0(CR0_PE | CR0_PG);
        assertEquals(FRAME, other.translate(LIN, false, true));
        other.setCr3(PD2);
        assertEquals(FRAME, mmu.translate(LIN, false, true));
        ram.write32(PT + 12, 0x30000 | PTE_P | PTE_US);
        other.setCr3(PD);
        assertEquals(0x30000, other.translate(LIN, false, true));
    }

    @Test
    void flushAndWpChangeForgetWhatWasPutAside() {
        secondSpace();
        ram.write32(PT + 12, FRAME | PTE_P | PTE_US);                // read-only for everyone
        mmu.setCr0(CR0_PE | CR0_PG);
        assertEquals(FRAME, mmu.translate(LIN, true, false), "supervisor write allowed with WP=0");
        mmu.setCr3(PD2);
        mmu.setCr0(CR0_PE | CR0_PG | CR0_WP);
        mmu.setCr3(PD);
        assertEquals(-1, mmu.translate(LIN, true, false), "WP=1 now, and no kept entry says otherwise");
    }

    /** A third address space: LIN maps to FRAME3 through PD3/PT3. */
    private static final int PD3 = 0x16000, PT3 = 0x17000, FRAME3 = 0x70000;

    /**
     * A CR3 load first tries the set the previous load put aside (the usual switch back to the
     * other process): it must be used only for its own directory and only while it is kept.
     */
    @Test
    void switchingBackUsesOnlyTheSetKeptForThatDirectory() {
        secondSpace();
        ram.write32(PD3 + 4, PT3 | PTE_P | PTE_RW | PTE_US);
        ram.write32(PT3 + 12, FRAME3 | PTE_P | PTE_RW | PTE_US);
        int[] dirs = {PD, PD2, PD3, PD2, PD, PD3, PD, PD, PD2, PD2, PD3, PD};
        int[] frames = {FRAME, FRAME2, FRAME3, FRAME2, FRAME, FRAME3, FRAME, FRAME, FRAME2, FRAME2, FRAME3, FRAME};
        for (int round = 0; round < 3; round++) {
            for (int n = 0; n < dirs.length; n++) {
                mmu.setCr3(dirs[n]);
                assertEquals(frames[n], mmu.translate(LIN, n % 2 == 0, true), "round " + round + " load " + n);
            }
        }
        // Ping-pong between two spaces, then a table of the one put aside changes: the switch
        // back must walk again rather than take the set it put aside.
        for (int n = 0; n < 10; n++) {
            mmu.setCr3(PD2);
            assertEquals(FRAME2, mmu.translate(LIN, true, true));
            mmu.setCr3(PD);
            assertEquals(FRAME, mmu.translate(LIN, true, true));
        }
        ram.write32(PT2 + 12, 0x30000 | PTE_P | PTE_US);
        mmu.setCr3(PD2);
        assertEquals(0x30000, mmu.translate(LIN, false, true));
        assertEquals(-1, mmu.translate(LIN, true, true), "now read-only");
        mmu.setCr3(PD);
        assertEquals(FRAME, mmu.translate(LIN, false, true));
        // A table write while the previous set's space is live: it is not kept at the next load.
        ram.write32(PT + 12, 0x31000 | PTE_P | PTE_RW | PTE_US);
        mmu.setCr3(PD2);
        mmu.setCr3(PD);
        assertEquals(0x31000, mmu.translate(LIN, false, true));
        // And a flush forgets it too.
        mmu.setCr3(PD2);
        assertEquals(0x30000, mmu.translate(LIN, false, true));
        ram.write32(PT + 12, 0x32000 | PTE_P | PTE_RW | PTE_US);
        mmu.setCr3(PD);
        assertEquals(0x32000, mmu.translate(LIN, false, true));
        mmu.setCr3(PD2);
        mmu.flushTlb();
        ram.write32(PT2 + 12, 0x33000 | PTE_P | PTE_US);
        mmu.setCr3(PD);
        mmu.setCr3(PD2);
        assertEquals(0x33000, mmu.translate(LIN, false, true));
    }
}
