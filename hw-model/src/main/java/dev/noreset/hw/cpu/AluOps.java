package dev.noreset.hw.cpu;

import static dev.noreset.hw.cpu.CpuCore.*;

/**
 * Arithmetic, logic, shift, rotate, multiply, divide and BCD semantics. Each takes operand values
 * and returns the result, setting flags on the CPU; none decodes or touches memory.
 *
 * <p>Flags the Intel SDM leaves undefined are produced as follows (and tested as such):
 * AND/OR/XOR/TEST: AF=0. Shifts: AF=0; OF by the count-1 formula for every non-zero count
 * (SHL: MSB(result) XOR CF, SHR: MSB of the value before the last one-bit shift, so 0 for counts
 * above 1, SAR: 0); CF for SHL/SHR counts beyond the width
 * is the bit shifted out of the zero-extended value (0). Rotates: OF by the count-1 formula for
 * every non-zero count. MUL/IMUL: SF, ZF, PF from the low half of the result, AF=0. DIV/IDIV: all
 * arithmetic flags unchanged. BT*: only CF changes. BSF/BSR: only ZF changes; the destination is
 * unchanged for a zero source. SHLD/SHRD: AF=0, OF = sign change; a 16-bit count above 16 shifts
 * through the pattern dst:src:dst. DAA/DAS: OF=0. AAA/AAS: OF, SF, ZF, PF from the resulting AL
 * (OF=0). AAM: CF=OF=AF=0. AAD: flags of the 8-bit addition AL + AH*imm.
 */
final class AluOps {
    private AluOps() { }

    /** The eight classic ALU operations (ModRM reg / opcode bits 3-5): ADD OR ADC SBB AND SUB XOR CMP. */
    static int alu(CpuCore c, int kind, int size, int a, int b) {
        int res;
        switch (kind) {
            case 0: res = a + b; c.lazy(F_ADD, size, a, b, res); break;
            case 1: res = a | b; c.lazy(F_LOGIC, size, a, b, res); break;
            case 2: {
                int cin = c.cf() ? 1 : 0;
                res = a + b + cin;
                c.fCin = cin;
                c.lazy(F_ADC, size, a, b, res);
                break;
            }
            case 3: {
                int cin = c.cf() ? 1 : 0;
                res = a - b - cin;
                c.fCin = cin;
                c.lazy(F_SBB, size, a, b, res);
                break;
            }
            case 4: res = a & b; c.lazy(F_LOGIC, size, a, b, res); break;
            case 6: res = a ^ b; c.lazy(F_LOGIC, size, a, b, res); break;
            default: res = a - b; c.lazy(F_SUB, size, a, b, res); break; // SUB, CMP
        }
        return res & MASK[size];
    }

    static int inc(CpuCore c, int size, int a) {
        int cin = c.cf() ? 1 : 0;
        int res = a + 1;
        c.fCin = cin;
        c.lazy(F_INC, size, a, 1, res);
        return res & MASK[size];
    }

    static int dec(CpuCore c, int size, int a) {
        int cin = c.cf() ? 1 : 0;
        int res = a - 1;
        c.fCin = cin;
        c.lazy(F_DEC, size, a, 1, res);
        return res & MASK[size];
    }

    static int neg(CpuCore c, int size, int a) {
        return alu(c, 5, size, 0, a);
    }

