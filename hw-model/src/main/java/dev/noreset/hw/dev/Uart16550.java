package dev.noreset.hw.dev;

import dev.noreset.hw.Snapshottable;
import dev.noreset.hw.bus.IoBus;
import dev.noreset.hw.bus.IrqLine;
import dev.noreset.hw.bus.PortDevice;
import dev.noreset.hw.bus.VirtualClock;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A 16550A UART (National Semiconductor PC16550D datasheet) at eight consecutive ports, normally
 * COM1 at 0x3F8 on IRQ 4. Characters take their real line time, computed from the divisor and
 * the LCR frame format at the 1.8432 MHz reference clock and expressed in virtual time, so THRE,
 * TEMT, the character-timeout interrupt and the receive rate behave as on hardware. A byte reaches
 * the host sink when it enters the transmit shift register. In loopback (MCR bit 4) transmitted
 * bytes return to the receiver and the modem inputs follow the MCR outputs. As on a PC, the IRQ
 * line is driven only while OUT2 is set (and never in loopback).
 */
public final class Uart16550 implements PortDevice, TimedDevice, Snapshottable {
    public static final int COM1 = 0x3F8;
    public static final int COM1_IRQ = 4;
    static final long REFERENCE_HZ = 1_843_200;

    static final int IER_RDA = 1, IER_THRE = 2, IER_RLS = 4, IER_MS = 8;
    static final int LSR_DR = 1, LSR_OE = 2, LSR_BI = 0x10, LSR_THRE = 0x20, LSR_TEMT = 0x40, LSR_FIFO_ERR = 0x80;
    static final int MCR_DTR = 1, MCR_RTS = 2, MCR_OUT1 = 4, MCR_OUT2 = 8, MCR_LOOP = 0x10;
    static final int IIR_NONE = 1, IIR_MS = 0, IIR_THRE = 2, IIR_RDA = 4, IIR_RLS = 6, IIR_TIMEOUT = 0xC;
    private static final int[] TRIGGER = {1, 4, 8, 14};
    private static final long NEVER = Long.MAX_VALUE;

    private final int base;
    private final VirtualClock clock;
    private final IrqLine irq;
    private final long instructionsPerSecond;
    private final ByteSink sink;
    private final SerialInput source;

    private int divisor = 12;
    private int ier, lcr, mcr, scr, fcr;
    private int lsrErrors;
    private int msrDeltas;
    /** MSR status bits last seen, for the delta bits. */
    private int msrLines;
    private boolean thrInterrupt;
    private boolean timeoutInterrupt;

    private final int[] rx = new int[16];
    private int rxHead, rxCount;
    private final int[] tx = new int[16];
    private int txHead, txCount;
    private boolean tsrBusy;
    private long tsrDoneAt = NEVER;
    /** The receive line is busy with a character until this time. */
    private long rxLineFreeAt;
    private long timeoutAt = NEVER;
    /**
     * Time of the last register access. A byte is never placed on the receive side before it: the
     * guest has already seen the receiver as it was then.
     */
    private long observed;
    private boolean irqLevel;

    public Uart16550(int base, VirtualClock clock, IrqLine irq, long instructionsPerSecond,
                     ByteSink sink, SerialInput source) {
        this.base = base;
        this.clock = clock;
        this.irq = irq;
        this.instructionsPerSecond = instructionsPerSecond;
        this.sink = sink == null ? ByteSink.NONE : sink;
        this.source = source == null ? SerialInput.NONE : source;
        msrLines = modemInputs();
    }

    public void attach(IoBus bus) {
        bus.claim(base, base + 7, this);
    }

    public SerialInput source() {
        return source;
    }

    private boolean fifoMode() {
        return (fcr & 1) != 0;
    }

    private boolean dlab() {
        return (lcr & 0x80) != 0;
    }

    /** One character's time on the wire in virtual ticks: start, data, parity and stop bits. */
    long charTime() {
        int bits = 1 + 5 + (lcr & 3) + ((lcr & 8) != 0 ? 1 : 0) + ((lcr & 4) != 0 ? 2 : 1);
        long div = divisor == 0 ? 0x10000 : divisor;
        return Math.max(1, bits * div * 16 * instructionsPerSecond / REFERENCE_HZ);
    }

    @Override
    public int in(int port, int size) {
        long now = clock.now();
        advanceTo(now);
        observed = Math.max(observed, now);
        int r;
        switch (port - base) {
            case 0 -> r = dlab() ? divisor & 0xFF : readRbr(now);
            case 1 -> r = dlab() ? divisor >> 8 : ier;
            case 2 -> r = readIir();
            case 3 -> r = lcr;
            case 4 -> r = mcr;
            case 5 -> r = readLsr(now);
            case 6 -> r = readMsr();
            default -> r = scr;
        }
        updateIrq();
        return r;
    }

