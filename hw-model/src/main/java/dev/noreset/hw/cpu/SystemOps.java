package dev.noreset.hw.cpu;

import static dev.noreset.hw.cpu.CpuCore.*;

import dev.noreset.hw.mmu.Mmu;

/**
 * Flags, I/O, privileged and identification instructions: PUSHF/POPF, CLI/STI, IN/OUT, HLT,
 * MOV to and from control and debug registers, the 0F 00 / 0F 01 groups, CPUID, RDTSC, MSRs.
 *
 * <p>At CPL 3 the privileged ones raise #GP(0); I/O and CLI/STI need IOPL = 3 (there is no TSS
 * I/O bitmap). The escape opcodes D8-DF raise #NM when CR0.EM is set (protected mode as set up by
 * {@link Cpu#enterUserMode}) and otherwise do nothing, like a 386 without a coprocessor.
 */
final class SystemOps {
    private final Cpu c;
    private int gdtLimit, gdtBase, idtLimit = 0x3FF, idtBase;
    private final int[] dr = new int[8];

    SystemOps(Cpu c) {
        this.c = c;
    }

    static boolean ioAllowed(CpuCore c) {
        return c.real || c.cpl <= ((c.fl & IOPL) >>> 12);
    }

    private void privileged() {
        if (c.cpl != 0) {
            throw c.fault(Trap.GP, 0);
        }
    }

    /** Loads flags as POPF/IRET do: IOPL only at CPL 0, IF only when CPL &lt;= IOPL, VM/RF never. */
    static void loadFlags(CpuCore c, int v, boolean o32) {
        int mask = CF | PF | AF | ZF | SF | TF | DF | OF | NT;
        if (o32) {
            mask |= AC | ID;
        }
        if (c.cpl == 0) {
            mask |= IOPL | IF;
        } else if (c.cpl <= ((c.fl & IOPL) >>> 12)) {
            mask |= IF;
        }
        c.materialize();
        c.fl = (c.fl & ~mask) | (v & mask);
        c.irqCheck = true;
    }

    void pushf(Insn d) {
        int f = c.flags() & ~(VM | RF);
        c.push(f, d.o32);
    }

    void popf(Insn d) {
        int v = c.peek(0, d.o32);
        c.drop(d.o32 ? 4 : 2);
        loadFlags(c, v, d.o32);
    }

    void cliSti(Insn d) {
        if (!ioAllowed(c)) {
            throw c.fault(Trap.GP, 0);
        }
        c.irqCheck = true;
        if (d.op == 0xFA) {
            c.fl &= ~IF;
        } else {
            if ((c.fl & IF) == 0) {
                c.irqShadow = true;
            }
            c.fl |= IF;
        }
    }

    void inOut(Insn d) {
        if (!ioAllowed(c)) {
            throw c.fault(Trap.GP, 0);
        }
        c.irqCheck = true;
        int op = d.op;
        int port = op >= 0xEC ? c.r[EDX] & 0xFFFF : d.imm & 0xFF;
        int s = (op & 1) == 0 ? 0 : d.osz();
        int n = CpuOperands.BYTES[s];
        if ((op & 2) == 0) {
            c.setRegS(EAX, s, c.io.in(port, n));
        } else {
            c.io.out(port, n, c.regS(EAX, s));
        }
    }

    Trap hlt(Insn d) {
        privileged();
        c.eip = c.next(d);
        c.halted = true;
        return new Trap(Trap.Kind.HALT, 0, -1, 0);
    }

    /** Memory operand sizes of the escape opcodes' most common forms (D8..DF), for the limit check. */
    private static final int[] ESC_BYTES = {4, 4, 4, 4, 8, 8, 2, 2};

    void escape(Insn d) {
        if ((c.mmu.cr0() & 4) != 0) {
            throw c.fault(Trap.NM, -1);
        }
        if (d.mem && c.real) {
            // No coprocessor answers, but the operand's segment limit is still checked (#GP(0)).
            c.lin(d.seg, c.ea(d), ESC_BYTES[d.op & 7]);
        }
    }

