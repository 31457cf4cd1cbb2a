package dev.noreset.hw.dev;

/**
 * A device whose state changes on its own as virtual time passes (a timer output toggling, a
 * disk finishing a command, a byte arriving on a serial line). The machine asks each one for its
 * next event and runs the CPU no further than that, so device timing is exact in retired
 * instructions.
 */
public interface TimedDevice {
    /** Virtual time of the next spontaneous state change after the last {@link #advanceTo}, or {@link Long#MAX_VALUE}. */
    long nextEventTime();

    /** Performs, in order, every state change due at or before {@code now}. */
    void advanceTo(long now);
}
