/**
 * The kernel's entry from the emulated CPU, one layer per file (as in xv6): {@link
 * dev.noreset.kernel.trap.TrapEntry} (save the context, dispatch on the trap kind, schedule),
 * {@link dev.noreset.kernel.trap.IpcTrap} (decode {@code int 0x80}, move the message, call the
 * core's IPC operation or the kernel-call dispatcher), {@link dev.noreset.kernel.trap.Completions}
 * (deliver what the core finished when the process runs again), {@link
 * dev.noreset.kernel.trap.Clock} (quanta and alarms), {@link dev.noreset.kernel.trap.IrqTable}
 * (the PIC and IRQ ownership), {@link dev.noreset.kernel.trap.IdleContext} (the CPU's idle loop)
 * and {@link dev.noreset.kernel.trap.Contexts} (saved registers). {@link
 * dev.noreset.kernel.trap.KernelGlue} holds the hardware, the core (through {@link
 * dev.noreset.kernel.trap.CorePort}) and the glue's per-process state; {@link
 * dev.noreset.kernel.trap.HostileCaller} and {@link dev.noreset.kernel.trap.Invariants} are the
 * hostile-caller campaign and the checks it makes.
 */
package dev.noreset.kernel.trap;
