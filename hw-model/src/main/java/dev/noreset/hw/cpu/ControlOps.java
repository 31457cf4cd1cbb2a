package dev.noreset.hw.cpu;

import static dev.noreset.hw.cpu.CpuCore.*;

/**
 * Control transfer, stack-frame and segment-register semantics: near and far CALL/JMP/RET, IRET,
 * INT n, LOOP, ENTER/LEAVE, PUSHA/POPA, BOUND, MOV/POP/LxS to segment registers.
 *
 * <p>Protected-mode segment loads check the selector against the machine's fixed descriptor
 * table (null, KERNEL_CS 0x08, KERNEL_DS 0x10, USER_CS 0x1B, USER_DS 0x23, all flat); anything
 * else, or a privilege mismatch, raises #GP(selector).
 */
final class ControlOps {
    private final Cpu c;

    ControlOps(Cpu c) {
        this.c = c;
    }

    // ---- segment registers --------------------------------------------------------------------

    /** Loads segment register {@code s} (not CS) with {@code selector}, checking it in protected mode. */
    void loadSeg(int s, int selector) {
        selector &= 0xFFFF;
        if (c.real) {
            c.setSegmentReal(s, selector);
            return;
        }
        int index = selector & 0xFFFC;
        int rpl = selector & 3;
        if (index == 0) {
            if (s == SS) {
                throw c.fault(Trap.GP, 0);
            }
            c.sel[s] = selector;
            c.base[s] = 0;
            c.segUsable[s] = false;
            return;
        }
        boolean ok;
        switch (index) {
            case 0x08: ok = s != SS && c.cpl == 0 && rpl == 0; break;            // code, readable
            case 0x10: ok = c.cpl == 0 && rpl == 0; break;                       // kernel data
            case 0x18: ok = s != SS; break;                                      // user code, readable
            case 0x20: ok = s != SS || (rpl == c.cpl && c.cpl == 3); break;      // user data
            default: ok = false;
        }
        if (!ok) {
            throw c.fault(Trap.GP, index);
        }
        c.sel[s] = selector;
        c.base[s] = 0;
        c.segUsable[s] = true;
    }

    /** Checks a far-transfer target selector and loads CS. Only same-privilege transfers exist. */
    private void loadCs(int selector) {
        selector &= 0xFFFF;
        if (c.real) {
            c.setSegmentReal(CS, selector);
            return;
        }
        int want = c.cpl == 3 ? Cpu.USER_CS : Cpu.KERNEL_CS;
        if (selector != want) {
            throw c.fault(Trap.GP, selector & 0xFFFC);
        }
        c.sel[CS] = selector;
    }

    private void checkCs(int selector) {
        if (!c.real && (selector & 0xFFFF) != (c.cpl == 3 ? Cpu.USER_CS : Cpu.KERNEL_CS)) {
            throw c.fault(Trap.GP, selector & 0xFFFC);
        }
    }

    void movToSeg(Insn d) {
        if (d.reg == CS || d.reg > GS) {
            throw c.fault(Trap.UD, -1);
        }
        loadSeg(d.reg, c.rmRead(d, 1));
        if (d.reg == SS) {
            c.irqShadow = true;
            c.irqCheck = true;
        }
    }

    void movFromSeg(Insn d) {
        if (d.reg > GS) {
            throw c.fault(Trap.UD, -1);
        }
        int v = c.sel[d.reg];
        if (d.mem) {
            c.wr16(c.opLin(d, 0, 2), v);
        } else {
            c.setRegS(d.rm, d.osz(), v);
        }
    }

    void popSeg(Insn d, int s) {
        int v = c.peek(0, d.o32);
        loadSeg(s, v);
        c.drop(d.o32 ? 4 : 2);
        if (s == SS) {
            c.irqShadow = true;
            c.irqCheck = true;
        }
    }

    void loadFarPointer(Insn d, int s) {
        if (!d.mem) {
            throw c.fault(Trap.UD, -1);
        }
        int n = d.o32 ? 4 : 2;
        int off = c.rd(c.opLin(d, 0, n), d.osz());
        int selector = c.rd16(c.opLin(d, n, 2));
        loadSeg(s, selector);
        c.setRegOp(d, d.osz(), off);
    }

