package dev.noreset.hw.cpu;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import static org.junit.jupiter.api.Assertions.*;

/**
 * FastPath's specialised forms against the generic semantics in Executor: the same instruction
 * on the same state, once with FastPath and once without, must give the same state and trap.
 */
class FastPathEquivalenceTest {

    /** Opcode prefixes of every FastPath form (followed by random ModRM/immediate bytes). */
    @Provide
    Arbitrary<int[]> fastForms() {
        return Arbitraries.of(
                new int[] {0x01}, new int[] {0x03}, new int[] {0x29}, new int[] {0x2B}, new int[] {0x39}, new int[] {0x3B},
                new int[] {0x11}, new int[] {0x19}, new int[] {0x21}, new int[] {0x31}, new int[] {0x09},
                new int[] {0x05}, new int[] {0x3D}, new int[] {0x25}, new int[] {0x15}, new int[] {0x1D},
                new int[] {0x81}, new int[] {0x83}, new int[] {0x80}, new int[] {0x85}, new int[] {0x89}, new int[] {0x8B},
                new int[] {0x8A}, new int[] {0x88}, new int[] {0xC6}, new int[] {0xC7}, new int[] {0x8D},
                new int[] {0x0F, 0xB6}, new int[] {0xE8}, new int[] {0xC3}, new int[] {0xEB}, new int[] {0xE9},
                new int[] {0x74}, new int[] {0x7C}, new int[] {0x7F}, new int[] {0x76}, new int[] {0x0F, 0x84},
                new int[] {0x0F, 0x8E}, new int[] {0x40}, new int[] {0x4C}, new int[] {0x53}, new int[] {0x5E},
                new int[] {0xB9});
    }

    @Property(tries = 1500)
    void fastFormsMatchGenericSemantics(@ForAll("fastForms") int[] op, @ForAll @Size(8) byte[] tail,
                                        @ForAll @Size(8) int[] regs, @ForAll int flags) {
        TestMachine a = machine(op, tail, regs, flags), b = machine(op, tail, regs, flags);
        b.cpu.fastPath = false;
        Trap ta = a.step(), tb = b.step();
        assertEquals(tb, ta, "trap");
        assertEquals(b.cpu.eip(), a.cpu.eip(), "eip");
        assertEquals(b.cpu.eflags(), a.cpu.eflags(), "eflags");
        for (int i = 0; i < 8; i++) assertEquals(b.cpu.reg(i), a.cpu.reg(i), "reg " + i);
        byte[] ma = new byte[0x100], mb = new byte[0x100];
        for (int base : new int[] {TestMachine.DATA, TestMachine.STACK - 0x80}) {
            a.ram.copyOut(base, ma, 0, ma.length);
            b.ram.copyOut(base, mb, 0, mb.length);
            assertArrayEquals(mb, ma, "memory at " + Integer.toHexString(base));
        }
    }

    private static TestMachine machine(int[] op, byte[] tail, int[] regs, int flags) {
        int[] code = new int[op.length + tail.length];
        for (int i = 0; i < op.length; i++) code[i] = op[i];
        for (int i = 0; i < tail.length; i++) code[op.length + i] = tail[i] & 0xFF;
        TestMachine m = new TestMachine().code(code);
        for (int i = 0; i < 8; i++) {
            // Keep most addresses inside RAM: registers point into the data area, or are small.
            m.cpu.setReg(i, i == Cpu.ESP ? TestMachine.STACK - 0x40 : (regs[i] & 1) == 0 ? TestMachine.DATA + (regs[i] & 0xFC) : regs[i]);
        }
        m.cpu.setEflags((flags & 0xCD5) | 0x202);
        return m;
    }

    /** Conditional jumps after CMP/SUB/TEST records (FastPath short-cuts them) match cond(). */
    @Property(tries = 1500)
    void conditionsAfterCompareMatch(@ForAll int x, @ForAll int y, @ForAll("ccs") int cc,
                                     @ForAll("setters") int setter, @ForAll boolean near) {
        // setter: cmp eax,ecx | sub eax,ecx | test eax,ecx | cmp eax,imm32 (= ECX value)
        int[] first = setter == 0 ? new int[] {0x39, 0xC8} : setter == 1 ? new int[] {0x29, 0xC8}
                : setter == 2 ? new int[] {0x85, 0xC8} : new int[] {0x3D, y & 0xFF, y >>> 8 & 0xFF, y >>> 16 & 0xFF, y >>> 24};
        int[] jcc = near ? new int[] {0x0F, 0x80 | cc, 0x10, 0, 0, 0} : new int[] {0x70 | cc, 0x10};
        int[] code = new int[first.length + jcc.length];
        System.arraycopy(first, 0, code, 0, first.length);
        System.arraycopy(jcc, 0, code, first.length, jcc.length);
        TestMachine a = new TestMachine().code(code), b = new TestMachine().code(code);
        b.cpu.fastPath = false;
        for (TestMachine m : new TestMachine[] {a, b}) {
            m.cpu.setReg(Cpu.EAX, x);
            m.cpu.setReg(Cpu.ECX, y);
            assertNull(m.step());
            assertNull(m.step());
        }
        assertEquals(b.cpu.eip(), a.cpu.eip(), "branch taken or not");
        assertEquals(b.cpu.eflags(), a.cpu.eflags());
    }

    @Provide
    Arbitrary<Integer> ccs() {
        return Arbitraries.integers().between(0, 15);
    }

    @Provide
    Arbitrary<Integer> setters() {
        return Arbitraries.integers().between(0, 3);
    }
}
