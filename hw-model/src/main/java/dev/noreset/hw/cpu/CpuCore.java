package dev.noreset.hw.cpu;

import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;

/**
 * The architectural state of the CPU and the primitives every instruction uses: register access
 * by operand size, the lazy flags, segment-checked memory access through the MMU, and the stack.
 * Semantics in the *Ops classes use only these primitives; they never decode and never touch RAM
 * except through here.
 *
 * <p>Lazy flags: arithmetic instructions record (operation, size, operands, result); CF, PF, AF,
 * ZF, SF and OF are computed from that record only when read (one place: {@link #cf()} ...).
 * Instructions that set flags in other ways materialise them into {@code fl} first.
 */
abstract class CpuCore {
    static final int EAX = 0, ECX = 1, EDX = 2, EBX = 3, ESP = 4, EBP = 5, ESI = 6, EDI = 7;
    static final int ES = 0, CS = 1, SS = 2, DS = 3, FS = 4, GS = 5;

    static final int CF = 1, PF = 4, AF = 0x10, ZF = 0x40, SF = 0x80, TF = 0x100, IF = 0x200, DF = 0x400,
            OF = 0x800, IOPL = 0x3000, NT = 0x4000, RF = 0x10000, VM = 0x20000, AC = 0x40000, ID = 0x200000;
    static final int ARITH = CF | PF | AF | ZF | SF | OF;

    /** Lazy flag operations; the operand size index (0: 8, 1: 16, 2: 32 bits) is added. */
    static final int F_NONE = 0, F_ADD = 4, F_ADC = 8, F_SUB = 12, F_SBB = 16, F_LOGIC = 20, F_INC = 24, F_DEC = 28;

    static final int[] MASK = {0xFF, 0xFFFF, 0xFFFFFFFF};
    static final int[] SIGN = {0x80, 0x8000, 0x80000000};

    final PhysicalMemory ram;
    final Mmu mmu;
    IoSpace io;
    final CpuFault fault = new CpuFault();

    final int[] r = new int[8];
    int eip;
    final int[] sel = new int[6];
    final int[] base = new int[6];
    /** False for a null selector loaded in protected mode: using it raises #GP(0). */
    final boolean[] segUsable = {true, true, true, true, true, true};
    boolean real = true;
    int cpl;
    boolean code32, stack32;

    int fl = 2;
    int fOp, fA, fB, fRes, fCin;

    /** Set when the last limit fault came from a multi-byte access straddling offset 0xFFFF. */
    boolean wrapFault;
    /**
     * A REP CMPS/SCAS that stopped at a slice boundary: its EIP and the flags it started with,
     * which a fault in a later slice must report. Cleared by any event delivery or EIP change.
     */
    boolean repContinues;
    int repEip, repFlags;
    /** Stops the fast loop in Cpu.run: set after I/O and IF/TF changes (an interrupt may now be deliverable) and on code-cache invalidation. */
    boolean irqCheck;
    /** Set when the last fault was #UD for a LOCK prefix on an instruction that does not allow it. */
    boolean lockFault;

    CpuCore(PhysicalMemory ram, Mmu mmu, IoSpace io) {
        this.ram = ram;
        this.mmu = mmu;
        this.io = io;
    }

    final CpuFault fault(int vector, int code) {
        return fault.set(vector, code, 0);
    }

    // ---- registers by size (size index 0/1/2) -------------------------------------------------

    final int reg8(int n) {
        return n < 4 ? r[n] & 0xFF : (r[n - 4] >>> 8) & 0xFF;
    }

    final void setReg8(int n, int v) {
        if (n < 4) {
            r[n] = (r[n] & 0xFFFFFF00) | (v & 0xFF);
        } else {
            r[n - 4] = (r[n - 4] & 0xFFFF00FF) | ((v & 0xFF) << 8);
        }
    }

    final int regS(int n, int size) {
        if (size == 2) {
            return r[n];
        }
        return size == 1 ? r[n] & 0xFFFF : reg8(n);
    }

    final void setRegS(int n, int size, int v) {
        if (size == 2) {
            r[n] = v;
        } else if (size == 1) {
            r[n] = (r[n] & 0xFFFF0000) | (v & 0xFFFF);
        } else {
            setReg8(n, v);
        }
    }

    static int sext(int v, int size) {
        switch (size) {
            case 0: return (byte) v;
            case 1: return (short) v;
            default: return v;
        }
    }

    // ---- lazy flags ---------------------------------------------------------------------------

    final void lazy(int op, int size, int a, int b, int res) {
        fOp = op + size;
        fA = a;
        fB = b;
        fRes = res;
    }

