package dev.noreset.kernel.trap;

/**
 * Watches what the kernel does, for the trace recorder and for measurements. Called after each
 * event has taken effect; an observer must not change kernel state. All methods default to
 * doing nothing.
 */
public interface KernelObserver {
    /** Called once when the observer is installed, with the kernel it watches (read-only use). */
    default void attach(KernelGlue kernel) { }

    /** A SENDA trap of {@code caller}: the destinations of its valid entries and the call's result. */
    default void senda(int caller, int[] destinations, int count, int result) { }

    /** An IPC trap of {@code caller} (slot): operation, endpoint argument, immediate result. */
    default void ipc(int caller, int op, int endpoint, int result, boolean blocked) { }

    /** A delivered IPC completion for {@code slot} (its EAX {@code result}, message if received). */
    default void completed(int slot, int result, boolean received, int source, int type) { }

    /** A kernel call of {@code caller} with number {@code nr} and its result. */
    default void kernelCall(int caller, int nr, int result) { }

    /** A process started in {@code slot} with {@code endpoint}. */
    default void spawned(int slot, int endpoint, String name) { }

    /** The process in {@code slot} with {@code endpoint} died of {@code cause}. */
    default void died(int slot, int endpoint, int cause, int status) { }

    /** An interrupt line fired. */
    default void irq(int line) { }

    KernelObserver NONE = new KernelObserver() { };
}
