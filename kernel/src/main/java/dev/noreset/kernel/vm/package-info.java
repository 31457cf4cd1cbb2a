/**
 * Memory as the hardware sees it: real i386 page tables written into emulated RAM from the
 * core's address-space state ({@link dev.noreset.kernel.vm.AddressSpaces}, {@link
 * dev.noreset.kernel.vm.PageTableWriter}), and every kernel access to user memory through a walk
 * of those tables with the CPU's user-access checks ({@link dev.noreset.kernel.vm.PageWalker},
 * {@link dev.noreset.kernel.vm.UserCopy}).
 */
package dev.noreset.kernel.vm;
