package dev.noreset.hw.bus;

/**
 * One interrupt request wire from a device to the interrupt controller. A device drives its
 * level: {@link #raise} sets it high, {@link #lower} sets it low; the controller decides whether
 * it reacts to edges or levels. Repeated calls at the same level change nothing.
 */
public interface IrqLine {
    void raise();

    void lower();

    /** Drives the line to {@code high}. */
    default void set(boolean high) {
        if (high) {
            raise();
        } else {
            lower();
        }
    }

    /** A wire connected to nothing. */
    IrqLine NONE = new IrqLine() {
        @Override public void raise() { }
        @Override public void lower() { }
    };
}