    final boolean cf() {
        return fOp == F_NONE ? (fl & CF) != 0 : JitFlags.cf(fOp, fA, fB, fRes, fCin);
    }

    final boolean zf() {
        return fOp == F_NONE ? (fl & ZF) != 0 : (fRes & MASK[fOp & 3]) == 0;
    }

    final boolean sf() {
        return fOp == F_NONE ? (fl & SF) != 0 : (fRes & SIGN[fOp & 3]) != 0;
    }

    final boolean pf() {
        return fOp == F_NONE ? (fl & PF) != 0 : parity(fRes);
    }

    static boolean parity(int v) {
        return (Integer.bitCount(v & 0xFF) & 1) == 0;
    }

    final boolean af() {
        switch (fOp & ~3) {
            case F_NONE: return (fl & AF) != 0;
            case F_LOGIC: return false;
            default: return ((fA ^ fB ^ fRes) & 0x10) != 0;
        }
    }

    final boolean of() {
        return fOp == F_NONE ? (fl & OF) != 0 : JitFlags.of(fOp, fA, fB, fRes);
    }

    /** Evaluates condition code {@code cc} (0..15) as Jcc/SETcc/CMOVcc do. */
    final boolean cond(int cc) {
        boolean v;
        switch (cc >> 1) {
            case 0: v = of(); break;
            case 1: v = cf(); break;
            case 2: v = zf(); break;
            case 3: v = cf() || zf(); break;
            case 4: v = sf(); break;
            case 5: v = pf(); break;
            case 6: v = sf() != of(); break;
            default: v = zf() || sf() != of(); break;
        }
        return v ^ ((cc & 1) != 0);
    }

    /**
     * {@link #cond} with shortcuts for the common case of a 32-bit CMP/SUB record: the condition
     * follows from the operands directly (B: a &lt; b unsigned, L: a &lt; b signed, ...).
     */
    final boolean condFast(int cc) {
        if (fOp == F_SUB + 2) {
            int a = fA, b = fB;
            boolean v;
            switch (cc >> 1) {
                case 1: v = Integer.compareUnsigned(a, b) < 0; break;
                case 2: v = a == b; break;
                case 3: v = Integer.compareUnsigned(a, b) <= 0; break;
                case 4: v = fRes < 0; break;
                case 6: v = a < b; break;
                case 7: v = a <= b; break;
                default: return cond(cc);
            }
            return v ^ ((cc & 1) != 0);
        }
        if (fOp == F_LOGIC + 2) { // TEST/AND/OR/XOR: CF = OF = 0
            int res = fRes;
            boolean v;
            switch (cc >> 1) {
                case 0: case 1: v = false; break;
                case 2: case 3: v = res == 0; break;
                case 4: case 6: v = res < 0; break;
                case 7: v = res <= 0; break;
                default: return cond(cc);
            }
            return v ^ ((cc & 1) != 0);
        }
        return cond(cc);
    }

    /** Makes {@code fl} hold the true arithmetic flags and drops the lazy record. */
    final void materialize() {
        if (fOp != F_NONE) {
            int f = fl & ~ARITH;
            if (cf()) f |= CF;
            if (pf()) f |= PF;
            if (af()) f |= AF;
            if (zf()) f |= ZF;
            if (sf()) f |= SF;
            if (of()) f |= OF;
            fl = f;
            fOp = F_NONE;
        }
    }

    final int flags() {
        materialize();
        return fl | 2;
    }

    /** Sets the given arithmetic flag bits to the values in {@code bits}, leaving others. */
    final void setFlagBits(int which, int bits) {
        materialize();
        fl = (fl & ~which) | (bits & which);
    }

    static int szp(int res, int size) {
        int f = 0;
        if ((res & MASK[size]) == 0) f |= ZF;
        if ((res & SIGN[size]) != 0) f |= SF;
        if (parity(res)) f |= PF;
        return f;
    }

    // ---- memory ---------------------------------------------------------------------------------

    /** Linear address of {@code off} in segment {@code seg} for an access of {@code bytes}, with segment checks. */
    final int lin(int seg, int off, int bytes) {
        if (!real && segUsable[seg]) {
            return base[seg] + off; // flat protected-mode segments: no limit to check
        }
        return linChecked(seg, off, bytes);
    }

    private int linChecked(int seg, int off, int bytes) {
        if (real) {
            if (Integer.compareUnsigned(off, 0x10000 - bytes) > 0) {
                wrapFault = Integer.compareUnsigned(off, 0xFFFF) <= 0;
                throw fault(seg == SS ? Trap.SS : Trap.GP, 0);
            }
            return base[seg] + off;
        }
        throw fault(seg == SS ? Trap.SS : Trap.GP, 0);
    }

