package dev.noreset.hw.cpu;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every Jcc condition right after a 32-bit CMP, SUB, TEST, AND or XOR in a compiled block (where
 * most conditions are one comparison of the operands or the result) against the interpreter, on
 * operand pairs at the edges: equal, off by one, sign boundaries, zero. Random loop bodies rarely
 * hit equality or the sign boundary exactly, so these are listed.
 */
class BlockConditionTest {
    private static final int[] EDGES = {0, 1, -1, 2, 0x7FFFFFFF, 0x80000000, 0x80000001};
    private static final int[][] OPS = {{0x39, 0xD8}, {0x29, 0xD8}, {0x85, 0xD8}, {0x21, 0xD8}, {0x31, 0xD8}};
    private static final int TABLE = 0x40000, COPIES = 3;

    @Test
    void conditionsAfterCompareAndLogicMatchTheInterpreter() {
        int pairs = EDGES.length * EDGES.length * COPIES;
        for (int[] op : OPS) {
            for (int cc = 0; cc < 16; cc++) {
                byte[] code = program(op, cc, TABLE + 12 * pairs);
                TestMachine a = machine(code), b = machine(code);
                b.cpu.jit = false;
                Trap ta = a.run(1_000_000), tb = b.run(1_000_000);
                String what = String.format("op %02x, cc %x", op[0], cc);
                assertEquals(tb, ta, what);
                assertEquals(Trap.Kind.SOFTWARE_INTERRUPT, ta.kind(), what + ": ends at the INT3");
                assertEquals(b.cpu.reg(Cpu.ECX), a.cpu.reg(Cpu.ECX), what);
                assertEquals(b.cpu.eflags(), a.cpu.eflags(), what);
                for (int p = 0; p < pairs; p++) {
                    assertEquals(b.ram.read32(TABLE + 12 * p + 8), a.ram.read32(TABLE + 12 * p + 8),
                            what + ", pair " + p % (EDGES.length * EDGES.length));
                }
                assertTrue(a.cpu.jitStats()[0] > 0, what + ": compiled");
                assertNull(a.cpu.compilerErrorForTests(), what);
            }
        }
    }

    private static TestMachine machine(byte[] code) {
        TestMachine m = new TestMachine();
        m.code(toInts(code));
        for (int c = 0, p = 0; c < COPIES; c++) {
            for (int x : EDGES) {
                for (int y : EDGES) {
                    m.ram.write32(TABLE + 12 * p, x);
                    m.ram.write32(TABLE + 12 * p + 4, y);
                    p++;
                }
            }
        }
        return m;
    }

    /**
     * mov esi, TABLE / xor ecx, ecx / top: mov eax, [esi] / mov ebx, [esi+4] / op eax, ebx /
     * jcc +1 / inc ecx / mov [esi+8], ecx / add esi, 12 / cmp esi, end / jne top / int3.
     */
    private static byte[] program(int[] op, int cc, int end) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        emit(o, 0xBE);
        le(o, TABLE);
        emit(o, 0x31, 0xC9);
        int top = o.size();
        emit(o, 0x8B, 0x06, 0x8B, 0x5E, 0x04, op[0], op[1], 0x70 | cc, 0x01, 0x41, 0x89, 0x4E, 0x08, 0x83, 0xC6, 0x0C,
                0x81, 0xFE);
        le(o, end);
        emit(o, 0x75, (top - (o.size() + 2)) & 0xFF, 0xCC);
        return o.toByteArray();
    }

    private static int[] toInts(byte[] b) {
        int[] r = new int[b.length];
        for (int i = 0; i < b.length; i++) r[i] = b[i] & 0xFF;
        return r;
    }

    private static void emit(ByteArrayOutputStream o, int... bytes) {
        for (int b : bytes) o.write(b);
    }

    private static void le(ByteArrayOutputStream o, int v) {
        emit(o, v & 0xFF, v >>> 8 & 0xFF, v >>> 16 & 0xFF, v >>> 24 & 0xFF);
    }
}
