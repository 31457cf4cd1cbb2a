package dev.noreset.kernel.boot;

import dev.noreset.hw.loader.Elf32;
import dev.noreset.hw.machine.Machine;
import dev.noreset.hw.machine.MachineConfig;
import dev.noreset.kernel.trap.KernelObserver;
import dev.noreset.kernel.trap.TrapEntry;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * The boot fixture of the glue tests: a fresh 8 MiB machine whose processes all run the same
 * two-byte spin loop at {@link #CODE} with {@code dataPages} pages of data at {@link #DATA}.
 * A test then injects traps as if the process on the CPU had executed {@code int 0x80}.
 */
public final class TestBoot {
    public static final int CODE = 0x400000;
    public static final int DATA = 0x401000;

    private TestBoot() { }

    /** Boots {@code entries} in order; returns the trap entry of the booted kernel. */
    public static TrapEntry boot(int dataPages, BootEntry... entries) throws Exception {
        Machine m = Machine.create(MachineConfig.defaults().withRamBytes(8 << 20));
        Elf32 elf = Elf32.parse(TinyElf.build(CODE, new byte[] {(byte) 0xEB, (byte) 0xFE}, DATA, dataPages));
        Boot.Hardware hw = new Boot.Hardware(m.cpu(), m.mmu(), m.ram(), m.io(), m::now);
        return Boot.boot(hw, BootImage.of(List.of(entries)), Collections.nCopies(entries.length, elf),
                KernelObserver.NONE, s -> { });
    }

    /** A boot entry with no signal manager, no calls, ports or IRQs: priority {@code prio}, quantum 100. */
    public static BootEntry plain(String name, int prio) {
        return new BootEntry(name, Path.of(name), null, null, 0, List.of(), 0, prio, 100, List.of());
    }
}
