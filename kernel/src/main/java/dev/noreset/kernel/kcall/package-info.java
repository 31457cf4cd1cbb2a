/**
 * Kernel calls: the table and dispatcher ({@link dev.noreset.kernel.kcall.KernelCalls}: number in
 * range, then the caller's privilege, then the handler) and one small class per call, each
 * checking its arguments before it changes anything. Message fields are the offsets of
 * spec/abi/message.tsv.
 */
package dev.noreset.kernel.kcall;
