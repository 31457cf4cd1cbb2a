package dev.noreset.hw.cpu;

import static dev.noreset.hw.cpu.CpuCore.*;

/**
 * Executes one decoded instruction: the dispatch from opcode to semantics. Every case first does
 * all accesses that can fault, then commits registers, flags and EIP. Returns a Trap for
 * instructions that hand control away (INT n, HLT), otherwise null.
 */
final class Executor {
    private final Cpu c;
    private final ControlOps ctl;
    private final StringOps str;
    private final SystemOps sys;

    Executor(Cpu c) {
        this.c = c;
        this.ctl = new ControlOps(c);
        this.str = new StringOps(c);
        this.sys = new SystemOps(c);
    }

    Trap execute(Insn d) {
        int op = d.op;
        if (op < 0x40 && (op & 7) < 6) {
            aluForm(d, op);
            return null;
        }
        switch (op) {
            case 0x06: case 0x0E: case 0x16: case 0x1E: pushSeg(d, op >> 3); break;
            case 0x07: case 0x17: case 0x1F: ctl.popSeg(d, op >> 3); break;
            case 0x0F: throw c.fault(Trap.UD, -1); // unreachable: 0F is decoded as a prefix byte
            case 0x27: AluOps.daa(c); break;
            case 0x2F: AluOps.das(c); break;
            case 0x37: AluOps.aaa(c, true); break;
            case 0x3F: AluOps.aaa(c, false); break;
            case 0x40: case 0x41: case 0x42: case 0x43: case 0x44: case 0x45: case 0x46: case 0x47:
                c.setRegS(op & 7, d.osz(), AluOps.inc(c, d.osz(), c.regS(op & 7, d.osz())));
                break;
            case 0x48: case 0x49: case 0x4A: case 0x4B: case 0x4C: case 0x4D: case 0x4E: case 0x4F:
                c.setRegS(op & 7, d.osz(), AluOps.dec(c, d.osz(), c.regS(op & 7, d.osz())));
                break;
            case 0x50: case 0x51: case 0x52: case 0x53: case 0x54: case 0x55: case 0x56: case 0x57:
                c.push(c.r[op & 7], d.o32);
                break;
            case 0x58: case 0x59: case 0x5A: case 0x5B: case 0x5C: case 0x5D: case 0x5E: case 0x5F: {
                int v = c.peek(0, d.o32);
                c.drop(d.o32 ? 4 : 2);
                c.setRegS(op & 7, d.osz(), v);
                break;
            }
            case 0x60: ctl.pusha(d); break;
            case 0x61: ctl.popa(d); break;
            case 0x62: ctl.bound(d); break;
            case 0x63: sys.arpl(d); break;
            case 0x68: c.push(d.imm, d.o32); break;
            case 0x6A: c.push((byte) d.imm, d.o32); break;
            case 0x69: case 0x6B: {
                int s = d.osz();
                int imm = op == 0x6B ? (byte) d.imm : d.imm;
                c.setRegOp(d, s, (int) AluOps.imul(c, s, c.rmRead(d, s), imm));
                break;
            }
            case 0x6C: case 0x6D: case 0x6E: case 0x6F: str.io(d); return null;
            case 0x80: case 0x81: case 0x82: case 0x83: group1(d); break;
            case 0x84: case 0x85: {
                int s = (op & 1) == 0 ? 0 : d.osz();
                AluOps.alu(c, 4, s, c.rmRead(d, s), c.regOp(d, s));
                break;
            }
            case 0x86: case 0x87: {
                int s = (op & 1) == 0 ? 0 : d.osz();
                int a = c.rmwAddr(d, s);
                int m = c.rmwRead(d, a, s);
                int rv = c.regOp(d, s);
                c.rmwWrite(d, a, s, rv);
                c.setRegOp(d, s, m);
                break;
            }
            case 0x88: c.rmWrite(d, 0, c.regOp(d, 0)); break;
            case 0x89: c.rmWrite(d, d.osz(), c.regOp(d, d.osz())); break;
            case 0x8A: c.setRegOp(d, 0, c.rmRead(d, 0)); break;
            case 0x8B: c.setRegOp(d, d.osz(), c.rmRead(d, d.osz())); break;
            case 0x8C: ctl.movFromSeg(d); break;
            case 0x8D:
                if (!d.mem) throw c.fault(Trap.UD, -1);
                c.setRegOp(d, d.osz(), c.ea(d));
                break;
            case 0x8E: ctl.movToSeg(d); break;
            case 0x8F: ctl.popRm(d); break;
            case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95: case 0x96: case 0x97: {
                int s = d.osz(), n = op & 7;
                int t = c.regS(n, s);
                c.setRegS(n, s, c.regS(EAX, s));
                c.setRegS(EAX, s, t);
                break;
            }
            case 0x98:
                if (d.o32) c.r[EAX] = (short) c.r[EAX];
                else c.setRegS(EAX, 1, (byte) c.r[EAX]);
                break;
            case 0x99:
                if (d.o32) c.r[EDX] = c.r[EAX] >> 31;
                else c.setRegS(EDX, 1, ((short) c.r[EAX]) >> 15);
                break;
            case 0x9A: ctl.callFar(d, d.imm2, d.imm); return null;
            case 0x9B: break; // WAIT: no coprocessor error can be pending
            case 0x9C: sys.pushf(d); break;
            case 0x9D: sys.popf(d); break;
            case 0x9E: c.setFlagBits(SF | ZF | AF | PF | CF, c.r[EAX] >>> 8); break;
            case 0x9F: c.setReg8(4, c.flags() & 0xFF); break;
            case 0xA0: c.setReg8(0, c.rd8(c.lin(d.seg, moffs(d), 1))); break;
            case 0xA1: c.setRegS(EAX, d.osz(), c.rd(c.lin(d.seg, moffs(d), d.o32 ? 4 : 2), d.osz())); break;
            case 0xA2: c.wr8(c.lin(d.seg, moffs(d), 1), c.r[EAX]); break;
            case 0xA3: c.wr(c.lin(d.seg, moffs(d), d.o32 ? 4 : 2), d.osz(), c.r[EAX]); break;
            case 0xA4: case 0xA5: case 0xA6: case 0xA7: case 0xAA: case 0xAB: case 0xAC: case 0xAD:
            case 0xAE: case 0xAF:
                str.string(d);
                return null;
            case 0xA8: AluOps.alu(c, 4, 0, c.r[EAX], d.imm); break;
            case 0xA9: AluOps.alu(c, 4, d.osz(), c.r[EAX], d.imm); break;
            case 0xB0: case 0xB1: case 0xB2: case 0xB3: case 0xB4: case 0xB5: case 0xB6: case 0xB7:
                c.setReg8(op & 7, d.imm);
                break;
            case 0xB8: case 0xB9: case 0xBA: case 0xBB: case 0xBC: case 0xBD: case 0xBE: case 0xBF:
                c.setRegS(op & 7, d.osz(), d.imm);
                break;
            case 0xC0: case 0xC1: case 0xD0: case 0xD1: case 0xD2: case 0xD3: shiftGroup(d); break;
            case 0xC2: case 0xC3: ctl.retNear(d, op == 0xC2 ? d.imm : 0); return null;
            case 0xC4: ctl.loadFarPointer(d, ES); break;
            case 0xC5: ctl.loadFarPointer(d, DS); break;
            case 0xC6: case 0xC7:
                if (d.reg != 0) throw c.fault(Trap.UD, -1);
                c.rmWrite(d, op == 0xC6 ? 0 : d.osz(), d.imm);
                break;
            case 0xC8: ctl.enter(d); break;
            case 0xC9: ctl.leave(d); break;
            case 0xCA: case 0xCB: ctl.retFar(d, op == 0xCA ? d.imm : 0); return null;
            case 0xCC: return ctl.softInt(d, 3);
            case 0xCD: return ctl.softInt(d, d.imm);
            case 0xCE:
                if (c.of()) return ctl.softInt(d, 4);
                break;
            case 0xCF: ctl.iret(d); return null;
            case 0xD4:
                if ((d.imm & 0xFF) == 0) throw c.fault(Trap.DE, -1);
                AluOps.aam(c, d.imm & 0xFF);
                break;
            case 0xD5: AluOps.aad(c, d.imm & 0xFF); break;
            case 0xD6: c.setReg8(0, c.cf() ? 0xFF : 0); break; // SALC
            case 0xD7: {
                int off = (d.a32 ? c.r[EBX] : c.r[EBX] & 0xFFFF) + (c.r[EAX] & 0xFF);
                c.setReg8(0, c.rd8(c.lin(d.seg, d.a32 ? off : off & 0xFFFF, 1)));
                break;
            }
            case 0xD8: case 0xD9: case 0xDA: case 0xDB: case 0xDC: case 0xDD: case 0xDE: case 0xDF:
                sys.escape(d);
                break;
            case 0xE0: case 0xE1: case 0xE2: case 0xE3: ctl.loop(d); return null;
            case 0xE4: case 0xE5: case 0xE6: case 0xE7: case 0xEC: case 0xED: case 0xEE: case 0xEF:
                sys.inOut(d);
                break;
            case 0xE8: ctl.callNear(d, c.next(d) + d.imm); return null;
            case 0xE9: c.jumpTo(c.next(d) + d.imm, d.o32); return null;
            case 0xEA: ctl.jumpFar(d, d.imm2, d.imm); return null;
            case 0xEB: c.jumpTo(c.next(d) + (byte) d.imm, d.o32); return null;
            case 0xF1: return ctl.softInt(d, 1);
            case 0xF4: return sys.hlt(d);
            case 0xF5: c.setFlagBits(CF, c.cf() ? 0 : CF); break;
            case 0xF6: case 0xF7: group3(d); break;
            case 0xF8: c.setFlagBits(CF, 0); break;
            case 0xF9: c.setFlagBits(CF, CF); break;
            case 0xFA: case 0xFB: sys.cliSti(d); break;
            case 0xFC: c.fl &= ~DF; break;
            case 0xFD: c.fl |= DF; break;
            case 0xFE: case 0xFF: return group45(d);
            default:
                if (op >= 0x70 && op <= 0x7F) {
                    if (c.cond(op & 0xF)) {
                        c.jumpTo(c.next(d) + (byte) d.imm, d.o32);
                        return null;
                    }
                    break;
                }
                if (op >= 0x100) {
                    return TwoByteOps.execute(c, this, ctl, sys, d);
                }
                throw c.fault(Trap.UD, -1);
        }
        c.eip = c.next(d);
        return null;
    }

