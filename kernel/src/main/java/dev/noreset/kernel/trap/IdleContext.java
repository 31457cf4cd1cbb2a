package dev.noreset.kernel.trap;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;

/**
 * What the CPU runs when no process is runnable (MINIX's IDLE): {@code sti; hlt; jmp} at CPL 0
 * in an address space of its own, built in kernel frames no process can map. The CPU halts, the
 * machine skips virtual time to the next device event, and the interrupt comes back to the
 * kernel as a trap like any other.
 */
final class IdleContext {
    /** Physical frames of the idle address space; all lie below Boot.FIRST_USER_FRAME. */
    static final int PAGE_DIR = 0x1000, PAGE_TABLE = 0x2000, CODE = 0x3000;
    /** Kernel frames 0..3: frame 0 stays unused so physical address 0 is never handed out. */
    static final int KERNEL_FRAMES = 4;
    private static final int CODE_VA = 0x1000;
    private static final byte[] IDLE_LOOP = {(byte) 0xFB, (byte) 0xF4, (byte) 0xEB, (byte) 0xFC};

    private IdleContext() { }

    static void build(PhysicalMemory ram) {
        ram.fill(PAGE_DIR, 0x3000, 0);
        ram.write32(PAGE_DIR, PAGE_TABLE | Mmu.PTE_P | Mmu.PTE_RW);
        ram.write32(PAGE_TABLE + (CODE_VA >>> 12) * 4, CODE | Mmu.PTE_P);
        ram.load(CODE, IDLE_LOOP, 0, IDLE_LOOP.length);
    }

    static void enter(Cpu cpu, Mmu mmu) {
        cpu.setProtectedFlat(0);
        for (int r = 0; r < 8; r++) {
            cpu.setReg(r, 0);
        }
        cpu.setEip(CODE_VA);
        cpu.setEflags(Contexts.USER_EFLAGS);
        mmu.setCr3(PAGE_DIR);
    }
}
