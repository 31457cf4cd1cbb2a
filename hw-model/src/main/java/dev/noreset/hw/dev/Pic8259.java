package dev.noreset.hw.dev;

import dev.noreset.hw.Snapshottable;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One 8259A programmable interrupt controller (Intel 8259A datasheet, 8086 mode). Requests are
 * edge-triggered by default: a rising edge on IRn sets the request latch, and the request stays
 * only while IRn is still high, so a request that goes away before INTA yields the default IR7
 * (the spurious interrupt the datasheet describes). Level-triggered mode (ICW1.LTIM) is supported
 * too. Priority is fully nested with optional rotation; special mask mode, automatic EOI and poll
 * mode follow the datasheet. Register access is byte-wide at A0 = 0 (command) and A0 = 1 (data).
 */
public final class Pic8259 implements Snapshottable {
    /** ICW sequence position: 0 = operational, 2..4 = waiting for that ICW. */
    private int initStep;
    private boolean singleMode;
    private boolean needIcw4;
    private boolean levelTriggered;
    private int vectorBase;
    private int icw3;
    private boolean autoEoi;
    private boolean specialFullyNested;
    private boolean rotateOnAutoEoi;

    private int lines;
    private int irr;
    private int isr;
    private int imr;
    private int lowestPriority = 7;
    private boolean specialMask;
    private boolean readIsr;
    private boolean pollNext;

    /** Master chips interpret ICW3 as the map of cascade inputs; slaves as their identity. */
    private final boolean master;
    private Runnable onOutputChange = () -> { };
    private boolean lastOutput;

    public Pic8259(boolean master) {
        this.master = master;
    }

    /** Called whenever the INT output may have changed (the slave's INT drives the master's IR2). */
    public void setOnOutputChange(Runnable r) {
        onOutputChange = r;
    }

    /** Drives input IRn to {@code high}. */
    public void setLine(int n, boolean high) {
        int bit = 1 << n;
        boolean wasHigh = (lines & bit) != 0;
        if (high) {
            lines |= bit;
            if (!wasHigh || levelTriggered) {
                irr |= bit;
            }
        } else {
            lines &= ~bit;
            irr &= ~bit;
        }
        outputChanged();
    }

    /** The INT output: an unmasked request outranks everything in service. */
    public boolean output() {
        return initStep == 0 && highestRequest() >= 0;
    }

    /**
     * The INTA sequence: returns the level acknowledged (now in service), or -1 when no request
     * survives to INTA, in which case the caller issues the default IR7 vector and ISR is untouched.
     */
    public int acknowledge() {
        int n = highestRequest();
        if (n < 0) {
            return -1;
        }
        int bit = 1 << n;
        irr &= ~bit;
        if (levelTriggered && (lines & bit) != 0) {
            irr |= bit;
        }
        if (autoEoi) {
            if (rotateOnAutoEoi) {
                lowestPriority = n;
            }
        } else {
            isr |= bit;
        }
        outputChanged();
        return n;
    }

    /** Interrupt vector for level {@code n}: ICW2 supplies T7..T3. */
    public int vector(int n) {
        return vectorBase | (n & 7);
    }

    public boolean isCascade(int n) {
        return master && !singleMode && (icw3 & (1 << n)) != 0;
    }

    public int read(int a0) {
        if (a0 == 0) {
            if (pollNext) {
                pollNext = false;
                int n = acknowledge();
                return n < 0 ? 0 : 0x80 | n;
            }
            return readIsr ? isr : irr;
        }
        return imr;
    }

    public void write(int a0, int value) {
        value &= 0xFF;
        if (a0 == 0) {
            if ((value & 0x10) != 0) {
                icw1(value);
            } else if ((value & 0x08) == 0) {
                ocw2(value);
            } else {
                ocw3(value);
            }
        } else {
            writeData(value);
        }
        outputChanged();
    }

    private void icw1(int value) {
        levelTriggered = (value & 0x08) != 0;
        singleMode = (value & 0x02) != 0;
        needIcw4 = (value & 0x01) != 0;
        imr = 0;
        isr = 0;
        // The edge-sense latch is reset: a line already high must go low and high again.
        irr = levelTriggered ? lines : 0;
        lowestPriority = 7;
        specialMask = false;
        readIsr = false;
        pollNext = false;
        icw3 = master ? 0 : 7;
        if (!needIcw4) {
            autoEoi = false;
            specialFullyNested = false;
        }
        initStep = 2;
    }

