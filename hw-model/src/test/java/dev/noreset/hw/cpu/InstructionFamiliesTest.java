package dev.noreset.hw.cpu;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** 32-bit protected-mode behaviour per instruction family (real mode is covered by the 80286 vectors). */
class InstructionFamiliesTest {
    private static final int D = TestMachine.DATA;

    private static TestMachine run(int steps, int... code) {
        TestMachine m = new TestMachine().code(code);
        for (int i = 0; i < steps; i++) {
            assertNull(m.step(), "instruction " + i + " trapped");
        }
        return m;
    }

    @Test
    void modrmSibAndAddressSizes() {
        // mov eax, [ebx + esi*4 + 0x10]
        TestMachine m = new TestMachine().code(0x8B, 0x44, 0xB3, 0x10);
        m.cpu.setReg(Cpu.EBX, D);
        m.cpu.setReg(Cpu.ESI, 3);
        m.ram.write32(D + 12 + 0x10, 0xCAFEF00D);
        assertNull(m.step());
        assertEquals(0xCAFEF00D, m.cpu.reg(Cpu.EAX));
        // 0x67: mov ax, [bx+si] with 16-bit addressing wraps the offset at 64 KiB
        m = new TestMachine().code(0x66, 0x67, 0x8B, 0x00);
        m.cpu.setReg(Cpu.EBX, 0x1234FFFF);
        m.cpu.setReg(Cpu.ESI, 0x0001 + D);
        m.ram.write16(0, 0xBEEF); // BX+SI = 0xFFFF + 0x0001 wraps to offset 0
        m.cpu.setReg(Cpu.EAX, 0x11110000);
        assertNull(m.step());
        assertEquals(0x1111BEEF, m.cpu.reg(Cpu.EAX), "16-bit load keeps the upper half");
        // disp32 only (mod 00, rm 101) and SIB without base (base 101, mod 00)
        m = new TestMachine().code(0xA1, D & 0xFF, (D >> 8) & 0xFF, D >> 16, 0, 0x8B, 0x0C, 0x8D, 0, 0, 0, 0);
        m.cpu.setReg(Cpu.ECX, D / 4);
        m.ram.write32(D, 77);
        m.run(2);
        assertEquals(77, m.cpu.reg(Cpu.EAX));
        assertEquals(77, m.cpu.reg(Cpu.ECX));
    }

    @Test
    void repStringInstructions() {
        // rep stosd ; rep movsb ; repe cmpsb
        TestMachine m = new TestMachine().code(0xF3, 0xAB, 0xF3, 0xA4, 0xF3, 0xA6);
        m.cpu.setReg(Cpu.EAX, 0x41424344);
        m.cpu.setReg(Cpu.EDI, D);
        m.cpu.setReg(Cpu.ECX, 4);
        assertNull(m.step());
        assertEquals(D + 16, m.cpu.reg(Cpu.EDI));
        assertEquals(0, m.cpu.reg(Cpu.ECX));
        assertEquals(0x41424344, m.ram.read32(D + 12));
        m.cpu.setReg(Cpu.ESI, D);
        m.cpu.setReg(Cpu.EDI, D + 0x100);
        m.cpu.setReg(Cpu.ECX, 16);
        assertNull(m.step());
        assertEquals(0x41424344, m.ram.read32(D + 0x10C));
        m.ram.write8(D + 0x105, 0);
        m.cpu.setReg(Cpu.ESI, D);
        m.cpu.setReg(Cpu.EDI, D + 0x100);
        m.cpu.setReg(Cpu.ECX, 16);
        assertNull(m.step());
        assertEquals(10, m.cpu.reg(Cpu.ECX), "stopped after the 6th byte differed");
        assertEquals(0, m.cpu.eflags() & 0x40, "ZF clear");
        // std ; lodsw backwards ; scasb with repne finds the byte
        m = new TestMachine().code(0xFD, 0x66, 0xAD, 0xFC, 0xF2, 0xAE);
        m.ram.write16(D + 10, 0x1234);
        m.cpu.setReg(Cpu.ESI, D + 10);
        m.run(3);
        assertEquals(0x1234, m.cpu.reg(Cpu.EAX) & 0xFFFF);
        assertEquals(D + 8, m.cpu.reg(Cpu.ESI));
        m.ram.write8(D + 0x20 + 7, 0x34);
        m.cpu.setReg(Cpu.EDI, D + 0x20);
        m.cpu.setReg(Cpu.ECX, 100);
        assertNull(m.step());
        assertEquals(D + 0x28, m.cpu.reg(Cpu.EDI));
        assertEquals(92, m.cpu.reg(Cpu.ECX));
    }