    /** ROL ROR RCL RCR SHL SHR SAL SAR by {@code kind} (ModRM reg); {@code count} is already masked to 5 bits. */
    static int shift(CpuCore c, int kind, int size, int val, int count) {
        if (count == 0) {
            return val & MASK[size];
        }
        int bits = 8 << size;
        int mask = MASK[size];
        int sign = SIGN[size];
        long v = (val & mask) & 0xFFFFFFFFL;
        int res;
        boolean cf, of;
        c.materialize();
        int f = c.fl;
        switch (kind) {
            case 0: { // ROL
                int n = count & (bits - 1);
                res = (int) (((v << n) | (v >>> (bits - n))) & mask);
                cf = (res & 1) != 0;
                of = ((res & sign) != 0) ^ cf;
                c.fl = (f & ~(CF | OF)) | (cf ? CF : 0) | (of ? OF : 0);
                return res;
            }
            case 1: { // ROR
                int n = count & (bits - 1);
                res = (int) (((v >>> n) | (v << (bits - n))) & mask);
                cf = (res & sign) != 0;
                of = cf ^ ((res & (sign >>> 1)) != 0);
                c.fl = (f & ~(CF | OF)) | (cf ? CF : 0) | (of ? OF : 0);
                return res;
            }
            case 2: { // RCL through a bits+1 wide ring
                int n = count % (bits + 1);
                long ring = v | ((f & CF) != 0 ? 1L << bits : 0);
                long widthMask = (1L << (bits + 1)) - 1;
                long rot = ((ring << n) | (ring >>> (bits + 1 - n))) & widthMask;
                res = (int) (rot & mask);
                cf = (rot >>> bits & 1) != 0;
                of = ((res & sign) != 0) ^ cf;
                c.fl = (f & ~(CF | OF)) | (cf ? CF : 0) | (of ? OF : 0);
                return res;
            }
            case 3: { // RCR
                int n = count % (bits + 1);
                long ring = v | ((f & CF) != 0 ? 1L << bits : 0);
                long widthMask = (1L << (bits + 1)) - 1;
                long rot = ((ring >>> n) | (ring << (bits + 1 - n))) & widthMask;
                res = (int) (rot & mask);
                cf = (rot >>> bits & 1) != 0;
                of = ((res & sign) != 0) ^ ((res & (sign >>> 1)) != 0);
                c.fl = (f & ~(CF | OF)) | (cf ? CF : 0) | (of ? OF : 0);
                return res;
            }
            case 4: case 6: { // SHL/SAL
                long w = v << count;
                res = (int) (w & mask);
                cf = (w >>> bits & 1) != 0;
                of = ((res & sign) != 0) ^ cf;
                break;
            }
            case 5: { // SHR: OF is the sign of the value before the last one-bit shift
                cf = (v >>> (count - 1) & 1) != 0;
                res = (int) (v >>> count);
                of = count == 1 && (v & sign) != 0;
                break;
            }
            default: { // SAR
                long sv = sext(val, size);
                cf = (sv >> Math.min(count - 1, 63) & 1) != 0;
                res = (int) (sv >> count) & mask;
                of = false;
                break;
            }
        }
        c.fl = (f & ~ARITH) | szp(res, size) | (cf ? CF : 0) | (of ? OF : 0);
        return res;
    }

    /** SHLD ({@code left}) / SHRD: shifts {@code dst}, filling from {@code src}; count masked to 5 bits. */
    static int shiftDouble(CpuCore c, boolean left, int size, int dst, int src, int count) {
        if (count == 0) {
            return dst & MASK[size];
        }
        int mask = MASK[size];
        int sign = SIGN[size];
        int res;
        boolean cf;
        if (size == 2) {
            long pair = left ? ((dst & 0xFFFFFFFFL) << 32) | (src & 0xFFFFFFFFL)
                    : ((src & 0xFFFFFFFFL) << 32) | (dst & 0xFFFFFFFFL);
            if (left) {
                res = (int) ((pair << count) >>> 32);
                cf = (pair >>> (64 - count) & 1) != 0;
            } else {
                res = (int) (pair >>> count);
                cf = (pair >>> (count - 1) & 1) != 0;
            }
        } else {
            long d16 = dst & 0xFFFFL, s16 = src & 0xFFFFL;
            if (left) {
                long pat = (d16 << 32) | (s16 << 16) | d16; // dst:src:dst
                res = (int) ((pat << count) >>> 32) & mask;
                cf = (pat >>> (48 - count) & 1) != 0;
            } else {
                long pat = (d16 << 32) | (s16 << 16) | d16; // read from the right: dst:src:dst
                res = (int) (pat >>> count) & mask;
                cf = (pat >>> (count - 1) & 1) != 0;
            }
        }
        boolean of = ((res ^ dst) & sign) != 0;
        c.materialize();
        c.fl = (c.fl & ~ARITH) | szp(res, size) | (cf ? CF : 0) | (of ? OF : 0);
        return res;
    }