    private void writeData(int value) {
        switch (initStep) {
            case 2 -> {
                vectorBase = value & 0xF8;
                initStep = singleMode ? (needIcw4 ? 4 : 0) : 3;
            }
            case 3 -> {
                icw3 = value;
                initStep = needIcw4 ? 4 : 0;
            }
            case 4 -> {
                autoEoi = (value & 0x02) != 0;
                specialFullyNested = (value & 0x10) != 0;
                initStep = 0;
            }
            default -> imr = value;
        }
    }

    private void ocw2(int value) {
        int level = value & 7;
        switch (value >> 5) {
            case 0b001 -> {                       // non-specific EOI
                int n = highestInService();
                if (n >= 0) {
                    isr &= ~(1 << n);
                }
            }
            case 0b011 -> isr &= ~(1 << level);  // specific EOI
            case 0b101 -> {                       // rotate on non-specific EOI
                int n = highestInService();
                if (n >= 0) {
                    isr &= ~(1 << n);
                    lowestPriority = n;
                }
            }
            case 0b100 -> rotateOnAutoEoi = true;
            case 0b000 -> rotateOnAutoEoi = false;
            case 0b111 -> {                       // rotate on specific EOI
                isr &= ~(1 << level);
                lowestPriority = level;
            }
            case 0b110 -> lowestPriority = level; // set priority
            default -> { }                        // 010: no operation
        }
    }

    private void ocw3(int value) {
        if ((value & 0x40) != 0) {
            specialMask = (value & 0x20) != 0;
        }
        pollNext = (value & 0x04) != 0;
        if ((value & 0x02) != 0) {
            readIsr = (value & 0x01) != 0;
        }
    }

    /** Highest-priority unmasked request not blocked by an equal or higher level in service, or -1. */
    private int highestRequest() {
        int req = irr & ~imr;
        if (req == 0) {
            return -1;
        }
        for (int k = 1; k <= 8; k++) {
            int n = (lowestPriority + k) & 7;
            int bit = 1 << n;
            // In special mask mode the ISR inhibits nothing; in special fully nested mode the
            // cascade level in service still admits further requests from its slave.
            boolean inService = (isr & bit) != 0 && !specialMask;
            if (inService && !(specialFullyNested && isCascade(n))) {
                return -1;
            }
            if ((req & bit) != 0) {
                return n;
            }
            if (inService) {
                return -1;
            }
        }
        return -1;
    }

    private int highestInService() {
        for (int k = 1; k <= 8; k++) {
            int n = (lowestPriority + k) & 7;
            if ((isr & (1 << n)) != 0) {
                return n;
            }
        }
        return -1;
    }

    private void outputChanged() {
        boolean now = output();
        if (now != lastOutput) {
            lastOutput = now;
            onOutputChange.run();
        }
    }

    public int irr() { return irr; }
    public int isr() { return isr; }
    public int imr() { return imr; }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeByte(initStep);
        out.writeBoolean(singleMode);
        out.writeBoolean(needIcw4);
        out.writeBoolean(levelTriggered);
        out.writeByte(vectorBase);
        out.writeByte(icw3);
        out.writeBoolean(autoEoi);
        out.writeBoolean(specialFullyNested);
        out.writeBoolean(rotateOnAutoEoi);
        out.writeByte(lines);
        out.writeByte(irr);
        out.writeByte(isr);
        out.writeByte(imr);
        out.writeByte(lowestPriority);
        out.writeBoolean(specialMask);
        out.writeBoolean(readIsr);
        out.writeBoolean(pollNext);
        out.writeBoolean(lastOutput);
    }

    @Override
    public void loadState(DataInput in) throws IOException {
        initStep = in.readUnsignedByte();
        if (initStep != 0 && (initStep < 2 || initStep > 4)) {
            throw new IOException("PIC state: bad init step " + initStep);
        }
        singleMode = in.readBoolean();
        needIcw4 = in.readBoolean();
        levelTriggered = in.readBoolean();
        vectorBase = in.readUnsignedByte() & 0xF8;
        icw3 = in.readUnsignedByte();
        autoEoi = in.readBoolean();
        specialFullyNested = in.readBoolean();
        rotateOnAutoEoi = in.readBoolean();
        lines = in.readUnsignedByte();
        irr = in.readUnsignedByte();
        isr = in.readUnsignedByte();
        imr = in.readUnsignedByte();
        lowestPriority = in.readUnsignedByte() & 7;
        specialMask = in.readBoolean();
        readIsr = in.readBoolean();
        pollNext = in.readBoolean();
        lastOutput = in.readBoolean();
    }
}