    @Override
    public void out(int port, int size, int value) {
        long now = clock.now();
        advanceTo(now);
        observed = Math.max(observed, now);
        value &= 0xFF;
        switch (port - base) {
            case 0 -> {
                if (dlab()) {
                    divisor = (divisor & 0xFF00) | value;
                } else {
                    writeThr(value, now);
                }
            }
            case 1 -> {
                if (dlab()) {
                    divisor = (divisor & 0xFF) | value << 8;
                } else {
                    // Enabling ETBEI while the holding register is empty raises THRE at once.
                    if ((value & IER_THRE) != 0 && (ier & IER_THRE) == 0 && txCount == 0) {
                        thrInterrupt = true;
                    }
                    ier = value & 0x0F;
                }
            }
            case 2 -> writeFcr(value);
            case 3 -> lcr = value;
            case 4 -> writeMcr(value);
            case 7 -> scr = value;
            default -> { }      // LSR and MSR are read-only here
        }
        updateIrq();
    }

    private int readRbr(long now) {
        if (rxCount == 0) {
            source.receiverPolledEmpty(now);
            return 0;
        }
        int b = rx[rxHead];
        rxHead = (rxHead + 1) & 15;
        rxCount--;
        timeoutInterrupt = false;
        timeoutAt = fifoMode() && rxCount > 0 ? now + 4 * charTime() : NEVER;
        return b;
    }

    private int readLsr(long now) {
        int lsr = lsrErrors;
        if (rxCount > 0) {
            lsr |= LSR_DR;
        } else {
            source.receiverPolledEmpty(now);
        }
        if (txCount == 0) {
            lsr |= LSR_THRE;
            if (!tsrBusy) {
                lsr |= LSR_TEMT;
            }
        }
        lsrErrors = 0;
        return lsr;
    }

    private int readMsr() {
        int lines = modemInputs();
        int r = lines | msrDeltas;
        msrDeltas = 0;
        return r;
    }

    private int readIir() {
        int id = interruptId();
        if (id == IIR_THRE) {
            thrInterrupt = false;
        }
        return id | (fifoMode() ? 0xC0 : 0);
    }

    /** The highest-priority pending, enabled interrupt (datasheet table of IIR identification). */
    private int interruptId() {
        if ((ier & IER_RLS) != 0 && (lsrErrors & (LSR_OE | LSR_BI | 0x0C)) != 0) {
            return IIR_RLS;
        }
        if ((ier & IER_RDA) != 0) {
            int trigger = fifoMode() ? TRIGGER[fcr >> 6] : 1;
            if (rxCount >= trigger) {
                return IIR_RDA;
            }
            if (timeoutInterrupt && rxCount > 0) {
                return IIR_TIMEOUT;
            }
        }
        if ((ier & IER_THRE) != 0 && thrInterrupt) {
            return IIR_THRE;
        }
        if ((ier & IER_MS) != 0 && msrDeltas != 0) {
            return IIR_MS;
        }
        return IIR_NONE;
    }

    private void writeThr(int value, long now) {
        thrInterrupt = false;
        int cap = fifoMode() ? 16 : 1;
        if (txCount == cap) {
            tx[(txHead + txCount - 1) & 15] = value;   // overwrites the holding register, as hardware does
        } else {
            tx[(txHead + txCount) & 15] = value;
            txCount++;
        }
        if (!tsrBusy) {
            startTransmit(now);
        }
    }

    /** Moves the next byte into the shift register; it leaves the chip now and takes one character time. */
    private void startTransmit(long now) {
        int b = tx[txHead];
        txHead = (txHead + 1) & 15;
        txCount--;
        tsrBusy = true;
        tsrDoneAt = now + charTime();
        if ((mcr & MCR_LOOP) != 0) {
            receive(b, now);
        } else {
            sink.write(b);
        }
        if (txCount == 0) {
            thrInterrupt = true;
        }
    }

    private void receive(int b, long now) {
        int cap = fifoMode() ? 16 : 1;
        if (rxCount == cap) {
            lsrErrors |= LSR_OE;
            if (!fifoMode()) {
                rx[rxHead] = b;     // RBR is overwritten
            }
        } else {
            rx[(rxHead + rxCount) & 15] = b;
            rxCount++;
        }
        timeoutInterrupt = false;
        timeoutAt = fifoMode() ? now + 4 * charTime() : NEVER;
    }

    private void writeFcr(int value) {
        boolean enable = (value & 1) != 0;
        if (enable != fifoMode()) {
            rxCount = 0;
            txCount = 0;
        }
        if ((value & 2) != 0) {
            rxCount = 0;
            rxHead = 0;
            timeoutAt = NEVER;
            timeoutInterrupt = false;
        }
        if ((value & 4) != 0) {
            txCount = 0;
            txHead = 0;
        }
        fcr = enable ? value & 0xC9 : 0;
        if (txCount == 0 && (ier & IER_THRE) != 0) {
            thrInterrupt = true;
        }
    }

