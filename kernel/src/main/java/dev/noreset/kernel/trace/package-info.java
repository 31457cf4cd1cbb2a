/**
 * The kernel's event trace for trace validation against the TLA+ models: an ND-JSON writer
 * ({@link dev.noreset.kernel.trace.TraceRecorder}) and the observer that records IPC and process
 * lifecycle events in the format of tla/trace-format.md ({@link dev.noreset.kernel.trace.KernelTrace}).
 */
package dev.noreset.kernel.trace;
