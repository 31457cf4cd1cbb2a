package dev.noreset.hw.cpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Traps at CPL 3: which instructions trap, with which vector, error code and EIP. */
class CpuTrapTest {

    private static void assertTrap(Trap t, Trap.Kind kind, int vector, int error) {
        assertNotNull(t, "expected a trap");
        assertEquals(kind, t.kind(), "kind");
        assertEquals(vector, t.vector(), "vector");
        assertEquals(error, t.errorCode(), "error code");
    }

    @Test
    void intNReturnsSoftwareInterruptWithEipAfter() {
        TestMachine m = new TestMachine().code(0x90, 0xCD, 0x80);
        Trap t = m.run(10);
        assertTrap(t, Trap.Kind.SOFTWARE_INTERRUPT, 0x80, -1);
        assertEquals(TestMachine.CODE + 3, m.cpu.eip());
        assertEquals(2, m.cpu.retired());
    }

    @Test
    void int3AndIntoAreTrapsAfterTheInstruction() {
        TestMachine m = new TestMachine().code(0xCC);
        assertTrap(m.run(5), Trap.Kind.SOFTWARE_INTERRUPT, 3, -1);
        assertEquals(TestMachine.CODE + 1, m.cpu.eip());

        // INTO with OF clear does nothing; with OF set traps with vector 4.
        m = new TestMachine().code(0xCE, 0xB0, 0x7F, 0x04, 0x01, 0xCE);
        Trap t = m.run(10);
        assertTrap(t, Trap.Kind.SOFTWARE_INTERRUPT, 4, -1);
        assertEquals(TestMachine.CODE + 6, m.cpu.eip());
    }

    @Test
    void privilegedInstructionsRaiseGpAtCpl3WithoutSideEffects() {
        int[][] programs = {
            {0xF4},                   // HLT
            {0xFA},                   // CLI (IOPL 0)
            {0xFB},                   // STI
            {0xE4, 0x60},             // IN AL, 0x60
            {0xEE},                   // OUT DX, AL
            {0x6C},                   // INSB
            {0x0F, 0x20, 0xC0},       // MOV EAX, CR0
            {0x0F, 0x22, 0xD8},       // MOV CR3, EAX
            {0x0F, 0x01, 0x10},       // LGDT [EAX]
            {0x0F, 0x01, 0x38},       // INVLPG [EAX]
            {0x0F, 0x09},             // WBINVD
            {0x0F, 0x32},             // RDMSR
        };
        for (int[] p : programs) {
            TestMachine m = new TestMachine().code(p);
            int esp = m.cpu.reg(Cpu.ESP);
            Trap t = m.step();
            assertTrap(t, Trap.Kind.EXCEPTION, Trap.GP, 0);
            assertEquals(TestMachine.CODE, m.cpu.eip(), "EIP at the faulting instruction");
            assertEquals(esp, m.cpu.reg(Cpu.ESP));
            assertEquals(0x202, m.cpu.eflags() & 0xFFF);
        }
    }

    @Test
    void ioIsAllowedWhenIoplIs3() {
        int[] seen = new int[1];
        IoSpace io = new IoSpace() {
            @Override public int in(int port, int size) { return 0x5A; }
            @Override public void out(int port, int size, int value) { seen[0] = port << 8 | value; }
        };
        TestMachine m = new TestMachine(io).code(0xE4, 0x60, 0xE6, 0x61);
        m.cpu.setEflags(0x3202);
        assertNull(m.step());
        assertEquals(0x5A, m.cpu.reg(Cpu.EAX) & 0xFF);
        assertNull(m.step());
        assertEquals(0x615A, seen[0]);
    }

    @Test
    void divideErrorIsAFaultBeforeTheInstruction() {
        // xor ecx,ecx ; div ecx
        TestMachine m = new TestMachine().code(0x31, 0xC9, 0xF7, 0xF1);
        m.cpu.setReg(Cpu.EAX, 1234);
        Trap t = m.run(10);
        assertTrap(t, Trap.Kind.EXCEPTION, Trap.DE, -1);
        assertEquals(TestMachine.CODE + 2, m.cpu.eip());
        assertEquals(1234, m.cpu.reg(Cpu.EAX));
        // Quotient overflow: EDX:EAX = 2^32, divisor 1.
        m = new TestMachine().code(0xF7, 0xF1);
        m.cpu.setReg(Cpu.EDX, 1);
        m.cpu.setReg(Cpu.ECX, 1);
        assertTrap(m.step(), Trap.Kind.EXCEPTION, Trap.DE, -1);
        // IDIV of INT_MIN by -1.
        m = new TestMachine().code(0xF7, 0xF9);
        m.cpu.setReg(Cpu.EAX, Integer.MIN_VALUE);
        m.cpu.setReg(Cpu.EDX, -1);
        m.cpu.setReg(Cpu.ECX, -1);
        assertTrap(m.step(), Trap.Kind.EXCEPTION, Trap.DE, -1);
    }

