package dev.noreset.kernel.trap;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.mmu.Mmu;
import dev.noreset.kernel.core.Abi;

/**
 * The saved user context of every process slot: the eight general registers, EIP and EFLAGS,
 * and the page directory its CR3 gets. A process's context is saved when it traps and restored
 * when it is resumed; while it is blocked, its saved registers still hold the arguments of the
 * IPC it is blocked in (ECX = its message buffer), which is where its reply is delivered.
 */
public final class Contexts {
    /** User EFLAGS: IF set (interrupts reach the kernel while user code runs), IOPL 0, bit 1 fixed. */
    public static final int USER_EFLAGS = 0x202;
    /** Flags user code may change; IOPL, VM, NT and the like stay as the kernel set them. */
    private static final int USER_FLAG_MASK = 0x0000_0CD5 | 0x0000_0100 | 0x0004_0000;

    /** Slot s's general registers are regs[8 * s .. 8 * s + 7] (one array: one load less per access). */
    private final int[] regs = new int[Abi.NR_PROCS * 8];
    private final int[] eip = new int[Abi.NR_PROCS];
    private final int[] eflags = new int[Abi.NR_PROCS];

    public int reg(int slot, int r) {
        return regs[8 * slot + java.util.Objects.checkIndex(r, 8)];
    }

    public void setReg(int slot, int r, int v) {
        regs[8 * slot + java.util.Objects.checkIndex(r, 8)] = v;
    }

    public int eip(int slot) {
        return eip[slot];
    }

    public int eflags(int slot) {
        return eflags[slot];
    }

    /** A fresh context: all registers zero, execution at {@code entry} with stack {@code esp}. */
    public void init(int slot, int entry, int esp) {
        java.util.Arrays.fill(regs, 8 * slot, 8 * slot + 8, 0);
        regs[8 * slot + Cpu.ESP] = esp;
        eip[slot] = entry;
        eflags[slot] = USER_EFLAGS;
    }

    /** Copies {@code from}'s context to {@code to} (fork). */
    public void copy(int from, int to) {
        System.arraycopy(regs, 8 * from, regs, 8 * to, 8);
        eip[to] = eip[from];
        eflags[to] = eflags[from];
    }

    /** Saves the CPU's user state into {@code slot}. */
    public void save(Cpu cpu, int slot) {
        int[] r = regs;
        int b = 8 * slot;
        for (int i = 0; i < 8; i++) {
            r[b + i] = cpu.reg(i);
        }
        eip[slot] = cpu.eip();
        eflags[slot] = cpu.eflags();
    }

    /**
     * Loads {@code slot}'s state into the CPU. CR3 is loaded (flushing the TLB) when
     * {@code pageDir} differs from the current CR3 or {@code forceCr3} is set.
     */
    public void restore(Cpu cpu, Mmu mmu, int slot, int pageDir, boolean forceCr3) {
        int[] r = regs;
        int b = 8 * slot;
        for (int i = 0; i < 8; i++) {
            cpu.setReg(i, r[b + i]);
        }
        cpu.setEip(eip[slot]);
        cpu.setEflags((eflags[slot] & USER_FLAG_MASK) | USER_EFLAGS);
        if (forceCr3 || mmu.cr3() != pageDir) {
            mmu.setCr3(pageDir);
        }
    }
}
