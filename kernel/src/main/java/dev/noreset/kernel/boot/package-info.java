/**
 * Boot: the boot image (an ordered table of programs with their privileges, read from
 * userland/images/*.image), the ELF32 loader that builds a process's memory image and stack, and
 * {@link dev.noreset.kernel.boot.BootedSystem}, the kernel started on a Machine.
 */
package dev.noreset.kernel.boot;
