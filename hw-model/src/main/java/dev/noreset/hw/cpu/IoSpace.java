package dev.noreset.hw.cpu;

/** The I/O port space as the CPU sees it (the machine's I/O bus implements it). */
public interface IoSpace {
    /** Reads {@code size} bytes (1, 2 or 4) from {@code port} (0..0xFFFF). Unclaimed ports read as all ones. */
    int in(int port, int size);

    /** Writes the low {@code size} bytes (1, 2 or 4) of {@code value} to {@code port}. Unclaimed ports ignore it. */
    void out(int port, int size, int value);

    /** A space with no devices. */
    IoSpace NONE = new IoSpace() {
        @Override public int in(int port, int size) { return size == 1 ? 0xFF : size == 2 ? 0xFFFF : -1; }
        @Override public void out(int port, int size, int value) { }
    };
}
