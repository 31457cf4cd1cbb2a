package dev.noreset.hw.bus;

/**
 * A device's register file as seen from the I/O bus. Ports are absolute (0..0xFFFF). Byte
 * accesses are the norm; a device that has true 16/32-bit registers (the ATA data port) says so
 * through {@link #wide}, otherwise the bus splits wider accesses into byte accesses on
 * consecutive ports, as the PC's bus-sizing logic does for 8-bit devices.
 */
public interface PortDevice {
    /** Reads one byte (size 1) or, for a {@link #wide} port, {@code size} bytes. */
    int in(int port, int size);

    /** Writes one byte (size 1) or, for a {@link #wide} port, the low {@code size} bytes. */
    void out(int port, int size, int value);

    /** True if {@code port} takes 16/32-bit accesses as one transfer. */
    default boolean wide(int port) {
        return false;
    }
}
