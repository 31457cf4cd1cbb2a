package dev.noreset.kernel.trap;

import dev.noreset.hw.cpu.IoSpace;
import dev.noreset.kernel.core.Abi;

/**
 * The 8259A pair as the kernel drives it through its ports, and which driver owns which line
 * (irqctl SETPOLICY). Lines start masked except the timer (0) and the cascade (2). When a
 * driver's line fires, the kernel masks it and notifies the driver; the driver unmasks it with
 * irqctl ACK/ENABLE once it has served its device, so an interrupt storm cannot starve others.
 */
public final class IrqTable {
    public static final int MASTER_VECTOR = 0x20, SLAVE_VECTOR = 0x28;
    public static final int LINES = 16, TIMER = 0, CASCADE = 2;
    private static final int MASTER_CMD = 0x20, MASTER_DATA = 0x21, SLAVE_CMD = 0xA0, SLAVE_DATA = 0xA1;
    private static final int EOI = 0x20;

    private final IoSpace io;
    private final int[] owner = new int[LINES];
    private int mask = 0xFFFF & ~(1 << TIMER) & ~(1 << CASCADE);
    /** Lines that fired and whose driver has not yet been told (delivered with the notification). */
    private final int[] pendingFor = new int[Abi.NR_PROCS];

    public IrqTable(IoSpace io) {
        this.io = io;
        java.util.Arrays.fill(owner, Abi.NONE);
    }

    /** Programs both PICs: vectors 0x20..0x2F, cascade on line 2, all lines masked but 0 and 2. */
    public void initPic() {
        io.out(MASTER_CMD, 1, 0x11);
        io.out(MASTER_DATA, 1, MASTER_VECTOR);
        io.out(MASTER_DATA, 1, 1 << CASCADE);
        io.out(MASTER_DATA, 1, 0x01);
        io.out(SLAVE_CMD, 1, 0x11);
        io.out(SLAVE_DATA, 1, SLAVE_VECTOR);
        io.out(SLAVE_DATA, 1, CASCADE);
        io.out(SLAVE_DATA, 1, 0x01);
        writeMask();
    }

    /** The IRQ line of an interrupt vector, or -1 if the vector is not a PIC line. */
    public static int lineOf(int vector) {
        return vector >= MASTER_VECTOR && vector < MASTER_VECTOR + LINES ? vector - MASTER_VECTOR : -1;
    }

    /** End of interrupt for {@code line} (slave lines need both chips told). */
    public void eoi(int line) {
        if (line >= 8) {
            io.out(SLAVE_CMD, 1, EOI);
        }
        io.out(MASTER_CMD, 1, EOI);
    }

    public void setMasked(int line, boolean masked) {
        int m = masked ? mask | 1 << line : mask & ~(1 << line);
        if (m != mask) {
            mask = m;
            writeMask();
        }
    }

    public boolean masked(int line) {
        return (mask & 1 << line) != 0;
    }

    private void writeMask() {
        io.out(MASTER_DATA, 1, mask & 0xFF);
        io.out(SLAVE_DATA, 1, (mask >>> 8) & 0xFF);
    }

    /** Endpoint of the driver owning {@code line}, or NONE. */
    public int owner(int line) {
        return owner[line];
    }

    public void setOwner(int line, int endpoint) {
        owner[line] = endpoint;
    }

    /** Marks {@code line} pending for the driver in {@code slot}. */
    public void markPending(int slot, int line) {
        pendingFor[slot] |= 1 << line;
    }

    /** Returns and clears the lines pending for {@code slot}. */
    public int takePending(int slot) {
        int p = pendingFor[slot];
        pendingFor[slot] = 0;
        return p;
    }

    /** A dying driver gives up its lines; they are masked again. */
    public void releaseAll(int endpoint) {
        for (int l = 0; l < LINES; l++) {
            if (owner[l] == endpoint) {
                owner[l] = Abi.NONE;
                setMasked(l, true);
            }
        }
        int slot = endpoint & ((1 << Abi.ENDPOINT_SLOT_BITS) - 1);
        if (slot < Abi.NR_PROCS) {
            pendingFor[slot] = 0;
        }
    }
}