    @Test
    void enterWithNestingLevelAndLeave() {
        // enter 8, 2 ; leave
        TestMachine m = new TestMachine().code(0xC8, 0x08, 0x00, 0x02, 0xC9);
        int esp = TestMachine.STACK;
        m.cpu.setReg(Cpu.EBP, esp + 0x40);
        m.ram.write32(esp + 0x40 - 4, 0xAAAA5555); // the outer frame's saved display entry
        assertNull(m.step());
        int frame = esp - 4;
        assertEquals(frame, m.cpu.reg(Cpu.EBP));
        assertEquals(esp + 0x40, m.ram.read32(esp - 4), "old EBP");
        assertEquals(0xAAAA5555, m.ram.read32(esp - 8), "copied display entry");
        assertEquals(frame, m.ram.read32(esp - 12), "frame pointer pushed");
        assertEquals(esp - 12 - 8, m.cpu.reg(Cpu.ESP));
        assertNull(m.step());
        assertEquals(esp, m.cpu.reg(Cpu.ESP));
        assertEquals(esp + 0x40, m.cpu.reg(Cpu.EBP));
    }

    @Test
    void pushaPopaAndPushEsp() {
        TestMachine m = new TestMachine().code(0x60, 0x31, 0xC0, 0x61, 0x54, 0x5B);
        for (int i = 0; i < 8; i++) if (i != Cpu.ESP) m.cpu.setReg(i, 100 + i);
        m.run(3);
        for (int i = 0; i < 8; i++) if (i != Cpu.ESP) assertEquals(100 + i, m.cpu.reg(i));
        assertEquals(TestMachine.STACK, m.cpu.reg(Cpu.ESP));
        m.run(2);
        assertEquals(TestMachine.STACK, m.cpu.reg(Cpu.EBX), "PUSH ESP pushes the value before the push");
    }

    @Test
    void atomicsCmpxchgXaddAndCmpxchg8b() {
        // lock cmpxchg [ebx], ecx (equal) ; lock xadd [ebx], edx ; cmpxchg8b [ebx+8]
        TestMachine m = new TestMachine().code(0xF0, 0x0F, 0xB1, 0x0B, 0xF0, 0x0F, 0xC1, 0x13, 0x0F, 0xC7, 0x4B, 0x08);
        m.ram.write32(D, 5);
        m.cpu.setReg(Cpu.EBX, D);
        m.cpu.setReg(Cpu.EAX, 5);
        m.cpu.setReg(Cpu.ECX, 9);
        m.cpu.setReg(Cpu.EDX, 3);
        m.run(2);
        assertEquals(12, m.ram.read32(D));
        assertEquals(9, m.cpu.reg(Cpu.EDX), "XADD returns the old value");
        m.ram.write32(D + 8, 1);
        m.ram.write32(D + 12, 2);
        m.cpu.setReg(Cpu.EAX, 7);
        m.cpu.setReg(Cpu.EDX, 7);
        m.run(1);
        assertEquals(0, m.cpu.eflags() & 0x40);
        assertEquals(1, m.cpu.reg(Cpu.EAX));
        assertEquals(2, m.cpu.reg(Cpu.EDX));
        // Not equal: CMPXCHG loads the accumulator.
        m = new TestMachine().code(0x0F, 0xB1, 0x0B);
        m.ram.write32(D, 5);
        m.cpu.setReg(Cpu.EBX, D);
        m.cpu.setReg(Cpu.EAX, 6);
        m.run(1);
        assertEquals(5, m.cpu.reg(Cpu.EAX));
        assertEquals(5, m.ram.read32(D));
    }

