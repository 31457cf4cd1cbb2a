package dev.noreset.hw.cpu;

import static dev.noreset.hw.cpu.OpcodeTable.*;

/**
 * Decodes the instruction at CS:EIP into an {@link Insn}, driven by {@link OpcodeTable}. Fetches
 * go through the MMU like data reads (so a fetch can #PF), and an instruction longer than 15
 * bytes raises #GP(0) as on the 386. The decoder changes no architectural state.
 */
final class Decoder {
    private static final int MAX_LEN = 15;

    private final CpuCore cpu;
    private int pos;   // offset in CS of the next byte
    private int count; // bytes fetched so far
    private int pageLin = -1, pagePhys;

    Decoder(CpuCore cpu) {
        this.cpu = cpu;
    }

    /** Forgets the cached fetch translation (after a TLB flush or a mode change). */
    void reset() {
        pageLin = -1;
    }

    private int fetch8() {
        if (count == MAX_LEN) {
            throw cpu.fault(Trap.GP, 0);
        }
        int off = pos;
        if (cpu.real && Integer.compareUnsigned(off, 0xFFFF) > 0) {
            cpu.wrapFault = count > 0;
            throw cpu.fault(Trap.GP, 0);
        }
        int lin = cpu.base[CpuCore.CS] + off;
        int page = lin & 0xFFFFF000;
        if (page != pageLin) {
            pagePhys = cpu.pa(lin, false) & 0xFFFFF000;
            pageLin = page;
        }
        pos++;
        count++;
        return cpu.ram.read8(pagePhys | (lin & 0xFFF));
    }

    private int fetch16() {
        int lo = fetch8();
        return lo | fetch8() << 8;
    }

    private int fetch32() {
        int lo = fetch16();
        return lo | fetch16() << 16;
    }

    void decode(Insn d) {
        // The fetch translation is re-validated per instruction: a TLB flush may have happened.
        pageLin = -1;
        pos = cpu.eip;
        count = 0;
        boolean code32 = cpu.code32;
        boolean o32 = code32, a32 = code32, lock = false;
        int rep = 0, segOvr = -1;
        int b;
        prefixes:
        for (;;) {
            b = fetch8();
            switch (b) {
                case 0x26: segOvr = CpuCore.ES; break;
                case 0x2E: segOvr = CpuCore.CS; break;
                case 0x36: segOvr = CpuCore.SS; break;
                case 0x3E: segOvr = CpuCore.DS; break;
                case 0x64: segOvr = CpuCore.FS; break;
                case 0x65: segOvr = CpuCore.GS; break;
                case 0x66: o32 = !code32; break;
                case 0x67: a32 = !code32; break;
                case 0xF0: lock = true; break;
                case 0xF2: case 0xF3: rep = b; break;
                default: break prefixes;
            }
        }
        int op = b == 0x0F ? 0x100 | fetch8() : b;
        int attr = ATTR[op];
        if ((attr & UD) != 0) {
            throw cpu.fault(Trap.UD, -1);
        }
        d.op = op;
        d.o32 = o32;
        d.a32 = a32;
        d.lock = lock;
        d.rep = rep;
        d.segOvr = segOvr;
        d.mem = false;
        d.seg = segOvr >= 0 ? segOvr : CpuCore.DS;
        if ((attr & MODRM) != 0) {
            modrm(d, a32, segOvr);
        }
        switch (attr & IMM_MASK) {
            case I_B: d.imm = fetch8(); break;
            case I_W: d.imm = fetch16(); break;
            case I_Z: d.imm = o32 ? fetch32() : fetch16(); break;
            case I_WB: d.imm = fetch16(); d.imm2 = fetch8(); break;
            case I_AP: d.imm = o32 ? fetch32() : fetch16(); d.imm2 = fetch16(); break;
            case I_MO: d.disp = a32 ? fetch32() : fetch16(); break;
            case I_GRP3:
                if (d.reg < 2) {
                    d.imm = op == 0xF6 ? fetch8() : o32 ? fetch32() : fetch16();
                }
                break;
            default: break;
        }
        d.len = count;
        d.fast = FastPath.classify(d);
        d.blockEnd = BlockCompiler.role(d) != BlockCompiler.STRAIGHT;
        if (lock && (!d.mem || !lockAllowed(op, d.reg))) {
            cpu.lockFault = true;
            throw cpu.fault(Trap.UD, -1);
        }
    }

    private void modrm(Insn d, boolean a32, int segOvr) {
        int m = fetch8();
        int mod = m >>> 6, reg = (m >>> 3) & 7, rm = m & 7;
        d.mod = mod;
        d.reg = reg;
        d.rm = rm;
        if (mod == 3) {
            return;
        }
        d.mem = true;
        int seg = CpuCore.DS;
        int base = -1, index = -1, scale = 0, disp = 0;
        if (!a32) {
            switch (rm) {
                case 0: base = CpuCore.EBX; index = CpuCore.ESI; break;
                case 1: base = CpuCore.EBX; index = CpuCore.EDI; break;
                case 2: base = CpuCore.EBP; index = CpuCore.ESI; seg = CpuCore.SS; break;
                case 3: base = CpuCore.EBP; index = CpuCore.EDI; seg = CpuCore.SS; break;
                case 4: base = CpuCore.ESI; break;
                case 5: base = CpuCore.EDI; break;
                case 6:
                    if (mod != 0) {
                        base = CpuCore.EBP;
                        seg = CpuCore.SS;
                    }
                    break;
                default: base = CpuCore.EBX; break;
            }
            if (mod == 0 && rm == 6 || mod == 2) {
                disp = (short) fetch16();
            } else if (mod == 1) {
                disp = (byte) fetch8();
            }
        } else {
            if (rm == 4) {
                int sib = fetch8();
                scale = sib >>> 6;
                int idx = (sib >>> 3) & 7;
                index = idx == 4 ? -1 : idx;
                int bs = sib & 7;
                if (bs == 5 && mod == 0) {
                    disp = fetch32();
                } else {
                    base = bs;
                    if (bs == CpuCore.ESP || bs == CpuCore.EBP) {
                        seg = CpuCore.SS;
                    }
                }
            } else if (rm == 5 && mod == 0) {
                disp = fetch32();
            } else {
                base = rm;
                if (rm == CpuCore.EBP) {
                    seg = CpuCore.SS;
                }
            }
            if (mod == 1) {
                disp = (byte) fetch8();
            } else if (mod == 2) {
                disp = fetch32();
            }
        }
        d.base = base;
        d.index = index;
        d.scale = scale;
        d.disp = disp;
        d.seg = segOvr >= 0 ? segOvr : seg;
    }
}