    final boolean user() {
        return cpl == 3;
    }

    final int pa(int linear, boolean write) {
        long p = mmu.translate(linear, write, cpl == 3);
        if (p < 0) {
            throw fault.set(Trap.PF, mmu.faultErrorCode(), mmu.faultAddress());
        }
        return (int) p;
    }

    final int rd8(int linear) {
        return ram.read8(pa(linear, false));
    }

    final int rd16(int linear) {
        if ((linear & 0xFFF) != 0xFFF) {
            return ram.read16(pa(linear, false));
        }
        int p0 = pa(linear, false);
        int p1 = pa(linear + 1, false);
        return ram.read8(p0) | ram.read8(p1) << 8;
    }

    final int rd32(int linear) {
        if ((linear & 0xFFF) <= 0xFFC) {
            return ram.read32(pa(linear, false));
        }
        int p0 = pa(linear, false);
        int p1 = pa((linear | 0xFFF) + 1, false);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int a = linear + i;
            int p = ((a ^ linear) & ~0xFFF) == 0 ? p0 + i : p1 + (a & 0xFFF);
            v |= ram.read8(p) << (8 * i);
        }
        return v;
    }

    final int rd(int linear, int size) {
        if (size == 2) {
            return rd32(linear);
        }
        return size == 1 ? rd16(linear) : rd8(linear);
    }

    final void wr8(int linear, int v) {
        ram.write8(pa(linear, true), v);
    }

    final void wr16(int linear, int v) {
        if ((linear & 0xFFF) != 0xFFF) {
            ram.write16(pa(linear, true), v);
            return;
        }
        int p0 = pa(linear, true);
        int p1 = pa(linear + 1, true); // both pages checked before either byte is written
        ram.write8(p0, v);
        ram.write8(p1, v >>> 8);
    }

    final void wr32(int linear, int v) {
        if ((linear & 0xFFF) <= 0xFFC) {
            ram.write32(pa(linear, true), v);
            return;
        }
        int p0 = pa(linear, true);
        int p1 = pa((linear | 0xFFF) + 1, true);
        for (int i = 0; i < 4; i++) {
            int a = linear + i;
            int p = ((a ^ linear) & ~0xFFF) == 0 ? p0 + i : p1 + (a & 0xFFF);
            ram.write8(p, v >>> (8 * i));
        }
    }

    final void wr(int linear, int size, int v) {
        if (size == 2) {
            wr32(linear, v);
        } else if (size == 1) {
            wr16(linear, v);
        } else {
            wr8(linear, v);
        }
    }

    /** Checks that a write of {@code bytes} at {@code linear} would not fault, without writing. */
    final void probeWrite(int linear, int bytes) {
        pa(linear, true);
        if (((linear + bytes - 1) ^ linear) >>> 12 != 0) {
            pa((linear | 0xFFF) + 1, true); // CR2 is the first byte of the second page, as on silicon
        }
    }

    // ---- stack ----------------------------------------------------------------------------------

    final int sp() {
        return stack32 ? r[ESP] : r[ESP] & 0xFFFF;
    }

    final void setSp(int v) {
        if (stack32) {
            r[ESP] = v;
        } else {
            r[ESP] = (r[ESP] & 0xFFFF0000) | (v & 0xFFFF);
        }
    }

    final int stackOff(int v) {
        return stack32 ? v : v & 0xFFFF;
    }

    /** Pushes a 2- or 4-byte value ({@code o32}); SP changes only after the write succeeded. */
    final void push(int v, boolean o32) {
        int n = o32 ? 4 : 2;
        int off = stackOff(sp() - n);
        int a = lin(SS, off, n);
        if (o32) wr32(a, v); else wr16(a, v);
        setSp(off);
    }

    /** Reads the value on top of the stack ({@code depth} bytes above SP) without popping. */
    final int peek(int depth, boolean o32) {
        int off = stackOff(sp() + depth);
        return o32 ? rd32(lin(SS, off, 4)) : rd16(lin(SS, off, 2));
    }

    /** Reads a 2- or 4-byte value at stack offset {@code off} (already wrapped to the stack size). */
    final int peekAt(int off, boolean o32) {
        return o32 ? rd32(lin(SS, off, 4)) : rd16(lin(SS, off, 2));
    }

    final void drop(int n) {
        setSp(stackOff(sp() + n));
    }
}