    @Test
    void bitScanSwapAndTest() {
        // bsf eax, ecx ; bsr edx, ecx ; bswap ecx ; bt ecx, 3 ; bts [ebx], esi (offset 40 -> next dword)
        TestMachine m = new TestMachine().code(0x0F, 0xBC, 0xC1, 0x0F, 0xBD, 0xD1, 0x0F, 0xC9, 0x0F, 0xBA, 0xE1, 0x03,
                0x0F, 0xAB, 0x33);
        m.cpu.setReg(Cpu.ECX, 0x00F0_0010);
        m.cpu.setReg(Cpu.EBX, D);
        m.cpu.setReg(Cpu.ESI, 40);
        m.run(5);
        assertEquals(4, m.cpu.reg(Cpu.EAX));
        assertEquals(23, m.cpu.reg(Cpu.EDX));
        assertEquals(0x1000F000, m.cpu.reg(Cpu.ECX));
        assertEquals(0, m.cpu.eflags() & 1, "bit 3 of ECX is clear");
        assertEquals(1 << 8, m.ram.read32(D + 4));
        // BSF of zero sets ZF and leaves the destination.
        m = new TestMachine().code(0x0F, 0xBC, 0xC1);
        m.cpu.setReg(Cpu.EAX, 99);
        m.run(1);
        assertEquals(99, m.cpu.reg(Cpu.EAX));
        assertEquals(0x40, m.cpu.eflags() & 0x40);
    }

    @Test
    void doubleShifts() {
        // shld eax, edx, 8 ; shrd ebx, edx, cl
        TestMachine m = new TestMachine().code(0x0F, 0xA4, 0xD0, 0x08, 0x0F, 0xAD, 0xD3);
        m.cpu.setReg(Cpu.EAX, 0x11223344);
        m.cpu.setReg(Cpu.EDX, 0xAABBCCDD);
        m.cpu.setReg(Cpu.EBX, 0x55667788);
        m.cpu.setReg(Cpu.ECX, 12);
        m.run(2);
        assertEquals(0x223344AA, m.cpu.reg(Cpu.EAX));
        assertEquals(0xCDD55667, m.cpu.reg(Cpu.EBX));
        assertEquals(0, m.cpu.eflags() & 1, "CF = bit 11 of the old EBX");
    }

    @Test
    void extendSetccCmovAndConversions() {
        // movzx eax, byte [ebx] ; movsx ecx, word [ebx] ; cmp eax, ecx ; setl dl ; cmovg esi, eax ; cwde ; cdq
        TestMachine m = new TestMachine().code(0x0F, 0xB6, 0x03, 0x0F, 0xBF, 0x0B, 0x39, 0xC8, 0x0F, 0x9C, 0xC2,
                0x0F, 0x4F, 0xF0, 0x98, 0x99);
        m.ram.write16(D, 0x80F0);
        m.cpu.setReg(Cpu.EBX, D);
        m.cpu.setReg(Cpu.EDX, 0xFFFFFFFF);
        m.run(5);
        assertEquals(0xF0, m.cpu.reg(Cpu.EAX));
        assertEquals(0xFFFF80F0, m.cpu.reg(Cpu.ECX));
        assertEquals(0xFFFFFF00, m.cpu.reg(Cpu.EDX), "setl: 0xF0 > -32528, so DL = 0");
        assertEquals(0xF0, m.cpu.reg(Cpu.ESI), "cmovg taken");
        m.cpu.setReg(Cpu.EAX, 0x8000);
        m.run(2);
        assertEquals(0xFFFF8000, m.cpu.reg(Cpu.EAX));
        assertEquals(-1, m.cpu.reg(Cpu.EDX));
    }

    @Test
    void loopsAndJumps() {
        // mov ecx, 5 ; xor eax, eax ; l: inc eax ; loop l ; jecxz +1 ; hlt(skipped: no) ; nop
        TestMachine m = new TestMachine().code(0xB9, 5, 0, 0, 0, 0x31, 0xC0, 0x40, 0xE2, 0xFD, 0xE3, 0x01, 0xCC, 0x90);
        m.run(2 + 10 + 1);
        assertEquals(5, m.cpu.reg(Cpu.EAX));
        assertEquals(TestMachine.CODE + 13, m.cpu.eip(), "JECXZ skipped the INT3");
        // call rel32 / ret imm16
        m = new TestMachine().code(0xE8, 0x01, 0, 0, 0, 0x90, 0xC2, 0x04, 0x00);
        m.run(2);
        assertEquals(TestMachine.CODE + 5, m.cpu.eip());
        assertEquals(TestMachine.STACK + 4, m.cpu.reg(Cpu.ESP));
    }

