package dev.noreset.hw.cpu;

import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Compiled blocks are kept by physical address, so they must not depend on the linear address
 * they were compiled at, and a new mapping of the same linear page (a CR3 switch) must reach the
 * new page's code, never a block of the old one. Each case runs on a machine with the block
 * compiler and on one without, which must agree, and checks the expected values.
 */
class BlockMappingTest {
    private static final int PAGE = 0x10000, ALIAS = 0x20000, OTHER = 0x30000, PD2 = 0x302000, PT2 = 0x303000;

    /** mov ecx, 64 / L: call +0 / pop eax / add ebx, eax / dec ecx / jnz L / int3 */
    private static final int[] RETURN_ADDRESSES = {
        0xB9, 0x40, 0, 0, 0, 0xE8, 0, 0, 0, 0, 0x58, 0x01, 0xC3, 0x49, 0x75, 0xF5, 0xCC};

    @Test
    void aPageMappedTwiceRunsItsBlocksAtEitherAddress() {
        TestMachine a = machine(), b = machine();
        b.cpu.jit = false;
        both(a, b, m -> {
            load(m, PAGE, RETURN_ADDRESSES);
            m.mapPage(ALIAS, PAGE | 7); // the same physical page at a second linear address
            m.cpu.setEip(PAGE);
        });
        runToInt3(a, b);
        assertEquals(64 * (PAGE + 10), a.cpu.reg(Cpu.EBX), "return addresses at the first mapping");
        long compiledBefore = a.cpu.jitStats()[0], inBlocksBefore = a.cpu.jitStats()[2];
        assertTrue(compiledBefore > 0, "the loop was compiled");
        both(a, b, m -> {
            m.cpu.setReg(Cpu.EBX, 0);
            m.cpu.setEip(ALIAS);
        });
        runToInt3(a, b);
        assertEquals(64 * (ALIAS + 10), a.cpu.reg(Cpu.EBX), "return addresses at the alias");
        assertTrue(a.cpu.jitStats()[2] > inBlocksBefore, "the blocks compiled at the first address ran at the alias");
    }

    @Test
    void aNewPageDirectoryReachesTheNewPagesCode() {
        // mov ecx, 64 / L: add ebx, imm8 / dec ecx / jnz L / int3, with imm8 1 in one page, 2 in the other
        int[] one = {0xB9, 0x40, 0, 0, 0, 0x83, 0xC3, 1, 0x49, 0x75, 0xFA, 0xCC};
        int[] two = one.clone();
        two[7] = 2;
        TestMachine a = machine(), b = machine();
        b.cpu.jit = false;
        both(a, b, m -> {
            load(m, PAGE, one);
            load(m, OTHER, two);
            // A second address space: the identity map, except that PAGE shows OTHER's frame.
            m.ram.write32(PD2, PT2 | 7);
            for (int i = 0; i < 1024; i++) {
                m.ram.write32(PT2 + 4 * i, (i << 12) | 7);
            }
            m.ram.write32(PT2 + 4 * (PAGE >>> 12), OTHER | 7);
            m.cpu.setEip(PAGE);
        });
        runToInt3(a, b);
        assertEquals(64, a.cpu.reg(Cpu.EBX));
        assertTrue(a.cpu.jitStats()[0] > 0, "the loop was compiled");
        both(a, b, m -> {
            m.mmu.setCr3(PD2);
            m.cpu.setReg(Cpu.EBX, 0);
            m.cpu.setEip(PAGE);
        });
        runToInt3(a, b);
        assertEquals(128, a.cpu.reg(Cpu.EBX), "the code of the page mapped now ran");
    }

    private static TestMachine machine() {
        return new TestMachine().enablePaging();
    }

    private static void both(TestMachine a, TestMachine b, Consumer<TestMachine> setup) {
        setup.accept(a);
        setup.accept(b);
    }

    private static void load(TestMachine m, int at, int[] code) {
        byte[] bytes = new byte[code.length];
        for (int i = 0; i < code.length; i++) bytes[i] = (byte) code[i];
        m.ram.load(at, bytes, 0, bytes.length);
    }

    private static void runToInt3(TestMachine a, TestMachine b) {
        Trap ta = a.run(100_000), tb = b.run(100_000);
        assertEquals(tb, ta, "trap");
        assertNotNull(ta, "reached the INT3");
        assertEquals(3, ta.vector());
        assertEquals(b.cpu.retired(), a.cpu.retired(), "retired");
        assertEquals(b.cpu.eip(), a.cpu.eip(), "eip");
        assertEquals(b.cpu.eflags(), a.cpu.eflags(), "eflags");
        for (int i = 0; i < 8; i++) {
            assertEquals(b.cpu.reg(i), a.cpu.reg(i), "reg " + i);
        }
    }
}
