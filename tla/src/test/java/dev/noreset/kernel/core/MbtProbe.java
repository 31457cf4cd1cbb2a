package dev.noreset.kernel.core;

/**
 * Read-only views of core state that has no public query (pending notification bits, the send
 * queue's enqueue stamps), for the refinement mapping of the model-based tests. It sits in the
 * core's package on the test class path only; the verified core is unchanged.
 */
public final class MbtProbe {
    private MbtProbe() { }

    /** True when {@code src} (a process slot) has a pending notification for {@code dst}. */
    public static boolean notifyPending(Kernel k, int dst, int src) {
        return k.note[dst * Kernel.NSRC + src];
    }

    /** The enqueue stamp of a blocked sender: the send queue of a receiver is ordered by it. */
    public static long sendStamp(Kernel k, int slot) {
        return k.st[Kernel.SENDSTAMP + slot];
    }
}
