package dev.noreset.hw.cpu;

import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;

/**
 * A CPU with 4 MiB of RAM for tests: flat 32-bit user mode without paging by default, code
 * placed at {@link #CODE}, stack top at {@link #STACK}. {@link #enablePaging} builds an identity
 * map of the first 4 MiB with user read/write pages, which tests then modify.
 */
final class TestMachine {
    static final int CODE = 0x1000, STACK = 0x80000, DATA = 0x40000, PD = 0x300000, PT = 0x301000;

    final PhysicalMemory ram = new PhysicalMemory(4 << 20);
    final Mmu mmu = new Mmu(ram);
    final Cpu cpu;

    TestMachine() {
        this(IoSpace.NONE);
    }

    TestMachine(IoSpace io) {
        cpu = new Cpu(ram, mmu, io);
        cpu.enterUserMode();
        cpu.setEip(CODE);
        cpu.setReg(Cpu.ESP, STACK);
        cpu.setEflags(0x202);
    }

    /** Places code bytes (given as ints for readability) at {@link #CODE}. */
    TestMachine code(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) bytes[i];
        ram.load(CODE, b, 0, b.length);
        return this;
    }

    /** Identity-maps the first 4 MiB with P|RW|US and turns paging on. */
    TestMachine enablePaging() {
        ram.write32(PD, PT | 7);
        for (int i = 0; i < 1024; i++) {
            ram.write32(PT + 4 * i, (i << 12) | 7);
        }
        mmu.setCr3(PD);
        mmu.setCr0(mmu.cr0() | Mmu.CR0_PG | Mmu.CR0_PE);
        return this;
    }

    void mapPage(int linear, int pte) {
        ram.write32(PT + 4 * ((linear >>> 12) & 0x3FF), pte);
        mmu.invlpg(linear);
    }

    /** Steps until a trap, at most {@code max} instructions; returns the trap or null. */
    Trap run(int max) {
        return cpu.run(max);
    }

    Trap step() {
        return cpu.step();
    }
}
