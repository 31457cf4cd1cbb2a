package dev.noreset.kernel.trap;

import dev.noreset.hw.cpu.Trap;
import dev.noreset.hw.machine.Machine;
import dev.noreset.hw.machine.TrapSink;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.kcall.KernelCalls;

/**
 * The kernel's entry from the emulated CPU: save the trapped context, handle the trap (IPC or
 * kernel call, exception, interrupt), then resume whichever process the scheduler picks. Never
 * throws: an unexpected Java exception in a handler kills the process that caused it (it is
 * reported as a kernel bug on the log) rather than escaping into the machine.
 */
public final class TrapEntry implements TrapSink {
    private final KernelGlue k;
    private final IpcTrap ipc;
    private final Clock clock;
    private long traps;
    private String internalError;
    /** The slot {@link #schedule} is resuming, for error reports. */
    private int resuming = -1;
    private java.util.function.BooleanSupplier stopWhen = () -> false;
    /** {@link KernelGlue#deaths} when {@link #stopWhen} was last asked; -1 = never asked. */
    private long deathsAsked = -1;

    public TrapEntry(KernelGlue k) {
        this.k = k;
        this.ipc = new IpcTrap(k, new KernelCalls());
        this.clock = new Clock(k);
    }

    public KernelGlue kernel() {
        return k;
    }

    public long traps() {
        return traps;
    }

    /** Null, or the first internal error caught (a kernel bug; the run's results are suspect). */
    public String internalError() {
        return internalError;
    }

    /**
     * After the first trap, and after each trap in which a process ended, {@code stop} is asked
     * whether the machine should stop running (so it should depend only on which processes
     * are alive: asking after every trap cost a scan per IPC).
     */
    public void setStopWhen(java.util.function.BooleanSupplier stop) {
        stopWhen = stop == null ? () -> false : stop;
        deathsAsked = -1;
    }

    @Override
    public void onTrap(Machine machine, Trap trap) {
        handle(trap);
        if (machine != null && k.deaths != deathsAsked) {
            deathsAsked = k.deaths;
            if (stopWhen.getAsBoolean()) {
                machine.requestStop();
            }
        }
    }

    /** Handles one trap and leaves the next context (or idle) on the CPU. */
    public void handle(Trap trap) {
        traps++;
        int cur = k.current;
        try {
            if (cur >= 0) {
                k.ctx.save(k.cpu, cur);
            }
            switch (trap.kind()) {
                case SOFTWARE_INTERRUPT -> {
                    if (cur < 0) {
                        break;
                    }
                    if (trap.vector() == Abi.IPC_VECTOR) {
                        ipc.handle(cur);
                    } else {
                        // INT n through a gate user code may not use: #GP, as on hardware.
                        k.kill(cur, Trap.GP, (trap.vector() << 3) | 2);
                    }
                }
                case EXCEPTION -> {
                    if (cur >= 0) {
                        k.kill(cur, trap.vector(), trap.vector() == Trap.PF ? trap.cr2() : trap.errorCode());
                    }
                }
                case INTERRUPT -> interrupt(trap.vector());
                case HALT -> {
                    if (cur >= 0) {
                        k.kill(cur, Trap.GP, 0);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (internalError == null) {
                internalError = e.toString();
            }
            k.log("kernel: internal error " + e + " while handling " + trap + "; ending the process");
            safeKill(cur);
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                schedule();
                return;
            } catch (RuntimeException e) {
                // Never into the machine: note the bug and end the process being resumed.
                if (internalError == null) {
                    internalError = e.toString();
                }
                k.log("kernel: internal error " + e + " while resuming slot " + resuming + "; ending it");
                safeKill(resuming);
            }
        }
        // Still failing: leave nothing of a user context on the CPU.
        k.current = -1;
        IdleContext.enter(k.cpu, k.mmu);
        k.idling = true;
    }

    /** Ends {@code slot} after an internal error; a second failure there is only logged. */
    private void safeKill(int slot) {
        try {
            if (slot >= 0 && k.core.isLive(slot)) {
                k.kill(slot, Trap.GP, 0);
            }
        } catch (RuntimeException e) {
            k.log("kernel: could not end slot " + slot + " cleanly: " + e);
        }
    }

    private void interrupt(int vector) {
        int line = IrqTable.lineOf(vector);
        if (line < 0) {
            return;
        }
        k.observer().irq(line);
        if (line == IrqTable.TIMER) {
            k.irqs.eoi(line);
            clock.tick();
            return;
        }
        // Mask first, then EOI: the line stays quiet until its driver acknowledges.
        k.irqs.setMasked(line, true);
        k.irqs.eoi(line);
        int owner = k.irqs.owner(line);
        int slot = owner == Abi.NONE ? -1 : k.core.slotOf(owner);
        if (slot >= 0) {
            k.irqs.markPending(slot, line);
            k.core.notifyFromKernel(slot, Abi.HARDWARE);
        }
    }

    /**
     * Picks the next process, delivers its pending IPC result and loads its context; with
     * nothing runnable the CPU is left idle ({@link #idle()} is true).
     */
    public void schedule() {
        int next = k.core.pickNext();
        if (next < 0 || !k.core.isLive(next) || k.spaces.pageDir(next) == 0) {
            k.current = -1;
            if (!k.idling) {
                // Entering idle resets the CPU's halt state, so only do it once per idle period.
                IdleContext.enter(k.cpu, k.mmu);
                k.idling = true;
            }
            return;
        }
        resuming = next;
        if (k.idling) {
            k.cpu.enterUserMode();
            k.idling = false;
            k.forceCr3 = true;
        }
        Completions.deliver(k, next);
        k.ctx.restore(k.cpu, k.mmu, next, k.spaces.pageDir(next), k.forceCr3);
        k.forceCr3 = false;
        k.current = next;
    }

    /** True when no process is on the CPU (the machine should wait for an interrupt). */
    public boolean idle() {
        return k.current < 0;
    }
}