    @Test
    void flagsTransfersAndBcd() {
        // stc ; lahf ; mov ah, 0xD5 ; sahf ; pushf ; pop ebx
        TestMachine m = new TestMachine().code(0xF9, 0x9F, 0xB4, 0xD5, 0x9E, 0x9C, 0x5B);
        m.run(6);
        assertEquals(0xD5, (m.cpu.reg(Cpu.EAX) >> 8) & 0xFF);
        assertEquals(0xD5 | 0x202, m.cpu.reg(Cpu.EBX) & 0xFFF);
        // mov al, 0x19 ; add al, 0x28 ; daa -> 0x47
        m = new TestMachine().code(0xB0, 0x19, 0x04, 0x28, 0x27, 0xD4, 0x0A, 0xD5, 0x0A);
        m.run(3);
        assertEquals(0x47, m.cpu.reg(Cpu.EAX) & 0xFF);
        m.run(2); // aam -> AH=7, AL=1 ; aad -> AL=71
        assertEquals(71, m.cpu.reg(Cpu.EAX) & 0xFFFF);
    }

    @Test
    void cpuidRdtscEndbrAndXlat() {
        TestMachine m = new TestMachine().code(0x31, 0xC0, 0x0F, 0xA2, 0xF3, 0x0F, 0x1E, 0xFB, 0x0F, 0x31, 0xD7);
        m.run(2);
        assertEquals(1, m.cpu.reg(Cpu.EAX));
        assertEquals("noreset i386", ascii(m.cpu.reg(Cpu.EBX)) + ascii(m.cpu.reg(Cpu.EDX)) + ascii(m.cpu.reg(Cpu.ECX)));
        m.run(1);
        assertEquals(TestMachine.CODE + 8, m.cpu.eip(), "ENDBR32 is a 4-byte no-op");
        m.run(1);
        assertEquals(m.cpu.retired() - 1, m.cpu.reg(Cpu.EAX) & 0xFFFFFFFFL, "RDTSC counts retired instructions");
        assertEquals(0, m.cpu.reg(Cpu.EDX));
        m.cpu.setReg(Cpu.EBX, D);
        m.cpu.setReg(Cpu.EAX, 3);
        m.ram.write8(D + 3, 0x99);
        m.run(1);
        assertEquals(0x99, m.cpu.reg(Cpu.EAX) & 0xFF);
    }

    private static String ascii(int v) {
        return "" + (char) (v & 0xFF) + (char) (v >> 8 & 0xFF) + (char) (v >> 16 & 0xFF) + (char) (v >>> 24);
    }

    @Test
    void snapshotRoundTripIncludesLazyFlags() throws Exception {
        // add eax, ecx leaves lazy flags; snapshot, then continue on a fresh CPU
        TestMachine m = new TestMachine().code(0x01, 0xC8, 0x72, 0x02, 0x40, 0x40, 0x90);
        m.cpu.setReg(Cpu.EAX, -1);
        m.cpu.setReg(Cpu.ECX, 1);
        m.run(1);
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        m.cpu.saveState(new DataOutputStream(bo));
        TestMachine n = new TestMachine();
        byte[] code = new byte[7];
        m.ram.copyOut(TestMachine.CODE, code, 0, 7);
        n.ram.load(TestMachine.CODE, code, 0, 7);
        n.cpu.loadState(new DataInputStream(new ByteArrayInputStream(bo.toByteArray())));
        assertEquals(m.cpu.eflags(), n.cpu.eflags());
        n.run(2);
        assertEquals(0, n.cpu.reg(Cpu.EAX), "JC taken: the carry survived the snapshot");
        assertEquals(TestMachine.CODE + 7, n.cpu.eip());
        assertThrows(java.io.IOException.class,
                () -> n.cpu.loadState(new DataInputStream(new ByteArrayInputStream(new byte[10]))));
    }
}