    private int moffs(Insn d) {
        return d.a32 ? d.disp : d.disp & 0xFFFF;
    }

    void pushSeg(Insn d, int s) {
        if (d.o32) {
            // Like recent Intel cores: a 32-bit push of a segment register writes only 16 bits.
            int off = c.stackOff(c.sp() - 4);
            c.probeWrite(c.lin(SS, off, 4), 4);
            c.wr16(c.lin(SS, off, 2), c.sel[s]);
            c.setSp(off);
        } else {
            c.push(c.sel[s], false);
        }
    }

    /** Opcodes 00-3D: the ALU operation is in bits 3-5, the form in bits 0-2. */
    private void aluForm(Insn d, int op) {
        int kind = op >> 3;
        int s = (op & 1) == 0 ? 0 : d.osz();
        switch (op & 7) {
            case 0: case 1: {
                int a = kind == 7 ? 0 : c.rmwAddr(d, s);
                int dst = kind == 7 ? c.rmRead(d, s) : c.rmwRead(d, a, s);
                int res = AluOps.alu(c, kind, s, dst, c.regOp(d, s));
                if (kind != 7) c.rmwWrite(d, a, s, res);
                break;
            }
            case 2: case 3: {
                int res = AluOps.alu(c, kind, s, c.regOp(d, s), c.rmRead(d, s));
                if (kind != 7) c.setRegOp(d, s, res);
                break;
            }
            default: {
                int res = AluOps.alu(c, kind, s, c.regS(EAX, s), d.imm);
                if (kind != 7) c.setRegS(EAX, s, res);
                break;
            }
        }
        c.eip = c.next(d);
    }

