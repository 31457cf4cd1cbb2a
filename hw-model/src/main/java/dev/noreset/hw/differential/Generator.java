package dev.noreset.hw.differential;

import dev.noreset.hw.differential.InsnTable.Spec;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random single-instruction vectors from {@link InsnTable}: random prefixes (0x66, 0x67, segment
 * overrides, LOCK, REP), ModRM/SIB forms and immediates, random registers and flags. Every
 * address the instruction can touch is steered to where both sides agree on the mapping (the data
 * pages, their unmapped neighbours, a known hole, or below 64 KiB); a vector whose addresses
 * cannot be steered is dropped and drawn again. Deterministic for a given seed.
 */
public final class Generator {
    private static final int ESP = 4, EBP = 5, ESI = 6, EDI = 7, EBX = 3, ECX = 1, EAX = 0;

    private final SplittableRandom rnd;
    private final List<Spec> specs = InsnTable.specs();
    private final int[] cumulative = new int[specs.size()];
    private final int totalWeight;

    public Generator(long seed) {
        rnd = new SplittableRandom(seed);
        int t = 0;
        for (int i = 0; i < specs.size(); i++) {
            t += specs.get(i).weight();
            cumulative[i] = t;
        }
        totalWeight = t;
    }

    public TestVector next() {
        while (true) {
            TestVector v = attempt();
            if (v != null) {
                return v;
            }
        }
    }

