package dev.noreset.hw.cpu;

import static dev.noreset.hw.cpu.CpuCore.*;

/** Semantics of the 0F xx opcode map (386/486 integer set plus CMOVcc, CPUID, RDTSC, CMPXCHG8B). */
final class TwoByteOps {
    private TwoByteOps() { }

    static Trap execute(Cpu c, Executor x, ControlOps ctl, SystemOps sys, Insn d) {
        int op = d.op;
        if (op >= 0x180 && op <= 0x18F) {
            if (c.cond(op & 0xF)) {
                c.jumpTo(c.next(d) + d.imm, d.o32);
            } else {
                c.eip = c.next(d);
            }
            return null;
        }
        if (op >= 0x190 && op <= 0x19F) {
            c.rmWrite(d, 0, c.cond(op & 0xF) ? 1 : 0);
        } else if (op >= 0x140 && op <= 0x14F) {
            int v = c.rmRead(d, d.osz()); // the source is read whether or not the move happens
            if (c.cond(op & 0xF)) {
                c.setRegOp(d, d.osz(), v);
            }
        } else if (op >= 0x118 && op <= 0x11F) {
            // Hint NOPs, ENDBR32 (F3 0F 1E FB) included: no memory access, no effect.
        } else if (op >= 0x1C8 && op <= 0x1CF) {
            int n = op & 7;
            c.r[n] = d.o32 ? Integer.reverseBytes(c.r[n]) : c.r[n] & 0xFFFF0000;
        } else {
            switch (op) {
                case 0x100: sys.group6(d); break;
                case 0x101: sys.group7(d); break;
                case 0x102: case 0x103: sys.larLsl(d); break;
                case 0x106: case 0x108: case 0x109: case 0x130: case 0x132: case 0x133:
                    sys.privilegedMisc(d);
                    break;
                case 0x120: case 0x121: case 0x122: case 0x123: sys.movControl(d); break;
                case 0x131: sys.rdtsc(); break;
                case 0x1A0: x.pushSeg(d, FS); break;
                case 0x1A8: x.pushSeg(d, GS); break;
                case 0x1A1: ctl.popSeg(d, FS); break;
                case 0x1A9: ctl.popSeg(d, GS); break;
                case 0x1A2: sys.cpuid(); break;
                case 0x1A3: bitOp(c, d, 0, c.regOp(d, d.osz()), true); break;
                case 0x1AB: bitOp(c, d, 1, c.regOp(d, d.osz()), true); break;
                case 0x1B3: bitOp(c, d, 2, c.regOp(d, d.osz()), true); break;
                case 0x1BB: bitOp(c, d, 3, c.regOp(d, d.osz()), true); break;
                case 0x1BA:
                    if (d.reg < 4) throw c.fault(Trap.UD, -1);
                    bitOp(c, d, d.reg - 4, d.imm & 0xFF, false);
                    break;
                case 0x1A4: case 0x1A5: case 0x1AC: case 0x1AD: {
                    int s = d.osz();
                    int count = (op == 0x1A4 || op == 0x1AC ? d.imm : c.r[ECX]) & 0x1F;
                    int a = c.rmwAddr(d, s);
                    int res = AluOps.shiftDouble(c, op <= 0x1A5, s, c.rmwRead(d, a, s), c.regOp(d, s), count);
                    if (count != 0) c.rmwWrite(d, a, s, res);
                    break;
                }
                case 0x1AF: {
                    int s = d.osz();
                    c.setRegOp(d, s, (int) AluOps.imul(c, s, c.regOp(d, s), c.rmRead(d, s)));
                    break;
                }
                case 0x1B0: case 0x1B1: cmpxchg(c, d); break;
                case 0x1B2: case 0x1B4: case 0x1B5: ctl.loadFarPointer0F(d); break;
                case 0x1B6: c.setRegOp(d, d.osz(), c.rmRead(d, 0)); break;
                case 0x1B7: c.setRegOp(d, d.osz(), c.rmRead(d, 1)); break;
                case 0x1BE: c.setRegOp(d, d.osz(), (byte) c.rmRead(d, 0)); break;
                case 0x1BF: c.setRegOp(d, d.osz(), (short) c.rmRead(d, 1)); break;
                case 0x1BC: case 0x1BD: {
                    int s = d.osz();
                    int v = c.rmRead(d, s) & MASK[s];
                    if (v == 0) {
                        c.setFlagBits(ZF, ZF);
                    } else {
                        c.setRegOp(d, s, op == 0x1BC ? Integer.numberOfTrailingZeros(v) : 31 - Integer.numberOfLeadingZeros(v));
                        c.setFlagBits(ZF, 0);
                    }
                    break;
                }
                case 0x1C0: case 0x1C1: {
                    int s = op == 0x1C0 ? 0 : d.osz();
                    int a = c.rmwAddr(d, s);
                    int dst = c.rmwRead(d, a, s);
                    int sum = AluOps.alu(c, 0, s, dst, c.regOp(d, s));
                    c.setRegOp(d, s, dst);
                    c.rmwWrite(d, a, s, sum);
                    break;
                }
                case 0x1C7: cmpxchg8b(c, d); break;
                default: throw c.fault(Trap.UD, -1);
            }
        }
        c.eip = c.next(d);
        return null;
    }

