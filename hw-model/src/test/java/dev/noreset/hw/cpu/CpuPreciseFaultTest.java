package dev.noreset.hw.cpu;

import dev.noreset.hw.mmu.Mmu;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Page faults are precise: the faulting instruction leaves registers and memory unchanged. */
class CpuPreciseFaultTest {
    private static final int HOLE = 0x50000; // a page the tests unmap

    private static TestMachine paged() {
        TestMachine m = new TestMachine().enablePaging();
        m.mapPage(HOLE, 0);
        return m;
    }

    @Test
    void pushToAnUnmappedPageLeavesEspAndReportsCr2() {
        TestMachine m = paged().code(0x50); // push eax
        m.cpu.setReg(Cpu.ESP, HOLE + 0x1000);
        Trap t = m.step();
        assertEquals(Trap.Kind.EXCEPTION, t.kind());
        assertEquals(Trap.PF, t.vector());
        assertEquals(Mmu.PF_W | Mmu.PF_U, t.errorCode(), "not present, write, user");
        assertEquals(HOLE + 0xFFC, t.cr2());
        assertEquals(HOLE + 0xFFC, m.mmu.cr2());
        assertEquals(HOLE + 0x1000, m.cpu.reg(Cpu.ESP));
        assertEquals(TestMachine.CODE, m.cpu.eip());
    }

    @Test
    void writeCrossingIntoAFaultingPageWritesNothing() {
        // mov [ebx], eax with ebx two bytes before the hole
        TestMachine m = paged().code(0x89, 0x03);
        int addr = HOLE - 2;
        m.ram.write32(addr - 2, 0x11223344);
        m.cpu.setReg(Cpu.EBX, addr);
        m.cpu.setReg(Cpu.EAX, 0xAABBCCDD);
        Trap t = m.step();
        assertEquals(Trap.PF, t.vector());
        assertEquals(HOLE, t.cr2(), "CR2 is the first byte in the missing page");
        assertEquals(0x11223344, m.ram.read32(addr - 2), "the first page was not written");
    }

    @Test
    void readModifyWriteOnAReadOnlyPageFaultsAsAWrite() {
        TestMachine m = paged().code(0x01, 0x03); // add [ebx], eax
        m.mapPage(HOLE, HOLE | Mmu.PTE_P | Mmu.PTE_US);
        m.ram.write32(HOLE, 5);
        m.cpu.setReg(Cpu.EBX, HOLE);
        m.cpu.setReg(Cpu.EAX, 1);
        int flags = m.cpu.eflags();
        Trap t = m.step();
        assertEquals(Trap.PF, t.vector());
        assertEquals(Mmu.PF_P | Mmu.PF_W | Mmu.PF_U, t.errorCode());
        assertEquals(5, m.ram.read32(HOLE));
        assertEquals(flags, m.cpu.eflags(), "flags unchanged");
    }

    @Test
    void callAndRetFaultsLeaveStateUnchanged() {
        // call [ebx] where [ebx] is in the hole
        TestMachine m = paged().code(0xFF, 0x13);
        m.cpu.setReg(Cpu.EBX, HOLE);
        int esp = m.cpu.reg(Cpu.ESP);
        assertEquals(Trap.PF, m.step().vector());
        assertEquals(esp, m.cpu.reg(Cpu.ESP));
        // call rel32 with the stack in the hole
        m = paged().code(0xE8, 0x10, 0, 0, 0);
        m.cpu.setReg(Cpu.ESP, HOLE + 0x10);
        assertEquals(Trap.PF, m.step().vector());
        assertEquals(HOLE + 0x10, m.cpu.reg(Cpu.ESP));
        assertEquals(TestMachine.CODE, m.cpu.eip());
        // pop [ebx] into the hole: ESP is restored
        m = paged().code(0x8F, 0x03);
        m.cpu.setReg(Cpu.EBX, HOLE);
        esp = m.cpu.reg(Cpu.ESP);
        assertEquals(Trap.PF, m.step().vector());
        assertEquals(esp, m.cpu.reg(Cpu.ESP));
    }

    @Test
    void pushaIntoAPartlyMappedStackWritesNothing() {
        TestMachine m = paged().code(0x60);
        m.cpu.setReg(Cpu.ESP, HOLE + 0x1000 + 8); // two dwords fit above the hole
        m.ram.write32(HOLE + 0x1000, 0xCAFEBABE);
        assertEquals(Trap.PF, m.step().vector());
        assertEquals(0xCAFEBABE, m.ram.read32(HOLE + 0x1000));
        assertEquals(HOLE + 0x1008, m.cpu.reg(Cpu.ESP));
    }