    private void writeMcr(int value) {
        mcr = value & 0x1F;
        int lines = modemInputs();
        int changed = lines ^ msrLines;
        msrDeltas |= (changed & 0xB0) >> 4;          // DCTS, DDSR, DDCD
        if ((changed & 0x40) != 0 && (lines & 0x40) == 0) {
            msrDeltas |= 0x04;                        // TERI: trailing edge of RI
        }
        msrLines = lines;
    }

    /** CTS, DSR, RI, DCD: a connected terminal asserts CTS, DSR and DCD; loopback mirrors MCR. */
    private int modemInputs() {
        if ((mcr & MCR_LOOP) == 0) {
            return 0xB0;
        }
        return ((mcr & MCR_RTS) != 0 ? 0x10 : 0) | ((mcr & MCR_DTR) != 0 ? 0x20 : 0)
                | ((mcr & MCR_OUT1) != 0 ? 0x40 : 0) | ((mcr & MCR_OUT2) != 0 ? 0x80 : 0);
    }

    /**
     * When the next byte lands in the receiver: as soon as the sender has it, the line is free and
     * there is room. This depends only on those times, not on when the machine happens to call
     * {@link #advanceTo}, so coarse and fine stepping see the same bytes at the same times.
     */
    private long nextReceiveTime() {
        int cap = fifoMode() ? 16 : 1;
        if ((mcr & MCR_LOOP) != 0 || rxCount >= cap) {
            return NEVER;
        }
        long from = Math.max(rxLineFreeAt, observed);
        long t = source.nextByteTime(from);
        return t == NEVER ? NEVER : Math.max(t, from);
    }

    @Override
    public long nextEventTime() {
        return Math.min(Math.min(tsrDoneAt, timeoutAt), nextReceiveTime());
    }

    @Override
    public void advanceTo(long now) {
        while (true) {
            long rxAt = nextReceiveTime();
            long t = Math.min(Math.min(tsrDoneAt, timeoutAt), rxAt);
            if (t > now) {
                break;
            }
            if (t == tsrDoneAt) {
                tsrBusy = false;
                tsrDoneAt = NEVER;
                if (txCount > 0) {
                    startTransmit(t);
                }
            } else if (t == rxAt) {
                // The line carries one character per character time: the next cannot land sooner.
                int b = source.take(t);
                rxLineFreeAt = t + charTime();
                receive(b, t);
            } else {
                timeoutAt = NEVER;
                timeoutInterrupt = rxCount > 0;
            }
        }
        updateIrq();
    }

    private void updateIrq() {
        boolean level = interruptId() != IIR_NONE && (mcr & (MCR_OUT2 | MCR_LOOP)) == MCR_OUT2;
        if (level != irqLevel) {
            irqLevel = level;
            irq.set(level);
        }
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        int[] regs = {divisor, ier, lcr, mcr, scr, fcr, lsrErrors, msrDeltas, msrLines, rxHead, rxCount, txHead, txCount};
        for (int v : regs) {
            out.writeInt(v);
        }
        for (int i = 0; i < 16; i++) {
            out.writeByte(rx[i]);
            out.writeByte(tx[i]);
        }
        out.writeBoolean(thrInterrupt);
        out.writeBoolean(timeoutInterrupt);
        out.writeBoolean(tsrBusy);
        out.writeLong(tsrDoneAt);
        out.writeLong(rxLineFreeAt);
        out.writeLong(timeoutAt);
        out.writeLong(observed);
        out.writeBoolean(irqLevel);
        source.saveState(out);
    }

    @Override
    public void loadState(DataInput in) throws IOException {
        int[] regs = new int[13];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = in.readInt();
        }
        if (regs[10] < 0 || regs[10] > 16 || regs[12] < 0 || regs[12] > 16) {
            throw new IOException("UART state: corrupt FIFO counts");
        }
        divisor = regs[0] & 0xFFFF;
        ier = regs[1] & 0x0F;
        lcr = regs[2] & 0xFF;
        mcr = regs[3] & 0x1F;
        scr = regs[4] & 0xFF;
        fcr = regs[5] & 0xC9;
        lsrErrors = regs[6] & 0x9E;
        msrDeltas = regs[7] & 0x0F;
        msrLines = regs[8] & 0xF0;
        rxHead = regs[9] & 15;
        rxCount = regs[10];
        txHead = regs[11] & 15;
        txCount = regs[12];
        for (int i = 0; i < 16; i++) {
            rx[i] = in.readUnsignedByte();
            tx[i] = in.readUnsignedByte();
        }
        thrInterrupt = in.readBoolean();
        timeoutInterrupt = in.readBoolean();
        tsrBusy = in.readBoolean();
        tsrDoneAt = in.readLong();
        rxLineFreeAt = in.readLong();
        timeoutAt = in.readLong();
        observed = in.readLong();
        irqLevel = in.readBoolean();
        source.loadState(in);
    }
}