    private void group1(Insn d) {
        int s = (d.op & 1) == 0 ? 0 : d.osz();
        int imm = d.op == 0x83 ? (byte) d.imm : d.imm;
        int kind = d.reg;
        if (kind == 7) {
            AluOps.alu(c, 7, s, c.rmRead(d, s), imm);
            return;
        }
        int a = c.rmwAddr(d, s);
        int res = AluOps.alu(c, kind, s, c.rmwRead(d, a, s), imm);
        c.rmwWrite(d, a, s, res);
    }

    private void shiftGroup(Insn d) {
        int op = d.op;
        int s = (op & 1) == 0 ? 0 : d.osz();
        int count = op <= 0xC1 ? d.imm : op <= 0xD1 ? 1 : c.r[ECX];
        count &= 0x1F;
        int a = c.rmwAddr(d, s);
        int v = c.rmwRead(d, a, s);
        int res = AluOps.shift(c, d.reg, s, v, count);
        if (count != 0) {
            c.rmwWrite(d, a, s, res);
        }
    }

    private void group3(Insn d) {
        int s = d.op == 0xF6 ? 0 : d.osz();
        switch (d.reg) {
            case 0: case 1: AluOps.alu(c, 4, s, c.rmRead(d, s), d.imm); break;
            case 2: {
                int a = c.rmwAddr(d, s);
                c.rmwWrite(d, a, s, ~c.rmwRead(d, a, s));
                break;
            }
            case 3: {
                int a = c.rmwAddr(d, s);
                c.rmwWrite(d, a, s, AluOps.neg(c, s, c.rmwRead(d, a, s)));
                break;
            }
            case 4: case 5: {
                int src = c.rmRead(d, s);
                long p = d.reg == 4 ? AluOps.mul(c, s, c.r[EAX], src) : AluOps.imul(c, s, c.r[EAX], src);
                storeWide(s, p);
                break;
            }
            default: divide(d, s, d.reg == 7);
        }
    }