    @Test
    void repMovsStopsAtAnElementBoundaryAndRestarts() {
        // rep movsd from DATA to just below the hole, 8 dwords: 4 fit
        TestMachine m = paged().code(0xF3, 0xA5, 0x90);
        for (int i = 0; i < 8; i++) m.ram.write32(TestMachine.DATA + 4 * i, 100 + i);
        m.cpu.setReg(Cpu.ESI, TestMachine.DATA);
        m.cpu.setReg(Cpu.EDI, HOLE - 16);
        m.cpu.setReg(Cpu.ECX, 8);
        Trap t = m.step();
        assertEquals(Trap.PF, t.vector());
        assertEquals(HOLE, t.cr2());
        assertEquals(4, m.cpu.reg(Cpu.ECX), "four elements done");
        assertEquals(TestMachine.DATA + 16, m.cpu.reg(Cpu.ESI));
        assertEquals(HOLE, m.cpu.reg(Cpu.EDI));
        assertEquals(TestMachine.CODE, m.cpu.eip(), "EIP at the instruction, to restart it");
        // The kernel maps the page (demand paging) and resumes.
        m.mapPage(HOLE, HOLE | 7);
        assertNull(m.step());
        assertEquals(0, m.cpu.reg(Cpu.ECX));
        assertEquals(107, m.ram.read32(HOLE + 12));
        assertEquals(TestMachine.CODE + 2, m.cpu.eip());
    }

    @Test
    void repCompareFaultReportsThePreInstructionFlagsLikeSilicon() {
        // repne cmpsb with ESI running into the hole after 8 elements
        TestMachine m = paged().code(0xF2, 0xA6);
        for (int i = 0; i < 8; i++) {
            m.ram.write8(HOLE - 8 + i, 0x10 + i);
            m.ram.write8(TestMachine.DATA + i, 0x20);
        }
        m.cpu.setReg(Cpu.ESI, HOLE - 8);
        m.cpu.setReg(Cpu.EDI, TestMachine.DATA);
        m.cpu.setReg(Cpu.ECX, 0xCA);
        m.cpu.setEflags(0x203);
        Trap t = m.step();
        assertEquals(Trap.PF, t.vector());
        assertEquals(HOLE, t.cr2());
        assertEquals(0xC2, m.cpu.reg(Cpu.ECX));
        // The last completed compare (0x17 - 0x20) would give CF|SF; silicon keeps the flags the
        // instruction started with (CF only here), while ECX/ESI/EDI reflect the 8 elements.
        assertEquals(0x01, m.cpu.eflags() & 0x8D5);
        assertEquals(HOLE, m.cpu.reg(Cpu.ESI));
    }

    @Test
    void repCompareFaultAfterASliceBoundaryStillReportsTheStartingFlags() {
        // repe cmpsb over 5000 equal (zero) bytes that run into the hole: two slices, then #PF
        TestMachine m = paged().code(0xF3, 0xA6);
        m.cpu.setReg(Cpu.ESI, HOLE - 5000);
        m.cpu.setReg(Cpu.EDI, TestMachine.DATA);
        m.cpu.setReg(Cpu.ECX, 6000);
        m.cpu.setEflags(0x203);
        Trap t = m.run(100);
        assertEquals(Trap.PF, t.vector());
        assertEquals(1000, m.cpu.reg(Cpu.ECX));
        assertEquals(0x203, m.cpu.eflags() & 0xFFF, "flags from before the first slice");
    }

    @Test
    void instructionFetchFromAnUnmappedPageFaults() {
        TestMachine m = paged();
        m.cpu.setEip(HOLE + 4);
        Trap t = m.step();
        assertEquals(Trap.PF, t.vector());
        assertEquals(Mmu.PF_U, t.errorCode());
        assertEquals(HOLE + 4, t.cr2());
        // An instruction that starts before the hole and ends in it faults at the hole.
        m = paged();
        m.ram.write8(HOLE - 1, 0xB8); // mov eax, imm32
        m.cpu.setEip(HOLE - 1);
        t = m.step();
        assertEquals(HOLE, t.cr2());
        assertEquals(HOLE - 1, m.cpu.eip());
    }

    @Test
    void selfModifyingCodeIsSeen() {
        // mov byte [CODE+8], 0x40 (inc eax) ; nop... ; at CODE+8 originally nop
        TestMachine m = new TestMachine().code(0xC6, 0x05, 0x08, 0x10, 0, 0, 0x40, 0x90, 0x90);
        m.run(3);
        assertEquals(1, m.cpu.reg(Cpu.EAX));
    }
}
