package dev.noreset.hw.cpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * ENTER with a nesting level copies frame pointers from [EBP - i*n] after it has pushed EBP; when
 * EBP is close to ESP those reads alias the slot just written, and silicon copies the new value
 * (found by the differential run against the host CPU: ENTER 0x13,3 with ESP = EBP).
 */
class EnterNestingTest {
    @Test
    void copiedFramePointerSeesThePushedEbp() {
        int top = TestMachine.STACK - 4;
        TestMachine m = new TestMachine().code(0xC8, 0x13, 0x00, 0x03); // enter 0x13, 3
        m.cpu.setReg(Cpu.ESP, top);
        m.cpu.setReg(Cpu.EBP, top);
        m.ram.write32(top - 4, 0xB1BFA9C9); // stale bytes where EBP is pushed
        m.ram.write32(top - 8, 0x5EF3A335);
        assertNull(m.step());
        assertEquals(top, m.ram.read32(top - 4), "pushed EBP");
        assertEquals(top, m.ram.read32(top - 8), "level 1 copies [EBP-4], which is the EBP just pushed");
        assertEquals(top, m.ram.read32(top - 12), "level 2 copies [EBP-8], which level 1 just wrote");
        assertEquals(top - 4, m.ram.read32(top - 16), "FrameTemp");
        assertEquals(top - 4, m.cpu.reg(Cpu.EBP));
        assertEquals(top - 16 - 0x13, m.cpu.reg(Cpu.ESP));
    }
}
