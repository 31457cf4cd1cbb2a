/**
 * The PC's I/O side as devices see it: the port space ({@link dev.noreset.hw.bus.IoBus}), interrupt
 * request wires ({@link dev.noreset.hw.bus.IrqLine}) and virtual time
 * ({@link dev.noreset.hw.bus.VirtualClock}). A device gets these three and nothing else: it never
 * sees the CPU, RAM or another device.
 */
package dev.noreset.hw.bus;
