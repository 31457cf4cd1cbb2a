package dev.noreset.hw.cpu;

import dev.noreset.hw.mmu.Mmu;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.junit.jupiter.api.Assertions.*;

/**
 * No guest byte sequence makes the emulator throw: random code and random register states, in
 * real mode, flat protected mode, and protected mode with half the pages missing or read-only.
 */
class RandomBytesPropertyTest {

    @Property(tries = 3000)
    void randomCodeNeverThrows(@ForAll @Size(min = 1, max = 24) byte[] code, @ForAll @Size(8) int[] regs,
                               @ForAll int flags, @ForAll @IntRange(min = 0, max = 2) int mode) {
        TestMachine m = new TestMachine();
        if (mode == 2) {
            m.enablePaging();
            for (int page = 0; page < 1024; page += 2) {
                if (page != TestMachine.CODE >>> 12) m.mapPage(page << 12, (page << 12) | (page % 4 == 0 ? 0 : Mmu.PTE_P | Mmu.PTE_US));
            }
        }
        m.ram.load(TestMachine.CODE, code, 0, code.length);
        for (int i = 0; i < 8; i++) m.cpu.setReg(i, regs[i]);
        if (mode == 0) {
            m.cpu.resetRealMode();
            m.cpu.setSegmentReal(Cpu.CS, TestMachine.CODE >>> 4);
            m.cpu.setEip(0);
        }
        m.cpu.setEflags(flags);
        try {
            for (int i = 0; i < 40; i++) {
                Trap t = m.step();
                if (t != null && !m.cpu.realMode()) {
                    // The kernel would handle it; keep going from wherever the CPU says.
                    continue;
                }
            }
        } catch (Throwable e) {
            fail("guest code made the emulator throw " + e, e);
        }
        assertTrue(m.cpu.retired() >= 0);
    }

    /**
     * The cached fast loop ({@link Cpu#run}) and single steps ({@link Cpu#step}) are two drivers of
     * the same semantics: on random code they must reach the same state and the same trap.
     */
    @Property(tries = 1500)
    void runAndStepAgree(@ForAll @Size(min = 1, max = 64) byte[] code, @ForAll @Size(8) int[] regs,
                         @ForAll @IntRange(min = 0, max = 0xFFF) int flags) {
        TestMachine a = machine(code, regs, flags), b = machine(code, regs, flags);
        Trap ta = a.cpu.run(50);
        Trap tb = null;
        for (int i = 0; i < 50 && tb == null; i++) {
            tb = b.cpu.step();
        }
        assertEquals(tb, ta, "trap");
        assertEquals(b.cpu.retired(), a.cpu.retired(), "retired");
        assertEquals(b.cpu.eip(), a.cpu.eip(), "eip");
        assertEquals(b.cpu.eflags(), a.cpu.eflags(), "eflags");
        for (int i = 0; i < 8; i++) {
            assertEquals(b.cpu.reg(i), a.cpu.reg(i), "reg " + i);
        }
        byte[] ma = new byte[0x2000], mb = new byte[0x2000];
        a.ram.copyOut(TestMachine.STACK - 0x1000, ma, 0, ma.length);
        b.ram.copyOut(TestMachine.STACK - 0x1000, mb, 0, mb.length);
        assertArrayEquals(mb, ma, "stack memory");
    }

    private static TestMachine machine(byte[] code, int[] regs, int flags) {
        TestMachine m = new TestMachine();
        m.ram.load(TestMachine.CODE, code, 0, code.length);
        for (int i = 0; i < 8; i++) m.cpu.setReg(i, i == Cpu.ESP ? TestMachine.STACK : regs[i] & 0x3FFFFF);
        m.cpu.setEflags(flags | 0x200);
        return m;
    }
}
