package dev.noreset.hw.cpu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns hot entry points of cached code pages into {@link Block}s: the instructions from the
 * entry along the likely path ({@link #continuation}) up to a return, an indirect branch, INT n,
 * an instruction a block cannot hold or the length limit become one JVM method ({@link BlockEmitter}), defined as a hidden class so it is unloaded once its page is
 * dropped. Blocks hold no absolute addresses (everything is relative to EIP at entry), so a
 * physical page mapped at several linear addresses shares its blocks safely.
 */
final class BlockCompiler {
    /** Roles of an instruction in a block. */
    static final int STOP = 0, STRAIGHT = 1, END = 2;
    /** Longest block: keeps the method well below the JVM's limit for compiling it. */
    static final int MAX_INSNS = 32;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType CTOR = MethodType.methodType(void.class, int.class, Insn[].class);

    /** Blocks compiled and entry points found not compilable, for tests and statistics. */
    long compiled, rejected;

    /**
     * The role of a decoded instruction: STRAIGHT (may sit inside a block; never returns a
     * Trap, changes no mode, segment, IF or TF), END (a near branch, call or return that ends
     * a block, or INT3 / INT n, whose trap the block hands over) or STOP (executed by the
     * interpreter only).
     */
    static int role(Insn d) {
        int op = d.op;
        if (op < 0x40) {
            return (op & 7) < 6 ? STRAIGHT : STOP;
        }
        if (op < 0x60) {
            return STRAIGHT; // INC, DEC, PUSH, POP of registers
        }
        if (op >= 0x70 && op <= 0x7F || op >= 0x180 && op <= 0x18F) {
            return END;
        }
        if (op >= 0x80 && op <= 0x8B || op >= 0x90 && op <= 0x99 || op >= 0xB0 && op <= 0xBF) {
            return STRAIGHT;
        }
        if (op >= 0x140 && op <= 0x14F || op >= 0x190 && op <= 0x19F || op >= 0x1C8 && op <= 0x1CF) {
            return STRAIGHT;
        }
        switch (op) {
            case 0x68: case 0x69: case 0x6A: case 0x6B: case 0x8D: case 0xA0: case 0xA1: case 0xA2: case 0xA3:
            case 0xA8: case 0xA9: case 0xC0: case 0xC1: case 0xC6: case 0xC7: case 0xC9:
            case 0xD0: case 0xD1: case 0xD2: case 0xD3: case 0xF6: case 0xF7: case 0xFE:
            case 0x1A3: case 0x1A4: case 0x1A5: case 0x1AB: case 0x1AC: case 0x1AD: case 0x1AF: case 0x1B0:
            case 0x1B1: case 0x1B3: case 0x1B6: case 0x1B7: case 0x1BA: case 0x1BB: case 0x1BC: case 0x1BD:
            case 0x1BE: case 0x1BF: case 0x1C0: case 0x1C1:
                return STRAIGHT;
            case 0xC2: case 0xC3: case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE8: case 0xE9: case 0xEB:
                return END;
            case 0xCC: case 0xCD:
                return END; // INT3 / INT n: the block ends with the trap (Cpu.blockTrap)
            case 0xFF:
                if (d.reg == 2 || d.reg == 4) return END;
                return d.reg < 2 || d.reg == 6 ? STRAIGHT : STOP;
            default:
                return STOP;
        }
    }

    /**
     * Compiles the block entered at offset {@code off} of a page's instruction table, or
     * returns {@link Block#NONE} if its first instruction cannot be compiled.
     */
    Block compile(Insn[] table, int off) {
        List<Insn> list = new ArrayList<>();
        List<Integer> deltas = new ArrayList<>();
        int o = off;
        while (o < 0x1000 && list.size() < MAX_INSNS) {
            Insn d = table[o];
            if (d == null) {
                break;
            }
            int role = role(d);
            if (role == STOP) {
                break;
            }
            list.add(d);
            deltas.add(o - off);
            if (role == END) {
                int next = continuation(d, o, off, deltas);
                if (next < 0) {
                    break;
                }
                o = next;
                continue;
            }
            o += d.len;
        }
        if (list.isEmpty()) {
            rejected++;
            return Block.NONE;
        }
        Insn[] insns = list.toArray(new Insn[0]);
        int[] delta = new int[insns.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = deltas.get(i);
        }
        Insn last = insns[insns.length - 1];
        byte[] bytes = new BlockEmitter(insns, delta, delta[delta.length - 1] + last.len).emit();
        try {
            Class<?> k = LOOKUP.defineHiddenClass(bytes, true).lookupClass();
            Block b = (Block) LOOKUP.findConstructor(k, CTOR).invoke(insns.length, insns);
            compiled++;
            return b;
        } catch (Throwable e) {
            // A block the JVM rejects is a compiler bug; the interpreter still runs the code.
            rejected++;
            lastError = e;
            return Block.NONE;
        }
    }

    /**
     * Where a block goes on after the branch {@code d} at page offset {@code o}, or -1 if it ends
     * there. A block follows direct jumps and calls, and conditional branches on their likely
     * side (backward ones taken, forward ones not: loops and gcc's layout), leaving at the other
     * side; it stops at targets outside the page, at its own entry (the loop edge) and at code
     * it already holds.
     */
    static int continuation(Insn d, int o, int entry, List<Integer> deltas) {
        if (!d.o32 || d.lock || d.rep != 0) {
            return -1;
        }
        int op = d.op, fall = o + d.len, target;
        if (op == 0xE8 || op == 0xE9) {
            target = fall + d.imm;
        } else if (op == 0xEB) {
            target = fall + (byte) d.imm;
        } else if (op >= 0x70 && op <= 0x7F) {
            target = fall + (byte) d.imm;
            target = target <= o ? target : fall;
        } else if (op >= 0x180 && op <= 0x18F) {
            target = fall + d.imm;
            target = target <= o ? target : fall;
        } else {
            return -1;
        }
        if (target < 0 || target >= 0x1000 || target == entry || deltas.contains(target - entry)) {
            return -1;
        }
        return target;
    }

    /** The last reason the JVM refused a generated block, for tests; null if none. */
    Throwable lastError;
}
