package dev.noreset.hw.machine;

import dev.noreset.hw.cpu.Trap;

/**
 * The one interface through which the machine hands control to its ring-0 software (the noreset
 * kernel, or a test harness). The sink inspects and changes architected state (registers, CR3,
 * page tables in RAM, device ports through {@link Machine#io()}) and returns; the machine then
 * resumes whatever context the CPU holds. Devices are reached only through their ports: the
 * machine re-reads the device schedule after a port access, not after every trap, so a device
 * changed behind the bus's back would keep a stale next event.
 *
 * <p>Virtual time stands still while the sink runs: ring-0 work costs no guest time, so a sink
 * must never busy-wait for a device (a disk that is BSY stays BSY until guest time passes).
 * Start the device, return to guest code, and finish on the device's interrupt; when nothing is
 * runnable, call {@link Machine#idleUntilInterrupt(long)}. For {@link Trap.Kind#INTERRUPT} the
 * PIC has already done the INTA cycle (the level is in service until the sink sends EOI). A
 * {@link Trap.Kind#HALT} left in place (the CPU still halted on return) makes the machine idle
 * until an interrupt can be taken.
 */
public interface TrapSink {
    /** Called when guest execution stops for {@code trap}. Must not throw. */
    void onTrap(Machine machine, Trap trap);
}