    @Test
    void undefinedOpcodesAndBadLockRaiseUd() {
        int[][] programs = {
            {0x0F, 0x0B},             // UD2
            {0x0F, 0xFF},             // UD0
            {0xF0, 0x90},             // LOCK NOP
            {0xF0, 0x01, 0xC8},       // LOCK ADD EAX, ECX (register destination)
            {0xF0, 0x39, 0x08},       // LOCK CMP [EAX], ECX (not a read-modify-write)
            {0x8D, 0xC0},             // LEA with a register operand
            {0xC4, 0xC0},             // LES with a register operand
            {0x8E, 0xC8},             // MOV CS, AX
            {0xFE, 0xD0},             // FE /2
            {0xFF, 0xF8},             // FF /7
            {0x0F, 0xC7, 0xC8},       // CMPXCHG8B with a register operand
        };
        for (int[] p : programs) {
            TestMachine m = new TestMachine().code(p);
            assertTrap(m.step(), Trap.Kind.EXCEPTION, Trap.UD, -1);
            assertEquals(TestMachine.CODE, m.cpu.eip());
        }
        TestMachine m = new TestMachine().code(0xF0, 0x01, 0x08); // LOCK ADD [EAX], ECX is fine
        m.cpu.setReg(Cpu.EAX, TestMachine.DATA);
        assertNull(m.step());
    }

    @Test
    void x87OpcodesRaiseNm() {
        TestMachine m = new TestMachine().code(0xD9, 0xE8); // FLD1
        assertTrap(m.step(), Trap.Kind.EXCEPTION, Trap.NM, -1);
    }

    @Test
    void instructionLongerThan15BytesRaisesGp() {
        int[] p = new int[16];
        java.util.Arrays.fill(p, 0x66);
        p[15] = 0x90;
        TestMachine m = new TestMachine().code(p);
        assertTrap(m.step(), Trap.Kind.EXCEPTION, Trap.GP, 0);
        int[] ok = new int[15];
        java.util.Arrays.fill(ok, 0x3E);
        ok[14] = 0x90;
        m = new TestMachine().code(ok);
        assertNull(m.step());
        assertEquals(TestMachine.CODE + 15, m.cpu.eip());
    }

    @Test
    void boundRaisesBr() {
        // bound eax, [ebx]  with bounds [10, 20]
        TestMachine m = new TestMachine().code(0x62, 0x03, 0x62, 0x03);
        m.ram.write32(TestMachine.DATA, 10);
        m.ram.write32(TestMachine.DATA + 4, 20);
        m.cpu.setReg(Cpu.EBX, TestMachine.DATA);
        m.cpu.setReg(Cpu.EAX, 15);
        assertNull(m.step());
        m.cpu.setReg(Cpu.EAX, 21);
        assertTrap(m.step(), Trap.Kind.EXCEPTION, Trap.BR, -1);
        assertEquals(TestMachine.CODE + 2, m.cpu.eip());
    }

    @Test
    void segmentLoadsAreCheckedAgainstTheFixedTable() {
        // mov ds, ax
        int[] movDs = {0x8E, 0xD8};
        int[][] bad = {{0x08, 0x08}, {0x10, 0x10}, {0x2B, 0x28}, {0x1F, 0x1C}};
        for (int[] b : bad) {
            TestMachine m = new TestMachine().code(movDs);
            m.cpu.setReg(Cpu.EAX, b[0]);
            assertTrap(m.step(), Trap.Kind.EXCEPTION, Trap.GP, b[1]);
            assertEquals(Cpu.USER_DS, m.cpu.segment(Cpu.DS));
        }
        TestMachine m = new TestMachine().code(movDs);
        m.cpu.setReg(Cpu.EAX, Cpu.USER_CS);
        assertNull(m.step(), "a readable code segment may be loaded into DS");
        // mov ss, ax with the null selector or user code is #GP.
        m = new TestMachine().code(0x8E, 0xD0);
        m.cpu.setReg(Cpu.EAX, 0);
        assertTrap(m.step(), Trap.Kind.EXCEPTION, Trap.GP, 0);
        m = new TestMachine().code(0x8E, 0xD0);
        m.cpu.setReg(Cpu.EAX, Cpu.USER_CS);
        assertTrap(m.step(), Trap.Kind.EXCEPTION, Trap.GP, 0x18);
        // A null selector loads into ES, but using it faults.
        m = new TestMachine().code(0x8E, 0xC0, 0x26, 0x8B, 0x03);
        m.cpu.setReg(Cpu.EAX, 0);
        m.cpu.setReg(Cpu.EBX, TestMachine.DATA);
        assertNull(m.step());
        assertTrap(m.step(), Trap.Kind.EXCEPTION, Trap.GP, 0);
        // A far jump to a kernel selector is #GP(selector).
        m = new TestMachine().code(0xEA, 0, 0, 0, 0, 0x08, 0x00);
        assertTrap(m.step(), Trap.Kind.EXCEPTION, Trap.GP, 0x08);
    }

