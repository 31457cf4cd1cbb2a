package dev.noreset.hw.dev;

import dev.noreset.hw.Snapshottable;

/**
 * What the far end of the serial line sends. The UART takes bytes no faster than the programmed
 * line rate and only when its receiver has room (the sender honours flow control, so scripted
 * input is never lost to overrun). A deterministic source depends only on virtual time and on
 * what the guest does; a live source (the host terminal) does not, and says so.
 */
public interface SerialInput extends Snapshottable {
    /** Earliest virtual time {@code >= now} at which a byte is ready to send, or {@link Long#MAX_VALUE}. */
    long nextByteTime(long now);

    /** Removes and returns the next byte; called only when {@link #nextByteTime} {@code <= now}. */
    int take(long now);

    /** The guest read the receiver and found it empty: release input that waits for that. */
    default void receiverPolledEmpty(long now) { }

    /** True if bytes may appear independent of virtual time (host input). */
    default boolean live() {
        return false;
    }

    /** For a live source: waits up to {@code millis} of host time for input; true if a byte is ready. */
    default boolean awaitInput(long millis) {
        return false;
    }

    /** Nothing ever arrives. */
    SerialInput NONE = new SerialInput() {
        @Override public long nextByteTime(long now) { return Long.MAX_VALUE; }
        @Override public int take(long now) { throw new IllegalStateException("no input"); }
        @Override public void saveState(java.io.DataOutput out) { }
        @Override public void loadState(java.io.DataInput in) { }
    };
}
