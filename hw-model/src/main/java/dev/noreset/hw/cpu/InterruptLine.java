package dev.noreset.hw.cpu;

/** The CPU's INTR input (the master 8259A PIC drives it). */
public interface InterruptLine {
    /** True when an unmasked interrupt request is waiting. */
    boolean pending();

    /** The INTA cycle: returns the vector of the highest-priority request and marks it in service. */
    int acknowledge();

    InterruptLine NONE = new InterruptLine() {
        @Override public boolean pending() { return false; }
        @Override public int acknowledge() { return 0; }
    };
}
