package dev.noreset.hw.bus;

import dev.noreset.hw.cpu.IoSpace;

/**
 * The machine's I/O port space: devices claim port ranges, the CPU reads and writes ports.
 * Unclaimed ports read as all ones and ignore writes (an open ISA bus floats high). Before each
 * access the bus runs the {@code beforeAccess} hook, which the machine uses to bring devices up to
 * the current virtual time so a port read never sees stale timer state.
 */
public final class IoBus implements IoSpace {
    private static final int PORTS = 0x10000;

    private final PortDevice[] owner = new PortDevice[PORTS];
    private Runnable beforeAccess = () -> { };

    /** Gives ports {@code first..last} (inclusive) to {@code device}; overlapping claims are a wiring bug. */
    public void claim(int first, int last, PortDevice device) {
        if (first < 0 || last >= PORTS || first > last || device == null) {
            throw new IllegalArgumentException("bad port range " + first + ".." + last);
        }
        for (int p = first; p <= last; p++) {
            if (owner[p] != null) {
                throw new IllegalStateException(String.format("port 0x%X already claimed", p));
            }
        }
        for (int p = first; p <= last; p++) {
            owner[p] = device;
        }
    }

    /** The device owning {@code port}, or null. */
    public PortDevice owner(int port) {
        return owner[port & 0xFFFF];
    }

    public void setBeforeAccess(Runnable hook) {
        beforeAccess = hook == null ? () -> { } : hook;
    }

    @Override
    public int in(int port, int size) {
        checkSize(size);
        beforeAccess.run();
        port &= 0xFFFF;
        PortDevice d = owner[port];
        if (size > 1 && d != null && d.wide(port)) {
            return d.in(port, size) & mask(size);
        }
        int value = 0;
        for (int i = 0; i < size; i++) {
            value |= readByte((port + i) & 0xFFFF) << (8 * i);
        }
        return value;
    }

    @Override
    public void out(int port, int size, int value) {
        checkSize(size);
        beforeAccess.run();
        port &= 0xFFFF;
        PortDevice d = owner[port];
        if (size > 1 && d != null && d.wide(port)) {
            d.out(port, size, value & mask(size));
            return;
        }
        for (int i = 0; i < size; i++) {
            int p = (port + i) & 0xFFFF;
            PortDevice b = owner[p];
            if (b != null) {
                b.out(p, 1, (value >>> (8 * i)) & 0xFF);
            }
        }
    }

    private int readByte(int port) {
        PortDevice d = owner[port];
        return d == null ? 0xFF : d.in(port, 1) & 0xFF;
    }

    private static int mask(int size) {
        return size == 4 ? -1 : (1 << (8 * size)) - 1;
    }

    private static void checkSize(int size) {
        if (size != 1 && size != 2 && size != 4) {
            throw new IllegalArgumentException("I/O access size " + size);
        }
    }
}
