package dev.noreset.hw.cpu;

import static dev.noreset.hw.cpu.CpuCore.*;

/**
 * String instructions (MOVS, CMPS, STOS, LODS, SCAS, INS, OUTS) with REP/REPE/REPNE. Each element
 * does its memory accesses before advancing SI/DI/CX, so a fault stops at an element boundary
 * with the registers reflecting the completed elements and EIP still at the instruction, which
 * then restarts, as on hardware (REP CMPS/SCAS then report the pre-instruction flags, as silicon does).
 * A long REP runs in slices so interrupts are not starved.
 */
final class StringOps {
    /** Elements per step before a REP instruction yields (and is restarted, like an interrupt window). */
    static final int REP_SLICE = 4096;

    private final Cpu c;

    StringOps(Cpu c) {
        this.c = c;
    }

    private int si(Insn d) {
        return d.a32 ? c.r[ESI] : c.r[ESI] & 0xFFFF;
    }

    private int di(Insn d) {
        return d.a32 ? c.r[EDI] : c.r[EDI] & 0xFFFF;
    }

    private void advance(Insn d, int reg, int delta) {
        if (d.a32) {
            c.r[reg] += delta;
        } else {
            c.r[reg] = (c.r[reg] & 0xFFFF0000) | ((c.r[reg] + delta) & 0xFFFF);
        }
    }

    private int count(Insn d) {
        return d.a32 ? c.r[ECX] : c.r[ECX] & 0xFFFF;
    }

    private void decCount(Insn d) {
        if (d.a32) {
            c.r[ECX]--;
        } else {
            c.r[ECX] = (c.r[ECX] & 0xFFFF0000) | ((c.r[ECX] - 1) & 0xFFFF);
        }
    }

    void string(Insn d) {
        element(d, d.op);
    }

    void io(Insn d) {
        if (!SystemOps.ioAllowed(c)) {
            throw c.fault(Trap.GP, 0);
        }
        c.irqCheck = true;
        element(d, d.op);
    }

    private void element(Insn d, int op) {
        int s = (op & 1) == 0 ? 0 : d.osz();
        int n = CpuOperands.BYTES[s];
        int delta = (c.fl & DF) != 0 ? -n : n;
        if (d.rep == 0) {
            once(d, op, s, n, delta);
            c.eip = c.next(d);
            return;
        }
        boolean compares = op == 0xA6 || op == 0xA7 || op == 0xAE || op == 0xAF;
        if (!compares) {
            repeat(d, op, s, n, delta, false);
            return;
        }
        // Silicon reports the flags from before the instruction when a later element faults
        // (measured by the differential tester); ECX/ESI/EDI do reflect completed elements. When
        // the instruction continues after a slice, "before" means before its first slice.
        c.materialize();
        int savedFlags = c.repContinues && c.repEip == c.eip ? c.repFlags : c.fl;
        c.repContinues = false;
        try {
            if (!repeat(d, op, s, n, delta, true)) {
                c.repContinues = true;
                c.repEip = c.eip;
                c.repFlags = savedFlags;
            }
        } catch (CpuFault f) {
            c.fOp = F_NONE;
            c.fl = savedFlags;
            throw f;
        }
    }

    /** Runs one slice of a REP; returns true when the instruction finished (EIP moved on). */
    private boolean repeat(Insn d, int op, int s, int n, int delta, boolean compares) {
        for (int slice = REP_SLICE; slice > 0; slice--) {
            if (count(d) == 0) {
                c.eip = c.next(d);
                return true;
            }
            once(d, op, s, n, delta);
            decCount(d);
            if (compares && (d.rep == 0xF3 ? !c.zf() : c.zf())) {
                c.eip = c.next(d);
                return true;
            }
        }
        if (count(d) == 0) {
            c.eip = c.next(d);
            return true;
        }
        // Otherwise EIP stays at the instruction: the next step continues the repetition.
        return false;
    }

    private void once(Insn d, int op, int s, int n, int delta) {
        switch (op) {
            case 0xA4: case 0xA5: {
                int v = c.rd(c.lin(d.seg, si(d), n), s);
                c.wr(c.lin(ES, di(d), n), s, v);
                advance(d, ESI, delta);
                advance(d, EDI, delta);
                break;
            }
            case 0xA6: case 0xA7: {
                // Silicon reads ES:[EDI] first: if both operands fault, that one is reported.
                int b = c.rd(c.lin(ES, di(d), n), s);
                int a = c.rd(c.lin(d.seg, si(d), n), s);
                AluOps.alu(c, 7, s, a, b);
                advance(d, ESI, delta);
                advance(d, EDI, delta);
                break;
            }
            case 0xAA: case 0xAB:
                c.wr(c.lin(ES, di(d), n), s, c.r[EAX]);
                advance(d, EDI, delta);
                break;
            case 0xAC: case 0xAD: {
                int v = c.rd(c.lin(d.seg, si(d), n), s);
                c.setRegS(EAX, s, v);
                advance(d, ESI, delta);
                break;
            }
            case 0xAE: case 0xAF: {
                int b = c.rd(c.lin(ES, di(d), n), s);
                AluOps.alu(c, 7, s, c.regS(EAX, s), b);
                advance(d, EDI, delta);
                break;
            }
            case 0x6C: case 0x6D: {
                int a = c.lin(ES, di(d), n);
                c.probeWrite(a, n); // the port read has side effects: check the store first
                int v = c.io.in(c.r[EDX] & 0xFFFF, n);
                c.wr(a, s, v);
                advance(d, EDI, delta);
                break;
            }
            default: { // 6E, 6F
                int v = c.rd(c.lin(d.seg, si(d), n), s);
                c.io.out(c.r[EDX] & 0xFFFF, n, v);
                advance(d, ESI, delta);
                break;
            }
        }
    }
}