    public List<TestVector> next(int n) {
        List<TestVector> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    private Spec pick() {
        int w = rnd.nextInt(totalWeight);
        for (int i = 0; i < cumulative.length; i++) {
            if (w < cumulative[i]) {
                return specs.get(i);
            }
        }
        return specs.get(specs.size() - 1);
    }

    /** The memory operand as encoded: registers (-1 none), scale shift and where the displacement sits. */
    private static final class Mem {
        int base = -1, index = -1, scale, disp, dispAt = -1, dispSize;
    }

    private TestVector attempt() {
        Spec s = pick();
        boolean string = s.has('S');
        boolean o16 = !s.has('N') && rnd.nextInt(100) < (s.width() == 'v' ? 25 : 3);
        boolean usesAddress = s.modrm() != InsnTable.NO_MODRM || string || s.has('X') || s.imm().equals("o")
                || s.name().startsWith("LOOP") || s.name().equals("JECXZ");
        boolean a16 = rnd.nextInt(100) < (usesAddress ? 12 : 2);
        int width = switch (s.width()) {
            case 'b' -> 8;
            case 'w' -> 16;
            case 'd' -> 32;
            default -> o16 ? 16 : 32;
        };
        int[] regs = new int[8];
        for (int i = 0; i < 8; i++) {
            regs[i] = randomValue();
        }
        int eflags = rnd.nextInt() & 0x0CD5;

        int mod = -1, reg = 0, rm = 0;
        if (s.modrm() != InsnTable.NO_MODRM) {
            reg = s.modrm() >= 0 ? s.modrm() : rnd.nextInt(8);
            mod = s.memMode() == 'R' ? 3 : s.memMode() == 'M' ? rnd.nextInt(3) : rnd.nextInt(10) < 4 ? 3 : rnd.nextInt(3);
            rm = rnd.nextInt(8);
        }
        boolean memOperand = mod >= 0 && mod != 3;

        List<Integer> prefixes = new ArrayList<>();
        if (o16) {
            prefixes.add(0x66);
        }
        if (a16) {
            prefixes.add(0x67);
        }
        if (rnd.nextInt(100) < 6) {
            prefixes.add(new int[] {0x26, 0x36, 0x3E}[rnd.nextInt(3)]);
        }
        boolean rep = false;
        if (string && rnd.nextInt(2) == 0) {
            rep = true;
            boolean cmp = s.name().startsWith("CMPS") || s.name().startsWith("SCAS");
            prefixes.add(cmp && rnd.nextInt(2) == 0 ? 0xF2 : 0xF3);
        }
        boolean lock = (s.has('L') && memOperand && rnd.nextInt(100) < 40) || rnd.nextInt(200) == 0;
        if (lock) {
            prefixes.add(0xF0);
        }
        for (int i = prefixes.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            prefixes.set(i, prefixes.set(j, prefixes.get(i)));
        }

        ByteArrayOutputStream code = new ByteArrayOutputStream();
        prefixes.forEach(code::write);
        int[] op = s.opcode();
        for (int i = 0; i < op.length; i++) {
            int b = op[i];
            if (i == op.length - 1 && s.plus() > 0) {
                b += rnd.nextInt(s.plus());
            }
            code.write(b);
        }
        Mem m = null;
        if (mod >= 0) {
            m = modrm(code, mod, reg, rm, a16);
        }
        int ruleArg = 0;
        String imm = s.imm();
        int immAt = code.size();
        switch (imm) {
            case "b" -> code.write(immediateByte(s));
            case "w" -> writeLe(code, rnd.nextInt(), 2);
            case "z" -> writeLe(code, randomValue(), o16 ? 2 : 4);
            case "wb" -> {
                writeLe(code, rnd.nextInt(4) == 0 ? rnd.nextInt(0x10000) : rnd.nextInt(64), 2);
                code.write(rnd.nextInt(5) == 0 ? rnd.nextInt(256) : rnd.nextInt(4));
            }
            case "o" -> writeLe(code, a16 ? rnd.nextInt(0x10000) : dataAddress(width / 8), a16 ? 2 : 4);
            default -> { }
        }
        byte[] bytes = code.toByteArray();
        if (bytes.length > 15) {
            return null;
        }

        // Implicit addresses.
        regs[ESP] = stackAddress();
        if (string) {
            regs[ESI] = dataAddress(4);
            regs[EDI] = dataAddress(4);
            if (rep) {
                int r = rnd.nextInt(100);
                regs[ECX] = r < 70 ? rnd.nextInt(24) : r < 85 ? (regs[ECX] & 0xFFFF0000) | rnd.nextInt(24)
                        : r < 97 ? rnd.nextInt(300) : rnd.nextInt(0x2400);
            }
        }
        if (s.has('X')) {
            regs[EBX] = dataAddress(1) - (regs[EAX] & 0xFF);
        }
        if (s.has('E')) {
            regs[EBP] = dataAddress(4);
        }
        if (s.has('C')) {
            ruleArg = shiftCount(s, bytes, immAt, regs, width);
        }
        if (s.has('T') && memOperand) {
            regs[reg] = rnd.nextInt(1152) - 128;
        }
        int accessSize = s.has('8') ? 8 : s.has('B') ? 2 * width / 8 : Math.max(1, width / 8);
        if (memOperand && !a16) {
            steer(m, bytes, regs, accessSize);
            long ea = ea(m, regs, bytes);
            if (s.has('T')) {
                int bits = width == 16 ? (short) regs[reg] : regs[reg];
                ea += (bits >> (width == 16 ? 4 : 5)) * (width / 8);
            }
            if (!Layout.safeRange((int) ea - 64, 128 + accessSize)) {
                return null;
            }
            // A locked access that crosses a cache line (even one that then page-faults) makes the
            // host kernel's split-lock detection trap and throttle the runner for 10 ms to seconds,
            // so locked operands stay within a 64-byte line; unlocked ones still cross lines and pages.
            boolean locked = lock && s.has('L') || s.name().startsWith("XCHG E");
            if (locked && (ea & 63) + accessSize > 64) {
                return null;
            }
        }
        if (s.has('C') && !s.imm().equals("b") && !s.name().endsWith(",1")) {
            ruleArg = regs[ECX] & 31; // steering may have moved ECX
        }
        // SHLD/SHRD: a count above the operand size leaves result and flags undefined; not generated.
        if (ruleArg < 0 || (s.rule() == FlagRule.DOUBLE_SHIFT && width == 16 && ruleArg > 16)) {
            return null;
        }
        if (!Layout.safeRange(regs[ESP] - 64, 128)
                || (string && !a16 && !(Layout.safeRange(regs[ESI] - 16, 32) && Layout.safeRange(regs[EDI] - 16, 32)))
                || (s.has('E') && !Layout.safeRange(regs[EBP] - 16, 32))
                || (s.has('X') && !a16 && !Layout.safeRange(regs[EBX] + (regs[EAX] & 0xFF) - 16, 32))) {
            return null;
        }

        int off;
        byte[] placed = bytes;
        int r = rnd.nextInt(100);
        if (r < 88 || (rep && r < 95)) {
            // A REP instruction ends at the INT3 after it on the host, so leave room for that byte.
            off = rnd.nextInt(Layout.PAGE - bytes.length + (rep ? 0 : 1));
        } else if (r < 95 || bytes.length == 1) {
            off = Layout.PAGE - bytes.length;
        } else {
            int keep = 1 + rnd.nextInt(bytes.length - 1);
            off = Layout.PAGE - keep;
            placed = java.util.Arrays.copyOf(bytes, keep);
        }
        String name = (o16 ? "o16 " : "") + (a16 ? "a16 " : "") + s.name();
        return new TestVector(rep, off, placed, regs, eflags, rnd.nextInt(), name, s.rule(), ruleArg, width,
                s.has('D') ? reg : -1);
    }

    private Mem modrm(ByteArrayOutputStream code, int mod, int reg, int rm, boolean a16) {
        Mem m = new Mem();
        code.write(mod << 6 | reg << 3 | rm);
        if (mod == 3) {
            return m;
        }
        if (a16) {
            if (mod == 0 && rm == 6) {
                m.dispSize = 2;
            } else {
                m.dispSize = mod == 1 ? 1 : mod == 2 ? 2 : 0;
            }
        } else {
            if (rm == 4) {
                int scale = rnd.nextInt(4), index = rnd.nextInt(8), base = rnd.nextInt(8);
                code.write(scale << 6 | index << 3 | base);
                m.scale = scale;
                m.index = index == 4 ? -1 : index;
                m.base = base == 5 && mod == 0 ? -1 : base;
                if (base == 5 && mod == 0) {
                    m.dispSize = 4;
                }
            } else if (mod == 0 && rm == 5) {
                m.dispSize = 4;
            } else {
                m.base = rm;
            }
            if (mod == 1) {
                m.dispSize = 1;
            } else if (mod == 2) {
                m.dispSize = 4;
            }
        }
        m.dispAt = code.size();
        int disp = rnd.nextInt();
        if (m.dispSize == 1 || (m.dispSize == 4 && rnd.nextInt(3) == 0)) {
            disp = rnd.nextInt(256) - 128;
        }
        writeLe(code, disp, m.dispSize);
        m.disp = m.dispSize == 0 ? 0 : m.dispSize == 1 ? (byte) disp : m.dispSize == 2 ? (short) disp : disp;
        return m;
    }

    /** Changes a base/index register (or a 32-bit displacement) so the operand lands on a chosen address. */
    private void steer(Mem m, byte[] bytes, int[] regs, int size) {
        int target = dataAddress(size);
        int delta = target - (int) ea(m, regs, bytes);
        boolean patchDisp = m.dispSize == 4 && (rnd.nextInt(2) == 0 || (m.base < 0 && m.index < 0));
        if (patchDisp) {
            int d = m.disp + delta;
            for (int i = 0; i < 4; i++) {
                bytes[m.dispAt + i] = (byte) (d >>> (8 * i));
            }
            m.disp = d;
        } else if (m.base >= 0 && m.base != m.index) {
            regs[m.base] += delta;
        } else if (m.base >= 0) {
            int c = 1 + (1 << m.scale);
            if ((c & 1) == 1) {
                regs[m.base] += delta * inverse(c);
            } else {
                regs[m.base] += (delta & ~1) >> 1;
            }
        } else if (m.index >= 0) {
            regs[m.index] += (delta & ~((1 << m.scale) - 1)) >> m.scale;
        }
    }

    private static long ea(Mem m, int[] regs, byte[] bytes) {
        int ea = m.disp;
        if (m.base >= 0) {
            ea += regs[m.base];
        }
        if (m.index >= 0) {
            ea += regs[m.index] << m.scale;
        }
        return Integer.toUnsignedLong(ea);
    }

    /** Multiplicative inverse of an odd number modulo 2^32 (Newton iteration). */
    private static int inverse(int c) {
        int x = c;
        for (int i = 0; i < 5; i++) {
            x *= 2 - c * x;
        }
        return x;
    }

    private int shiftCount(Spec s, byte[] bytes, int immAt, int[] regs, int width) {
        int count;
        if (s.imm().equals("b")) {
            count = bytes[immAt] & 0xFF;
        } else if (s.name().endsWith(",1")) {
            return 1;
        } else {
            int c = rnd.nextInt(3) == 0 ? rnd.nextInt(256) : rnd.nextInt(34);
            regs[ECX] = (regs[ECX] & ~0xFF) | c;
            count = c;
        }
        return count & 31;
    }

    private int immediateByte(Spec s) {
        if (s.has('I')) {
            int n = rnd.nextInt(256);
            return n == 0x80 ? 0x81 : n;
        }
        if (s.has('C')) {
            return rnd.nextInt(3) == 0 ? rnd.nextInt(256) : rnd.nextInt(34);
        }
        return rnd.nextInt(256);
    }

    private int randomValue() {
        int r = rnd.nextInt(100);
        if (r < 55) {
            return rnd.nextInt();
        }
        if (r < 75) {
            return rnd.nextInt(256);
        }
        if (r < 85) {
            return rnd.nextInt(0x10000) - 0x8000;
        }
        int[] special = {0, -1, 1, 0x80000000, 0x7FFFFFFF, 0xFFFF, 0x8000, 0x80, 0x7F, 0xFF, 0x10000, 0x7FFF};
        return special[rnd.nextInt(special.length)];
    }

    /** An address for a {@code size}-byte access: mostly mapped data, sometimes a boundary or unmapped. */
    private int dataAddress(int size) {
        int r = rnd.nextInt(100);
        if (r < 62) {
            return Layout.DATA_BASE + rnd.nextInt(Layout.RW_PAGES * Layout.PAGE - size + 1);
        }
        if (r < 72) {
            return Layout.RO_BASE + rnd.nextInt(Layout.PAGE - size + 1);
        }
        if (r < 87) {
            int[] edges = {Layout.DATA_BASE, Layout.DATA_BASE + Layout.PAGE, Layout.RO_BASE, Layout.DATA_END};
            return edges[rnd.nextInt(edges.length)] + rnd.nextInt(17) - 8;
        }
        if (r < 95) {
            return Layout.HOLE_BASE + rnd.nextInt(Layout.HOLE_SIZE - 16);
        }
        return 0x1000 + rnd.nextInt(0xF000 - 16);
    }

    private int stackAddress() {
        int r = rnd.nextInt(100);
        if (r < 85) {
            int a = Layout.DATA_BASE + 64 + rnd.nextInt(Layout.RW_PAGES * Layout.PAGE - 128);
            return rnd.nextInt(5) == 0 ? a : a & ~3;
        }
        if (r < 95) {
            int[] edges = {Layout.DATA_BASE, Layout.DATA_BASE + Layout.PAGE, Layout.RO_BASE, Layout.DATA_END};
            return edges[rnd.nextInt(edges.length)] + rnd.nextInt(17) - 8;
        }
        return Layout.HOLE_BASE + rnd.nextInt(Layout.HOLE_SIZE - 64) + 32;
    }

    private static void writeLe(ByteArrayOutputStream out, int v, int n) {
        for (int i = 0; i < n; i++) {
            out.write(v >>> (8 * i));
        }
    }
}
