package dev.noreset.hw.machine;

import dev.noreset.hw.cpu.Trap;

/**
 * The one interface through which the machine hands control to its ring-0 software (the noreset
 * kernel, or a test harness). The sink inspects and changes architected state (registers, CR3,
 * page tables in RAM, device ports) and returns; the machine then resumes whatever context the
 * CPU holds.
 */
public interface TrapSink {
    /** Called when guest execution stops for {@code trap}. Must not throw. */
    void onTrap(Machine machine, Trap trap);
}
