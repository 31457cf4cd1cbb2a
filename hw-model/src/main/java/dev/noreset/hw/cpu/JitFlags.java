package dev.noreset.hw.cpu;

import static dev.noreset.hw.cpu.CpuCore.*;

/**
 * The lazy-flag functions over a record held in values (CpuCore's cf/of use them on its fields),
 * for compiled blocks: a block keeps the record of its last flag writer in JVM locals, and the
 * operation is a compile-time constant, so once the JVM inlines these the condition of a
 * CMP+Jcc pair is a single compare of the operands. Must give exactly CpuCore's answers for any
 * operation other than {@link CpuCore#F_NONE}.
 */
final class JitFlags {
    private JitFlags() { }

    private static int mask(int op) {
        int s = op & 3;
        return s == 2 ? -1 : s == 1 ? 0xFFFF : 0xFF;
    }

    private static int sign(int op) {
        int s = op & 3;
        return s == 2 ? 0x80000000 : s == 1 ? 0x8000 : 0x80;
    }

    static boolean cf(int op, int a, int b, int res, int cin) {
        int m = mask(op);
        switch (op & ~3) {
            case F_ADD: return Integer.compareUnsigned(res & m, a & m) < 0;
            case F_ADC: return cin != 0 ? Integer.compareUnsigned(res & m, a & m) <= 0
                    : Integer.compareUnsigned(res & m, a & m) < 0;
            case F_SUB: return Integer.compareUnsigned(a & m, b & m) < 0;
            case F_SBB: return cin != 0 ? Integer.compareUnsigned(a & m, b & m) <= 0
                    : Integer.compareUnsigned(a & m, b & m) < 0;
            case F_LOGIC: return false;
            default: return cin != 0; // INC, DEC keep CF
        }
    }

    static boolean zf(int op, int res) {
        return (res & mask(op)) == 0;
    }

    static boolean sf(int op, int res) {
        return (res & sign(op)) != 0;
    }

    static boolean of(int op, int a, int b, int res) {
        int sign = sign(op);
        switch (op & ~3) {
            case F_ADD: case F_ADC: case F_INC: return ((a ^ res) & (b ^ res) & sign) != 0;
            case F_SUB: case F_SBB: case F_DEC: return ((a ^ b) & (a ^ res) & sign) != 0;
            default: return false;
        }
    }

    /** Condition {@code cc} (0..15) of Jcc/SETcc/CMOVcc for the record (op, a, b, res, cin). */
    static boolean cond(int op, int cc, int a, int b, int res, int cin) {
        if (op == F_SUB + 2) {
            switch (cc) {
                case 2: return Integer.compareUnsigned(a, b) < 0;
                case 3: return Integer.compareUnsigned(a, b) >= 0;
                case 4: return a == b;
                case 5: return a != b;
                case 6: return Integer.compareUnsigned(a, b) <= 0;
                case 7: return Integer.compareUnsigned(a, b) > 0;
                case 0xC: return a < b;
                case 0xD: return a >= b;
                case 0xE: return a <= b;
                case 0xF: return a > b;
                default: break;
            }
        }
        boolean v;
        switch (cc >> 1) {
            case 0: v = of(op, a, b, res); break;
            case 1: v = cf(op, a, b, res, cin); break;
            case 2: v = zf(op, res); break;
            case 3: v = cf(op, a, b, res, cin) || zf(op, res); break;
            case 4: v = sf(op, res); break;
            case 5: v = parity(res); break;
            case 6: v = sf(op, res) != of(op, a, b, res); break;
            default: v = zf(op, res) || sf(op, res) != of(op, a, b, res); break;
        }
        return v ^ ((cc & 1) != 0);
    }

    /** Condition {@code cc} from materialised arithmetic flag bits (the record of a shift or multiply). */
    static boolean condBits(int cc, int f) {
        boolean v;
        switch (cc >> 1) {
            case 0: v = (f & OF) != 0; break;
            case 1: v = (f & CF) != 0; break;
            case 2: v = (f & ZF) != 0; break;
            case 3: v = (f & (CF | ZF)) != 0; break;
            case 4: v = (f & SF) != 0; break;
            case 5: v = (f & PF) != 0; break;
            case 6: v = ((f & SF) != 0) != ((f & OF) != 0); break;
            default: v = (f & ZF) != 0 || ((f & SF) != 0) != ((f & OF) != 0); break;
        }
        return v ^ ((cc & 1) != 0);
    }

    private static int szp32(int res) {
        return (res == 0 ? ZF : 0) | (res < 0 ? SF : 0) | (parity(res) ? PF : 0);
    }

    /**
     * Arithmetic flags of a 32-bit SHL/SAL (4, 6), SHR (5) or SAR (7) of {@code v} by {@code n}
     * (1..31), as {@code AluOps.shift} sets them (AF=0).
     */
    static int shiftFlags(int kind, int v, int n) {
        int res, cf;
        boolean of;
        switch (kind) {
            case 5:
                res = v >>> n;
                cf = v >>> (n - 1) & 1;
                of = n == 1 && v < 0;
                break;
            case 7:
                res = v >> n;
                cf = v >> (n - 1) & 1;
                of = false;
                break;
            default:
                res = v << n;
                cf = v >>> (32 - n) & 1;
                of = (res >>> 31 ^ cf) != 0;
                break;
        }
        return szp32(res) | cf | (of ? OF : 0);
    }

    /** Arithmetic flags of a 32-bit IMUL with full product {@code p}, as {@code AluOps.imul} sets them. */
    static int imulFlags(long p) {
        return szp32((int) p) | (p != (int) p ? CF | OF : 0);
    }
}