    private void storeWide(int s, long p) {
        switch (s) {
            case 0: c.setRegS(EAX, 1, (int) p); break;
            case 1: c.setRegS(EAX, 1, (int) p); c.setRegS(EDX, 1, (int) (p >>> 16)); break;
            default: c.r[EAX] = (int) p; c.r[EDX] = (int) (p >>> 32);
        }
    }

    private void divide(Insn d, int s, boolean signed) {
        long divisor = c.rmRead(d, s);
        long q, rem;
        if (s == 2) {
            long dividendLo = c.r[EAX] & 0xFFFFFFFFL, dividendHi = c.r[EDX] & 0xFFFFFFFFL;
            if (signed) {
                divisor = (int) divisor;
                if (divisor == 0) throw c.fault(Trap.DE, -1);
                long dividend = (dividendHi << 32) | dividendLo;
                if (dividend == Long.MIN_VALUE && divisor == -1) throw c.fault(Trap.DE, -1);
                q = dividend / divisor;
                rem = dividend % divisor;
                if (q != (int) q) throw c.fault(Trap.DE, -1);
            } else {
                divisor &= 0xFFFFFFFFL;
                if (divisor == 0) throw c.fault(Trap.DE, -1);
                if (dividendHi >= divisor) throw c.fault(Trap.DE, -1);
                long dividend = (dividendHi << 32) | dividendLo;
                q = Long.divideUnsigned(dividend, divisor);
                rem = Long.remainderUnsigned(dividend, divisor);
            }
            c.r[EAX] = (int) q;
            c.r[EDX] = (int) rem;
            return;
        }
        long dividend = s == 0 ? c.r[EAX] & 0xFFFF : ((c.r[EDX] & 0xFFFFL) << 16) | (c.r[EAX] & 0xFFFF);
        if (signed) {
            divisor = sext((int) divisor, s);
            dividend = s == 0 ? (short) dividend : (int) dividend;
        }
        if (divisor == 0) throw c.fault(Trap.DE, -1);
        q = dividend / divisor;
        rem = dividend % divisor;
        long lim = 1L << ((8 << s) - 1);
        if (signed ? q < -lim || q >= lim : q >= 2 * lim) throw c.fault(Trap.DE, -1);
        if (s == 0) {
            c.setRegS(EAX, 1, (int) (q & 0xFF) | (int) (rem & 0xFF) << 8);
        } else {
            c.setRegS(EAX, 1, (int) q);
            c.setRegS(EDX, 1, (int) rem);
        }
    }

    private Trap group45(Insn d) {
        int s = d.op == 0xFE ? 0 : d.osz();
        if (d.op == 0xFE && d.reg > 1) throw c.fault(Trap.UD, -1);
        switch (d.reg) {
            case 0: case 1: {
                int a = c.rmwAddr(d, s);
                int v = c.rmwRead(d, a, s);
                c.rmwWrite(d, a, s, d.reg == 0 ? AluOps.inc(c, s, v) : AluOps.dec(c, s, v));
                break;
            }
            case 2: ctl.callNear(d, c.rmRead(d, s)); return null;
            case 3: ctl.farIndirect(d, true); return null;
            case 4: c.jumpTo(c.rmRead(d, s), d.o32); return null;
            case 5: ctl.farIndirect(d, false); return null;
            case 6: c.push(c.rmRead(d, s), d.o32); break;
            default: throw c.fault(Trap.UD, -1);
        }
        c.eip = c.next(d);
        return null;
    }
}