    @Test
    void popfAtCpl3KeepsIoplAndIf() {
        // push 0x3000 | TF-less value with IF=0 and IOPL=3 ; popf
        TestMachine m = new TestMachine().code(0x68, 0xD5, 0x30, 0x00, 0x00, 0x9D);
        m.run(2);
        int f = m.cpu.eflags();
        assertEquals(0x200, f & 0x200, "IF unchanged at CPL 3 with IOPL 0");
        assertEquals(0, f & 0x3000, "IOPL unchanged at CPL 3");
        assertEquals(0xD5, f & 0xD5, "arithmetic flags loaded");
        // With IOPL=3 (set by the kernel), POPF may clear IF.
        m = new TestMachine().code(0x6A, 0x00, 0x9D);
        m.cpu.setEflags(0x3202);
        m.run(2);
        assertEquals(0, m.cpu.eflags() & 0x200);
    }

    @Test
    void hardwareInterruptsOnlyWithIfAndAfterTheStiShadow() {
        boolean[] pending = {true};
        InterruptLine line = new InterruptLine() {
            @Override public boolean pending() { return pending[0]; }
            @Override public int acknowledge() { pending[0] = false; return 0x20; }
        };
        TestMachine m = new TestMachine().code(0x90, 0x90);
        m.cpu.setInterruptLine(line);
        m.cpu.setEflags(0x002);
        assertNull(m.step(), "IF=0: not taken");
        m.cpu.setEflags(0x202);
        Trap t = m.step();
        assertTrap(t, Trap.Kind.INTERRUPT, 0x20, -1);
        assertEquals(TestMachine.CODE + 1, m.cpu.eip(), "taken between instructions");

        // After STI, one more instruction runs before the interrupt is taken.
        m = new TestMachine().code(0xFB, 0x90, 0x90);
        m.cpu.setInterruptLine(line);
        m.cpu.setEflags(0x3002);
        pending[0] = true;
        assertNull(m.step());
        assertNull(m.step());
        assertTrap(m.step(), Trap.Kind.INTERRUPT, 0x20, -1);
        assertEquals(TestMachine.CODE + 2, m.cpu.eip());
    }

    @Test
    void singleStepTrapsAfterEachInstruction() {
        TestMachine m = new TestMachine().code(0x40, 0x40);
        m.cpu.setEflags(0x302);
        Trap t = m.step();
        assertTrap(t, Trap.Kind.EXCEPTION, Trap.DB, -1);
        assertEquals(1, m.cpu.reg(Cpu.EAX));
        assertEquals(TestMachine.CODE + 1, m.cpu.eip());
    }

    @Test
    void realModeIntGoesThroughTheIvt() {
        TestMachine m = new TestMachine();
        m.cpu.resetRealMode();
        m.cpu.setSegmentReal(Cpu.CS, 0x100);
        m.cpu.setSegmentReal(Cpu.SS, 0x200);
        m.cpu.setReg(Cpu.ESP, 0x100);
        m.cpu.setEip(0x10);
        m.cpu.setEflags(0x202);
        m.ram.write8(0x1010, 0xCD);
        m.ram.write8(0x1011, 0x21);
        m.ram.write16(0x21 * 4, 0x1234);
        m.ram.write16(0x21 * 4 + 2, 0x0500);
        Trap t = m.step();
        assertTrap(t, Trap.Kind.SOFTWARE_INTERRUPT, 0x21, -1);
        assertEquals(0x0500, m.cpu.segment(Cpu.CS));
        assertEquals(0x1234, m.cpu.eip());
        assertEquals(0xFA, m.cpu.reg(Cpu.ESP));
        assertEquals(0x12, m.ram.read16(0x20FA), "IP after INT");
        assertEquals(0x100, m.ram.read16(0x20FC), "CS");
        assertEquals(0x202, m.ram.read16(0x20FE) & 0xFFF, "FLAGS");
        assertEquals(0, m.cpu.eflags() & 0x200, "IF cleared");
        // HLT in real mode halts the CPU until an interrupt.
        m.ram.write8(0x5000 + 0x1234, 0xF4);
        assertEquals(Trap.Kind.HALT, m.step().kind());
        assertTrue(m.cpu.halted());
        assertEquals(Trap.Kind.HALT, m.step().kind());
    }
}
