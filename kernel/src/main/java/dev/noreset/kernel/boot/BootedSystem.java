package dev.noreset.kernel.boot;

import dev.noreset.hw.machine.Machine;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;
import dev.noreset.kernel.trap.KernelObserver;
import dev.noreset.kernel.trap.TrapEntry;

import java.util.function.Consumer;

/**
 * A booted system: the kernel started on a {@link Machine} from a boot image, ready to run.
 * {@link #run} hands the machine the kernel's trap entry; the run stops when every process has
 * ended, when the virtual-time budget is used, or when nothing can ever happen again.
 */
public final class BootedSystem {
    private final Machine machine;
    private final TrapEntry entry;

    private BootedSystem(Machine machine, TrapEntry entry) {
        this.machine = machine;
        this.entry = entry;
    }

    public static BootedSystem boot(Machine machine, BootImage image, KernelObserver observer, Consumer<String> log)
            throws BootImageException {
        Boot.Hardware hw = new Boot.Hardware(machine.cpu(), machine.mmu(), machine.ram(), machine.io(), machine::now);
        TrapEntry entry = Boot.boot(hw, image, observer, log);
        BootedSystem s = new BootedSystem(machine, entry);
        entry.setStopWhen(s::allEnded);
        return s;
    }

    public Machine machine() {
        return machine;
    }

    public TrapEntry entry() {
        return entry;
    }

    public KernelGlue kernel() {
        return entry.kernel();
    }

    /** True when no process is alive. */
    public boolean allEnded() {
        for (int s = 0; s < Abi.NR_PROCS; s++) {
            if (kernel().core.isLive(s)) {
                return false;
            }
        }
        return true;
    }

    /** Runs for at most {@code budget} ticks of virtual time. */
    public Machine.Stop run(long budget) {
        return machine.run(entry, budget);
    }
}
