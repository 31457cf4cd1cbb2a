package dev.noreset.hw.cpu;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ALU results and flags, executed as real instructions, against the mathematical definitions
 * (long/BigInteger arithmetic and the SDM's one-bit-at-a-time shift/rotate loops).
 */
class AluPropertiesTest {
    private static final int CF = 1, PF = 4, AF = 0x10, ZF = 0x40, SF = 0x80, OF = 0x800;

    @Provide
    Arbitrary<Integer> edgy() {
        return Arbitraries.oneOf(Arbitraries.integers(),
                Arbitraries.of(0, 1, -1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x0F, 0x10));
    }

    /** Runs {@code code} with EAX=a, ECX=b and the given CF; returns the machine after one step. */
    private static TestMachine exec(int a, int b, boolean cf, int... code) {
        TestMachine m = new TestMachine().code(code);
        m.cpu.setReg(Cpu.EAX, a);
        m.cpu.setReg(Cpu.ECX, b);
        m.cpu.setReg(Cpu.EDX, 0x5A5A5A5A);
        m.cpu.setEflags(0x202 | (cf ? CF : 0));
        assertNull(m.step());
        return m;
    }

    private static int[] withSize(int size, int op8, int op, int... rest) {
        int[] out;
        if (size == 8) {
            out = new int[1 + rest.length];
            out[0] = op8;
            System.arraycopy(rest, 0, out, 1, rest.length);
        } else if (size == 16) {
            out = new int[2 + rest.length];
            out[0] = 0x66;
            out[1] = op;
            System.arraycopy(rest, 0, out, 2, rest.length);
        } else {
            out = new int[1 + rest.length];
            out[0] = op;
            System.arraycopy(rest, 0, out, 1, rest.length);
        }
        return out;
    }

    private static long mask(int n) {
        return n == 32 ? 0xFFFFFFFFL : (1L << n) - 1;
    }

    private static long signed(long v, int n) {
        return (v << (64 - n)) >> (64 - n);
    }

    private static int szp(long res, int n) {
        int f = 0;
        if ((res & mask(n)) == 0) f |= ZF;
        if ((res >>> (n - 1) & 1) != 0) f |= SF;
        if (Long.bitCount(res & 0xFF) % 2 == 0) f |= PF;
        return f;
    }

    @Property(tries = 3000)
    void addSubAdcSbbLogic(@ForAll @IntRange(min = 0, max = 7) int kind, @ForAll("edgy") int a,
                           @ForAll("edgy") int b, @ForAll boolean cf, @ForAll("sizes") int n) {
        TestMachine m = exec(a, b, cf, withSize(n, kind * 8, kind * 8 + 1, 0xC8));
        long ua = a & mask(n), ub = b & mask(n), sa = signed(ua, n), sb = signed(ub, n);
        int cin = cf ? 1 : 0;
        long res;
        boolean c, o, af;
        switch (kind) {
            case 0: res = ua + ub; c = res > mask(n); o = !fits(sa + sb, n); af = (ua & 15) + (ub & 15) > 15; break;
            case 2: res = ua + ub + cin; c = res > mask(n); o = !fits(sa + sb + cin, n); af = (ua & 15) + (ub & 15) + cin > 15; break;
            case 3: res = ua - ub - cin; c = ua < ub + cin; o = !fits(sa - sb - cin, n); af = (ua & 15) < (ub & 15) + cin; break;
            case 5: case 7: res = ua - ub; c = ua < ub; o = !fits(sa - sb, n); af = (ua & 15) < (ub & 15); break;
            case 1: res = ua | ub; c = o = af = false; break;
            case 4: res = ua & ub; c = o = af = false; break;
            default: res = ua ^ ub; c = o = af = false; break;
        }
        res &= mask(n);
        int want = szp(res, n) | (c ? CF : 0) | (o ? OF : 0) | (af ? AF : 0);
        assertEquals(want, m.cpu.eflags() & (CF | PF | AF | ZF | SF | OF), "flags");
        long got = m.cpu.reg(Cpu.EAX) & mask(n);
        assertEquals(kind == 7 ? ua : res, got, "result");
        assertEquals(a & ~mask(n) & 0xFFFFFFFFL, m.cpu.reg(Cpu.EAX) & ~mask(n) & 0xFFFFFFFFL, "upper bits preserved");
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.of(8, 16, 32);
    }

    private static boolean fits(long v, int n) {
        return v >= -(1L << (n - 1)) && v < (1L << (n - 1));
    }

    @Property(tries = 1000)
    void incDecNegKeepOrDefineCarry(@ForAll("edgy") int a, @ForAll boolean cf, @ForAll("sizes") int n,
                                    @ForAll @IntRange(min = 0, max = 2) int which) {
        // FE/FF /0 inc, /1 dec ; F6/F7 /3 neg — all on EAX
        int[] code = which == 0 ? withSize(n, 0xFE, 0xFF, 0xC0) : which == 1 ? withSize(n, 0xFE, 0xFF, 0xC8)
                : withSize(n, 0xF6, 0xF7, 0xD8);
        TestMachine m = exec(a, 0, cf, code);
        long ua = a & mask(n), sa = signed(ua, n);
        long res;
        boolean c, o, af;
        if (which == 0) { res = ua + 1; c = cf; o = !fits(sa + 1, n); af = (ua & 15) == 15; }
        else if (which == 1) { res = ua - 1; c = cf; o = !fits(sa - 1, n); af = (ua & 15) == 0; }
        else { res = -ua; c = ua != 0; o = !fits(-sa, n); af = (ua & 15) != 0; }
        res &= mask(n);
        assertEquals(res, m.cpu.reg(Cpu.EAX) & mask(n));
        int want = szp(res, n) | (c ? CF : 0) | (o ? OF : 0) | (af ? AF : 0);
        assertEquals(want, m.cpu.eflags() & (CF | PF | AF | ZF | SF | OF));
    }

    @Property(tries = 3000)
    void shiftsAndRotatesFollowTheSdmLoops(@ForAll @IntRange(min = 0, max = 7) int kind, @ForAll("edgy") int a,
                                           @ForAll @IntRange(min = 0, max = 40) int count, @ForAll boolean cf,
                                           @ForAll("sizes") int n) {
        TestMachine m = exec(a, count, cf, withSize(n, 0xD2, 0xD3, 0xC0 | kind << 3));
        int before = 0x202 | (cf ? CF : 0);
        long dest = a & mask(n);
        long orig = dest;
        int cnt = count & 0x1F;
        boolean c = cf, o = false;
        long msb = 1L << (n - 1);
        switch (kind) {
            case 0: { int t = n == 32 ? cnt : cnt % n;
                for (int i = 0; i < t; i++) { long top = (dest & msb) != 0 ? 1 : 0; dest = ((dest << 1) | top) & mask(n); }
                if (cnt != 0) { c = (dest & 1) != 0; o = ((dest & msb) != 0) ^ c; } break; }
            case 1: { int t = n == 32 ? cnt : cnt % n;
                for (int i = 0; i < t; i++) { long low = dest & 1; dest = (dest >>> 1) | (low != 0 ? msb : 0); }
                if (cnt != 0) { c = (dest & msb) != 0; o = c ^ ((dest & (msb >>> 1)) != 0); } break; }
            case 2: { int t = n == 32 ? cnt : cnt % (n + 1);
                for (int i = 0; i < t; i++) { boolean top = (dest & msb) != 0; dest = ((dest << 1) | (c ? 1 : 0)) & mask(n); c = top; }
                o = ((dest & msb) != 0) ^ c; break; }
            case 3: { int t = n == 32 ? cnt : cnt % (n + 1);
                o = ((dest & msb) != 0) ^ c;
                for (int i = 0; i < t; i++) { boolean low = (dest & 1) != 0; dest = (dest >>> 1) | (c ? msb : 0); c = low; }
                break; }
            case 4: case 6:
                for (int i = 0; i < cnt; i++) { c = (dest & msb) != 0; dest = (dest << 1) & mask(n); }
                o = ((dest & msb) != 0) ^ c; break;
            case 5:
                for (int i = 0; i < cnt; i++) { c = (dest & 1) != 0; dest >>>= 1; }
                o = (orig & msb) != 0; break;
            default: {
                long s = signed(dest, n);
                for (int i = 0; i < cnt; i++) { c = (s & 1) != 0; s >>= 1; }
                dest = s & mask(n); o = false; break; }
        }
        assertEquals(dest, m.cpu.reg(Cpu.EAX) & mask(n), "result");
        int f = m.cpu.eflags();
        if (cnt == 0) {
            assertEquals(before & 0xFFF, f & 0xFFF, "count 0 changes no flag");
            return;
        }
        assertEquals(c, (f & CF) != 0, "CF");
        if (cnt == 1) {
            assertEquals(o, (f & OF) != 0, "OF (defined for count 1)");
        }
        if (kind >= 4) {
            assertEquals(szp(dest, n), f & (SF | ZF | PF), "SF ZF PF");
        }
    }

    @Property(tries = 2000)
    void multiplyMatchesBigInteger(@ForAll("edgy") int a, @ForAll("edgy") int b, @ForAll("sizes") int n,
                                   @ForAll boolean signed) {
        TestMachine m = exec(a, b, false, withSize(n, 0xF6, 0xF7, signed ? 0xE9 : 0xE1));
        BigInteger x = signed ? BigInteger.valueOf(signed(a & mask(n), n)) : BigInteger.valueOf(a & mask(n));
        BigInteger y = signed ? BigInteger.valueOf(signed(b & mask(n), n)) : BigInteger.valueOf(b & mask(n));
        BigInteger p = x.multiply(y);
        long low = p.longValue() & mask(n);
        long high = p.shiftRight(n).longValue() & mask(n);
        boolean over = signed ? !fits(p.longValue(), n) : p.shiftRight(n).signum() != 0;
        if (n == 8) {
            assertEquals(p.longValue() & 0xFFFF, m.cpu.reg(Cpu.EAX) & 0xFFFF);
        } else {
            assertEquals(low, m.cpu.reg(Cpu.EAX) & mask(n));
            assertEquals(high, m.cpu.reg(Cpu.EDX) & mask(n));
        }
        assertEquals(over, (m.cpu.eflags() & CF) != 0, "CF");
        assertEquals(over, (m.cpu.eflags() & OF) != 0, "OF");
    }

    @Property(tries = 1000)
    void twoAndThreeOperandImulTruncate(@ForAll("edgy") int a, @ForAll("edgy") int b, @ForAll boolean word) {
        // imul eax, ecx (0F AF C1) in 16 or 32 bits
        int n = word ? 16 : 32;
        TestMachine m = exec(a, b, false, word ? new int[] {0x66, 0x0F, 0xAF, 0xC1} : new int[] {0x0F, 0xAF, 0xC1});
        long p = signed(a & mask(n), n) * signed(b & mask(n), n);
        assertEquals(p & mask(n), m.cpu.reg(Cpu.EAX) & mask(n));
        assertEquals(!fits(p, n), (m.cpu.eflags() & CF) != 0);
    }

    @Property(tries = 2000)
    void divideMatchesBigIntegerOrRaisesDe(@ForAll("edgy") int lo, @ForAll("edgy") int hi, @ForAll("edgy") int d,
                                           @ForAll("sizes") int n, @ForAll boolean signed) {
        TestMachine m = new TestMachine().code(withSize(n, 0xF6, 0xF7, signed ? 0xF9 : 0xF1));
        m.cpu.setReg(Cpu.EAX, lo);
        m.cpu.setReg(Cpu.EDX, hi);
        m.cpu.setReg(Cpu.ECX, d);
        BigInteger dividend;
        if (n == 8) {
            long v = lo & 0xFFFF;
            dividend = BigInteger.valueOf(signed ? (short) v : v);
        } else {
            BigInteger h = BigInteger.valueOf(hi & mask(n)), l = BigInteger.valueOf(lo & mask(n));
            dividend = h.shiftLeft(n).or(l);
            if (signed && h.testBit(n - 1)) dividend = dividend.subtract(BigInteger.ONE.shiftLeft(2 * n));
        }
        long dv = d & mask(n);
        BigInteger divisor = BigInteger.valueOf(signed ? signed(dv, n) : dv);
        Trap t = m.step();
        if (divisor.signum() == 0) {
            assertEquals(Trap.DE, t.vector());
            return;
        }
        BigInteger[] qr = dividend.divideAndRemainder(divisor); // truncates toward zero, like IDIV
        BigInteger q = qr[0];
        boolean overflow = signed ? q.compareTo(BigInteger.valueOf(-(1L << (n - 1)))) < 0
                || q.compareTo(BigInteger.valueOf((1L << (n - 1)) - 1)) > 0
                : q.compareTo(BigInteger.valueOf(mask(n))) > 0;
        if (overflow) {
            assertNotNull(t);
            assertEquals(Trap.DE, t.vector());
            assertEquals(lo, m.cpu.reg(Cpu.EAX), "EAX unchanged by the fault");
            assertEquals(hi, m.cpu.reg(Cpu.EDX));
            return;
        }
        assertNull(t);
        long qv = q.longValue() & mask(n), rv = qr[1].longValue() & mask(n);
        if (n == 8) {
            assertEquals(qv | rv << 8, m.cpu.reg(Cpu.EAX) & 0xFFFF);
        } else {
            assertEquals(qv, m.cpu.reg(Cpu.EAX) & mask(n));
            assertEquals(rv, m.cpu.reg(Cpu.EDX) & mask(n));
        }
    }
}
