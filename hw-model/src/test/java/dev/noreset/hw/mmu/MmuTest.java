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
}