    /** BT (0), BTS (1), BTR (2), BTC (3). A register bit offset can address beyond the operand in memory. */
    private static void bitOp(Cpu c, Insn d, int kind, int offset, boolean regOffset) {
        int s = d.osz();
        int bits = 8 << s;
        int bit;
        int extra = 0;
        if (d.mem && regOffset) {
            int so = sext(offset, s);
            extra = (so >> (s == 2 ? 5 : 4)) * (bits / 8);
            bit = so & (bits - 1);
        } else {
            bit = offset & (bits - 1);
        }
        int v;
        int a = 0;
        if (!d.mem) {
            v = c.regS(d.rm, s);
        } else if (kind == 0) {
            v = c.rd(c.opLin(d, extra, bits / 8), s);
        } else {
            a = c.opLin(d, extra, bits / 8);
            c.probeWrite(a, bits / 8);
            v = c.rd(a, s);
        }
        boolean set = (v >>> bit & 1) != 0;
        int nv;
        switch (kind) {
            case 1: nv = v | (1 << bit); break;
            case 2: nv = v & ~(1 << bit); break;
            case 3: nv = v ^ (1 << bit); break;
            default: nv = v;
        }
        if (kind != 0) {
            if (d.mem) c.wr(a, s, nv); else c.setRegS(d.rm, s, nv);
        }
        c.setFlagBits(CF, set ? CF : 0);
    }

    private static void cmpxchg(Cpu c, Insn d) {
        int s = d.op == 0x1B0 ? 0 : d.osz();
        int a = c.rmwAddr(d, s);
        int dst = c.rmwRead(d, a, s);
        int acc = c.regS(EAX, s);
        AluOps.alu(c, 7, s, acc, dst);
        if (acc == dst) {
            c.rmwWrite(d, a, s, c.regOp(d, s));
        } else {
            c.rmwWrite(d, a, s, dst); // the 486 always writes the destination
            c.setRegS(EAX, s, dst);
        }
    }

    private static void cmpxchg8b(Cpu c, Insn d) {
        if (!d.mem || d.reg != 1) {
            throw c.fault(Trap.UD, -1);
        }
        int a = c.opLin(d, 0, 8);
        int b = c.opLin(d, 4, 4);
        c.probeWrite(a, 4);
        c.probeWrite(b, 4);
        int lo = c.rd32(a), hi = c.rd32(b);
        if (lo == c.r[EAX] && hi == c.r[EDX]) {
            c.wr32(a, c.r[EBX]);
            c.wr32(b, c.r[ECX]);
            c.setFlagBits(ZF, ZF);
        } else {
            c.wr32(a, lo);
            c.wr32(b, hi);
            c.r[EAX] = lo;
            c.r[EDX] = hi;
            c.setFlagBits(ZF, 0);
        }
    }
}
