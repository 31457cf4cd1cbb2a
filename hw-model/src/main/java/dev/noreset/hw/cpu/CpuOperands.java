package dev.noreset.hw.cpu;

import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;

/**
 * Operand access for decoded instructions: effective addresses and the ModRM r/m operand as a
 * register or memory location. Read-modify-write forms translate for writing before they read,
 * so a read-only page faults with the write bit set and nothing is changed.
 */
abstract class CpuOperands extends CpuCore {
    static final int[] BYTES = {1, 2, 4};

    CpuOperands(PhysicalMemory ram, Mmu mmu, IoSpace io) {
        super(ram, mmu, io);
    }

    /** The offset part of the memory operand (wrapped to 16 bits for 16-bit addressing). */
    final int ea(Insn d) {
        int a = d.disp;
        if (d.base >= 0) {
            a += r[d.base];
        }
        if (d.index >= 0) {
            a += r[d.index] << d.scale;
        }
        return d.a32 ? a : a & 0xFFFF;
    }

    /** Linear address of the memory operand plus {@code extra} bytes, for an access of {@code bytes}. */
    final int opLin(Insn d, int extra, int bytes) {
        int off = ea(d) + extra;
        if (!d.a32) {
            off &= 0xFFFF;
        }
        return lin(d.seg, off, bytes);
    }

    final int rmRead(Insn d, int size) {
        if (!d.mem) {
            return regS(d.rm, size);
        }
        return rd(opLin(d, 0, BYTES[size]), size);
    }

    final void rmWrite(Insn d, int size, int v) {
        if (!d.mem) {
            setRegS(d.rm, size, v);
        } else {
            wr(opLin(d, 0, BYTES[size]), size, v);
        }
    }

    /** For read-modify-write: the linear address, already checked for writing; -1 for a register. */
    final int rmwAddr(Insn d, int size) {
        if (!d.mem) {
            return -1;
        }
        int a = opLin(d, 0, BYTES[size]);
        probeWrite(a, BYTES[size]);
        return a;
    }

    final int rmwRead(Insn d, int addr, int size) {
        return addr == -1 && !d.mem ? regS(d.rm, size) : rd(addr, size);
    }

    final void rmwWrite(Insn d, int addr, int size, int v) {
        if (!d.mem) {
            setRegS(d.rm, size, v);
        } else {
            wr(addr, size, v);
        }
    }

    final int regOp(Insn d, int size) {
        return regS(d.reg, size);
    }

    final void setRegOp(Insn d, int size, int v) {
        setRegS(d.reg, size, v);
    }

    /** Next EIP after this instruction (16-bit code keeps EIP within 64 KiB only on jumps). */
    final int next(Insn d) {
        return eip + d.len;
    }

    /** Sets EIP to a branch target, truncated to 16 bits for a 16-bit operand size. */
    final void jumpTo(int target, boolean o32) {
        eip = o32 ? target : target & 0xFFFF;
    }
}