    void arpl(Insn d) {
        if (c.real) {
            throw c.fault(Trap.UD, -1);
        }
        int dst = c.rmRead(d, 1); // ARPL reads, and writes only when the RPL changes
        int src = c.regOp(d, 1);
        if ((dst & 3) < (src & 3)) {
            c.rmWrite(d, 1, (dst & ~3) | (src & 3));
            c.setFlagBits(ZF, ZF);
        } else {
            c.setFlagBits(ZF, 0);
        }
    }

    void cpuid() {
        int leaf = c.r[EAX];
        switch (leaf) {
            case 0:
                c.r[EAX] = 1;
                c.r[EBX] = 0x65726F6E; // "noreset i386" in EBX, EDX, ECX
                c.r[EDX] = 0x20746573;
                c.r[ECX] = 0x36383369;
                break;
            case 1:
                c.r[EAX] = 0x600;               // family 6: CMOV is present
                c.r[EBX] = 0;
                c.r[ECX] = 0;
                c.r[EDX] = (1 << 4) | (1 << 8) | (1 << 15); // TSC, CX8, CMOV; no FPU
                break;
            default:
                c.r[EAX] = 0;
                c.r[EBX] = 0;
                c.r[ECX] = 0;
                c.r[EDX] = 0;
        }
    }

    void rdtsc() {
        long t = c.tsc();
        c.r[EAX] = (int) t;
        c.r[EDX] = (int) (t >>> 32);
    }

    /** MOV r32, CRn / DRn (0F 20, 0F 21) and MOV CRn / DRn, r32 (0F 22, 0F 23). */
    void movControl(Insn d) {
        privileged();
        c.invalidateCode(0, 0); // a CR0/CR3 change can remap the code page a fast loop holds
        int n = d.reg;
        switch (d.op) {
            case 0x120:
                switch (n) {
                    case 0: c.r[d.rm] = c.mmu.cr0(); break;
                    case 2: c.r[d.rm] = c.mmu.cr2(); break;
                    case 3: c.r[d.rm] = c.mmu.cr3(); break;
                    case 4: c.r[d.rm] = 0; break;
                    default: throw c.fault(Trap.UD, -1);
                }
                break;
            case 0x122: {
                int v = c.r[d.rm];
                switch (n) {
                    case 0:
                        // Mode switches are made through Cpu's API; PE and PG follow the current mode.
                        int keep = Mmu.CR0_PE;
                        if (c.real) {
                            v &= ~(Mmu.CR0_PG);
                        }
                        c.mmu.setCr0((v & ~keep) | (c.mmu.cr0() & keep));
                        c.irqCheck = true; // paging may have been switched: leave the fast loop
                        break;
                    case 2: c.mmu.setCr2(v); break;
                    case 3:
                        c.mmu.setCr3(v);
                        c.irqCheck = true; // the fast loop in Cpu holds the old mapping of this code page
                        break;
                    case 4:
                        if (v != 0) throw c.fault(Trap.GP, 0); // no CR4 features
                        break;
                    default: throw c.fault(Trap.UD, -1);
                }
                break;
            }
            case 0x121:
                c.r[d.rm] = dr[n];
                break;
            default:
                dr[n] = c.r[d.rm];
        }
    }

    /** 0F 00: SLDT, STR, LLDT, LTR, VERR, VERW (protected mode only). */
    void group6(Insn d) {
        if (c.real) {
            throw c.fault(Trap.UD, -1);
        }
        switch (d.reg) {
            case 0: case 1: c.rmWrite(d, d.mem ? 1 : d.osz(), 0); break;
            case 2: case 3: privileged(); c.rmRead(d, 1); throw c.fault(Trap.GP, 0);
            case 4: case 5: {
                int s = c.rmRead(d, 1) & 0xFFFC;
                boolean readable = s == 0x18 || s == 0x20 || c.cpl == 0 && (s == 0x08 || s == 0x10);
                boolean writable = s == 0x20 || c.cpl == 0 && s == 0x10;
                c.setFlagBits(ZF, (d.reg == 4 ? readable : writable) ? ZF : 0);
                break;
            }
            default: throw c.fault(Trap.UD, -1);
        }
    }

