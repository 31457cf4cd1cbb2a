/**
 * The assembled PC ({@link dev.noreset.hw.machine.Machine}, built from a
 * {@link dev.noreset.hw.machine.MachineConfig}) and the interface through which it hands traps to
 * ring-0 software ({@link dev.noreset.hw.machine.TrapSink}).
 */
package dev.noreset.hw.machine;