    /** Unsigned MUL of the accumulator by {@code src}; returns the double-width product as a long. */
    static long mul(CpuCore c, int size, int acc, int src) {
        long p = ((acc & MASK[size]) & 0xFFFFFFFFL) * ((src & MASK[size]) & 0xFFFFFFFFL);
        boolean high = (p >>> (8 << size)) != 0;
        setMulFlags(c, size, (int) p, high);
        return p;
    }

    /** Signed IMUL; returns the full product; CF=OF when it does not fit the operand size. */
    static long imul(CpuCore c, int size, int a, int b) {
        long p = (long) sext(a, size) * (long) sext(b, size);
        boolean over = p != sext((int) p, size);
        setMulFlags(c, size, (int) p, over);
        return p;
    }

    private static void setMulFlags(CpuCore c, int size, int low, boolean over) {
        c.materialize();
        c.fl = (c.fl & ~ARITH) | szp(low, size) | (over ? CF | OF : 0);
    }

    static void daa(CpuCore c) {
        c.materialize();
        int al = c.r[EAX] & 0xFF, old = al;
        boolean oldCf = (c.fl & CF) != 0, cf = false, af;
        if ((al & 0xF) > 9 || (c.fl & AF) != 0) {
            al += 6;
            cf = oldCf || al > 0xFF;
            af = true;
        } else {
            af = false;
        }
        if (old > 0x99 || oldCf) {
            al += 0x60;
            cf = true;
        } else {
            cf = false;
        }
        al &= 0xFF;
        c.setReg8(0, al);
        c.fl = (c.fl & ~ARITH) | szp(al, 0) | (cf ? CF : 0) | (af ? AF : 0);
    }

    static void das(CpuCore c) {
        c.materialize();
        int al = c.r[EAX] & 0xFF, old = al;
        boolean oldCf = (c.fl & CF) != 0, cf = false, af;
        if ((al & 0xF) > 9 || (c.fl & AF) != 0) {
            cf = oldCf || al < 6;
            al -= 6;
            af = true;
        } else {
            af = false;
        }
        if (old > 0x99 || oldCf) {
            al -= 0x60;
            cf = true;
        }
        al &= 0xFF;
        c.setReg8(0, al);
        c.fl = (c.fl & ~ARITH) | szp(al, 0) | (cf ? CF : 0) | (af ? AF : 0);
    }

    /** AAA ({@code add}) and AAS. */
    static void aaa(CpuCore c, boolean add) {
        c.materialize();
        int ax = c.r[EAX] & 0xFFFF;
        boolean adj = (ax & 0xF) > 9 || (c.fl & AF) != 0;
        if (adj) {
            ax = add ? ax + 0x106 : ax - 6 - 0x100;
        }
        ax &= 0xFF0F;
        c.r[EAX] = (c.r[EAX] & 0xFFFF0000) | ax;
        c.fl = (c.fl & ~ARITH) | szp(ax, 0) | (adj ? CF | AF : 0);
    }

    /** AAM; the caller raises #DE for a zero base. */
    static void aam(CpuCore c, int imm) {
        int al = c.r[EAX] & 0xFF;
        int ah = al / imm;
        al = al % imm;
        c.r[EAX] = (c.r[EAX] & 0xFFFF0000) | (ah << 8) | al;
        c.materialize();
        c.fl = (c.fl & ~ARITH) | szp(al, 0);
    }

    static void aad(CpuCore c, int imm) {
        int al = c.r[EAX] & 0xFF, ah = (c.r[EAX] >>> 8) & 0xFF;
        int res = alu(c, 0, 0, al, (ah * imm) & 0xFF);
        c.r[EAX] = (c.r[EAX] & 0xFFFF0000) | res;
    }
}
