package dev.noreset.hw.cpu;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link Cpu#run} against single steps on a loop of flag-setting FastPath forms (CMP/TEST/ALU/INC/
 * DEC, register or memory source) each followed by a Jcc, the shape a fused compare-and-branch path
 * in the run loop would handle: with any instruction budget (so a budget may end between the two)
 * run must reach the state single steps reach, with the same retired count.
 */
class FusedJccRunTest {
    private static final int[] LOOP = {
        0xB9, 0x40, 0x00, 0x00, 0x00,             // 1000 mov ecx, 0x40
        0x01, 0xD8,                               // 1005 L: add eax, ebx
        0x39, 0xD0,                               // 1007 cmp eax, edx
        0x72, 0x02,                               // 1009 jb 100D
        0x31, 0xD0,                               // 100B xor eax, edx
        0x3B, 0x35, 0x00, 0x00, 0x04, 0x00,       // 100D cmp esi, [0x40000]
        0x7F, 0x01,                               // 1013 jg 1016
        0x46,                                     // 1015 inc esi
        0x80, 0x3D, 0x04, 0x00, 0x04, 0x00, 0x00, // 1016 cmp byte [0x40004], 0
        0x74, 0x01,                               // 101D je 1020
        0x4F,                                     // 101F dec edi
        0x49,                                     // 1020 dec ecx
        0x0F, 0x85, 0xDE, 0xFF, 0xFF, 0xFF,       // 1021 jnz L (near)
        0xCC,                                     // 1027 int3
    };

    @Property(tries = 300)
    void runWithAnyBudgetMatchesSingleSteps(@ForAll @Size(8) int[] regs, @ForAll int word, @ForAll byte flagByte,
                                            @ForAll @IntRange(min = 1, max = 700) int budget) {
        TestMachine a = machine(regs, word, flagByte), b = machine(regs, word, flagByte);
        Trap ta = null;
        for (int leg = 0; leg < 2 && ta == null; leg++) {
            // Leg 0 stops after any budget; leg 1 (if leg 0 did not reach the INT3) runs to the end.
            int max = leg == 0 ? budget : 1000;
            ta = a.run(max);
            Trap tb = null;
            for (int i = 0; i < max && tb == null; i++) {
                tb = b.step();
            }
            assertEquals(tb, ta, "trap");
            assertEquals(b.cpu.retired(), a.cpu.retired(), "retired");
            assertEquals(b.cpu.eip(), a.cpu.eip(), "eip");
            assertEquals(b.cpu.eflags(), a.cpu.eflags(), "eflags");
            for (int i = 0; i < 8; i++) {
                assertEquals(b.cpu.reg(i), a.cpu.reg(i), "reg " + i);
            }
        }
        assertEquals(0x1028, a.cpu.eip(), "the loop ran to its INT3");
    }

    private static TestMachine machine(int[] regs, int word, byte flagByte) {
        TestMachine m = new TestMachine().code(LOOP);
        for (int i = 0; i < 8; i++) {
            if (i != Cpu.ESP) m.cpu.setReg(i, regs[i]);
        }
        m.ram.write32(TestMachine.DATA, word);
        m.ram.write8(TestMachine.DATA + 4, flagByte);
        return m;
    }
}
