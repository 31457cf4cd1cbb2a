/**
 * The PC devices: 8259A interrupt controller pair, 8254 timer, 16550A UART, ATA PIO disk and CMOS
 * clock. Each is a register file on the I/O bus that drives IRQ lines, derives every delay from
 * virtual time (computed lazily, or as events the machine schedules through
 * {@link dev.noreset.hw.dev.TimedDevice}), and saves and restores its whole state.
 */
package dev.noreset.hw.dev;