    /** LSS/LFS/LGS (0F B2/B4/B5). */
    void loadFarPointer0F(Insn d) {
        int s = d.op == 0x1B2 ? SS : d.op == 0x1B4 ? FS : GS;
        loadFarPointer(d, s);
        if (s == SS) {
            c.irqShadow = true;
            c.irqCheck = true;
        }
    }

    // ---- stack ------------------------------------------------------------------------------------

    void popRm(Insn d) {
        if (d.reg != 0) {
            throw c.fault(Trap.UD, -1);
        }
        int v = c.peek(0, d.o32);
        int oldEsp = c.r[ESP];
        c.drop(d.o32 ? 4 : 2);
        try {
            c.rmWrite(d, d.osz(), v); // an ESP-based address uses the incremented ESP
        } catch (CpuFault f) {
            c.r[ESP] = oldEsp;
            throw f;
        }
    }

    void pusha(Insn d) {
        int n = d.o32 ? 4 : 2;
        int sp = c.sp();
        int[] addr = new int[8];
        for (int i = 0; i < 8; i++) {
            addr[i] = c.lin(SS, c.stackOff(sp - (i + 1) * n), n);
            c.probeWrite(addr[i], n);
        }
        for (int i = 0; i < 8; i++) {
            int v = i == ESP ? c.r[ESP] : c.r[i];
            c.wr(addr[i], d.osz(), v);
        }
        c.setSp(c.stackOff(sp - 8 * n));
    }

    void popa(Insn d) {
        int n = d.o32 ? 4 : 2;
        int[] v = new int[8];
        for (int i = 0; i < 8; i++) {
            v[7 - i] = c.peek(i * n, d.o32);
        }
        for (int i = 0; i < 8; i++) {
            if (i != ESP) {
                c.setRegS(i, d.osz(), v[i]);
            }
        }
        c.drop(8 * n);
    }

    void enter(Insn d) {
        int n = d.o32 ? 4 : 2;
        int size = d.imm & 0xFFFF;
        int level = d.imm2 & 0x1F;
        int sp = c.sp();
        int bp = c.stack32 ? c.r[EBP] : c.r[EBP] & 0xFFFF;
        int count = level == 0 ? 1 : level + 1;
        int[] addr = new int[count];
        // Silicon's order: push EBP, then per nesting level read [EBP - i*n] and push it, then
        // push FrameTemp, then check the new ESP. Every access is checked before anything is written.
        int oldBp = c.r[EBP];
        addr[0] = c.lin(SS, c.stackOff(sp - n), n);
        c.probeWrite(addr[0], n);
        int frameTemp = c.stackOff(sp - n);
        for (int i = 1; i < level; i++) {
            c.peekAt(c.stackOff(bp - i * n), d.o32); // fault check only: the value is read below
            addr[i] = c.lin(SS, c.stackOff(sp - (i + 1) * n), n);
            c.probeWrite(addr[i], n);
        }
        if (level > 0) {
            addr[level] = c.lin(SS, c.stackOff(sp - (level + 1) * n), n);
            c.probeWrite(addr[level], n);
        }
        int finalSp = c.stackOff(frameTemp - (count - 1) * n - size);
        c.probeWrite(c.lin(SS, finalSp, 1), 1);
        // Every access is now known not to fault; perform them in silicon's order, so a copied frame
        // pointer that aliases a slot just pushed (EBP close to ESP) reads the new value.
        c.wr(addr[0], d.osz(), oldBp);
        for (int i = 1; i < level; i++) {
            c.wr(addr[i], d.osz(), c.peekAt(c.stackOff(bp - i * n), d.o32));
        }
        if (level > 0) {
            c.wr(addr[level], d.osz(), frameTemp);
        }
        c.setRegS(EBP, d.osz(), frameTemp); // silicon: a 16-bit ENTER sets only BP
        c.setSp(finalSp);
    }

    void leave(Insn d) {
        int bp = c.stack32 ? c.r[EBP] : c.r[EBP] & 0xFFFF;
        int n = d.o32 ? 4 : 2;
        int v = c.peekAt(bp, d.o32);
        c.setSp(c.stackOff(bp + n));
        c.setRegS(EBP, d.osz(), v);
    }