    /** 0F 01: SGDT, SIDT, LGDT, LIDT, SMSW, LMSW, INVLPG. */
    void group7(Insn d) {
        switch (d.reg) {
            case 0: case 1: {
                if (!d.mem) throw c.fault(Trap.UD, -1);
                int a = c.opLin(d, 0, 6);
                c.probeWrite(a, 6);
                c.wr16(a, d.reg == 0 ? gdtLimit : idtLimit);
                c.wr32(a + 2, d.reg == 0 ? gdtBase : idtBase);
                break;
            }
            case 2: case 3: {
                if (!d.mem) throw c.fault(Trap.UD, -1);
                privileged();
                int limit = c.rd16(c.opLin(d, 0, 2));
                int b = c.rd32(c.opLin(d, 2, 4));
                if (!d.o32) b &= 0xFFFFFF;
                if (d.reg == 2) { gdtLimit = limit; gdtBase = b; } else { idtLimit = limit; idtBase = b; }
                break;
            }
            case 4: c.rmWrite(d, d.mem ? 1 : d.osz(), c.mmu.cr0() & (d.mem || !d.o32 ? 0xFFFF : -1)); break;
            case 6: {
                privileged();
                int v = c.rmRead(d, 1);
                // LMSW can set MP, EM, TS; mode switches go through Cpu's API, so PE is left as it is.
                c.mmu.setCr0((c.mmu.cr0() & ~0xE) | (v & 0xE));
                c.invalidateCode(0, 0);
                break;
            }
            case 7:
                if (!d.mem) throw c.fault(Trap.UD, -1);
                privileged();
                c.mmu.invlpg(c.base[d.seg] + c.ea(d));
                c.invalidateCode(0, 0);
                break;
            default: throw c.fault(Trap.UD, -1);
        }
    }

    /** LAR / LSL (0F 02 / 0F 03) against the fixed descriptor table. */
    void larLsl(Insn d) {
        if (c.real) {
            throw c.fault(Trap.UD, -1);
        }
        int s = c.rmRead(d, 1) & 0xFFFF;
        int idx = s & 0xFFFC;
        int rpl = s & 3;
        int dpl = idx == 0x18 || idx == 0x20 ? 3 : 0;
        boolean valid = (idx == 0x08 || idx == 0x10 || idx == 0x18 || idx == 0x20) && dpl >= Math.max(c.cpl, rpl);
        if (!valid) {
            c.setFlagBits(ZF, 0);
            return;
        }
        int v;
        if (d.op == 0x103) {
            v = -1; // flat: limit 4 GiB - 1
        } else {
            boolean code = idx == 0x08 || idx == 0x18;
            int type = code ? 0xA : 0x2; // execute/read or read/write data
            v = (1 << 15) | (dpl << 13) | (1 << 12) | (type << 8) | 0xC00000 | 0xF0000;
            v |= 0x100; // accessed
        }
        c.setRegOp(d, d.osz(), v);
        c.setFlagBits(ZF, ZF);
    }

    /** CLTS, INVD, WBINVD, WRMSR, RDMSR, RDPMC: privileged, no modelled effect beyond CR0.TS. */
    void privilegedMisc(Insn d) {
        if (d.op == 0x133) {
            throw c.fault(Trap.GP, 0);
        }
        privileged();
        if (d.op == 0x106) {
            c.mmu.setCr0(c.mmu.cr0() & ~8);
        } else if (d.op == 0x130 || d.op == 0x132) {
            throw c.fault(Trap.GP, 0); // no MSRs are implemented
        }
    }
}