    void bound(Insn d) {
        if (!d.mem) {
            throw c.fault(Trap.UD, -1);
        }
        int s = d.osz(), n = d.o32 ? 4 : 2;
        int idx = sext(c.regOp(d, s), s);
        // Silicon checks the lower bound first and does not read the upper one when it fails.
        int lo = sext(c.rd(c.opLin(d, 0, n), s), s);
        if (idx < lo) {
            throw c.fault(Trap.BR, -1);
        }
        int hi = sext(c.rd(c.opLin(d, n, n), s), s);
        if (idx > hi) {
            throw c.fault(Trap.BR, -1);
        }
    }

    // ---- transfers ---------------------------------------------------------------------------------

    void callNear(Insn d, int target) {
        c.push(c.next(d), d.o32);
        c.jumpTo(target, d.o32);
    }

    void retNear(Insn d, int imm) {
        int v = c.peek(0, d.o32);
        c.drop((d.o32 ? 4 : 2) + (imm & 0xFFFF));
        c.jumpTo(v, d.o32);
    }

    void jumpFar(Insn d, int selector, int offset) {
        loadCs(selector);
        c.jumpTo(offset, d.o32);
    }

    void callFar(Insn d, int selector, int offset) {
        checkCs(selector);
        int n = d.o32 ? 4 : 2;
        int sp = c.sp();
        int a1 = c.lin(SS, c.stackOff(sp - n), n);
        int a2 = c.lin(SS, c.stackOff(sp - 2 * n), n);
        c.probeWrite(a1, n);
        c.probeWrite(a2, n);
        c.wr(a1, d.osz(), c.sel[CS]);
        c.wr(a2, d.osz(), c.next(d));
        c.setSp(c.stackOff(sp - 2 * n));
        loadCs(selector);
        c.jumpTo(offset, d.o32);
    }

    /** FF /3 (CALL m16:16/32) and FF /5 (JMP m16:16/32). */
    void farIndirect(Insn d, boolean call) {
        if (!d.mem) {
            throw c.fault(Trap.UD, -1);
        }
        int n = d.o32 ? 4 : 2;
        int off = c.rd(c.opLin(d, 0, n), d.osz());
        int selector = c.rd16(c.opLin(d, n, 2));
        if (call) {
            callFar(d, selector, off);
        } else {
            jumpFar(d, selector, off);
        }
    }

    void retFar(Insn d, int imm) {
        int n = d.o32 ? 4 : 2;
        int ip = c.peek(0, d.o32);
        int cs = c.peek(n, d.o32) & 0xFFFF;
        checkCs(cs);
        c.drop(2 * n + (imm & 0xFFFF));
        loadCs(cs);
        c.jumpTo(ip, d.o32);
    }

    void iret(Insn d) {
        int n = d.o32 ? 4 : 2;
        if (!c.real && (c.fl & NT) != 0) {
            throw c.fault(Trap.GP, 0); // no task switching in this machine
        }
        int ip = c.peek(0, d.o32);
        int cs = c.peek(n, d.o32) & 0xFFFF;
        int f = c.peek(2 * n, d.o32);
        checkCs(cs);
        c.drop(3 * n);
        loadCs(cs);
        c.jumpTo(ip, d.o32);
        SystemOps.loadFlags(c, f, d.o32);
    }

    Trap softInt(Insn d, int vector) {
        return c.deliver(Trap.Kind.SOFTWARE_INTERRUPT, vector, -1, 0, c.next(d));
    }

    /** LOOPNE, LOOPE, LOOP, JCXZ (E0..E3); the count register is CX or ECX by address size. */
    void loop(Insn d) {
        int cnt = d.a32 ? c.r[ECX] : c.r[ECX] & 0xFFFF;
        boolean taken;
        if (d.op == 0xE3) {
            taken = cnt == 0;
        } else {
            cnt--;
            if (d.a32) {
                c.r[ECX] = cnt;
            } else {
                c.setRegS(ECX, 1, cnt);
                cnt &= 0xFFFF;
            }
            taken = cnt != 0 && (d.op == 0xE2 || (d.op == 0xE1) == c.zf());
        }
        if (taken) {
            c.jumpTo(c.next(d) + (byte) d.imm, d.o32);
        } else {
            c.eip = c.next(d);
        }
    }
}
