package dev.noreset.hw.dev;

import dev.noreset.hw.Snapshottable;
import dev.noreset.hw.bus.IoBus;
import dev.noreset.hw.bus.IrqLine;
import dev.noreset.hw.bus.PortDevice;
import dev.noreset.hw.bus.VirtualClock;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The MC146818-compatible CMOS real-time clock at 0x70 (index, bit 7 masks NMI) and 0x71 (data),
 * IRQ 8. Its time is a configured epoch plus elapsed virtual time, never the host clock; a guest
 * that writes a time register moves the clock. Registers A-D, BCD or binary and 12/24-hour
 * formats, the periodic (PF), update-ended (UF) and alarm (AF) interrupts, the update-in-progress
 * bit (the last 244 us of each second) and 114 bytes of CMOS RAM (register 0x32 is the century).
 */
public final class CmosRtc implements PortDevice, TimedDevice, Snapshottable {
    public static final int INDEX = 0x70, DATA = 0x71, IRQ = 8;
    private static final int A = 0x0A, B = 0x0B, C = 0x0C, D = 0x0D, CENTURY = 0x32;
    private static final int B_SET = 0x80, B_PIE = 0x40, B_AIE = 0x20, B_UIE = 0x10, B_BINARY = 0x04, B_24H = 0x02;
    private static final int C_IRQF = 0x80, C_PF = 0x40, C_AF = 0x20, C_UF = 0x10;
    private static final long NEVER = Long.MAX_VALUE;

    private final VirtualClock clock;
    private final IrqLine irq;
    private final long ticksPerSecond;
    private final byte[] cmos = new byte[128];
    private int index;
    /** Seconds to add to epoch + elapsed time; moved when the guest sets the clock. */
    private long adjust;
    private final long epoch;
    private int flags;
    private long doneTime;
    private boolean irqLevel;

    public CmosRtc(VirtualClock clock, IrqLine irq, long ticksPerSecond, long epochSeconds) {
        this.clock = clock;
        this.irq = irq;
        this.ticksPerSecond = ticksPerSecond;
        this.epoch = epochSeconds;
        cmos[A] = 0x26;                // 32.768 kHz time base, 1024 Hz periodic rate
        cmos[B] = B_24H;
        cmos[D] = (byte) 0x80;         // valid RAM and time
    }

    public void attach(IoBus bus) {
        bus.claim(INDEX, DATA, this);
    }

    /** Sets a CMOS RAM byte (the machine records memory sizes there, as a BIOS would). */
    public void setCmosByte(int reg, int value) {
        if (reg >= 0x0E && reg < 128) {
            cmos[reg] = (byte) value;
        }
    }

    private long seconds(long now) {
        return epoch + adjust + Math.floorDiv(now, ticksPerSecond);
    }

    @Override
    public int in(int port, int size) {
        if (port == INDEX) {
            return 0xFF;              // the index register is write-only
        }
        long now = clock.now();
        advanceTo(now);
        int r;
        switch (index) {
            case A -> r = (cmos[A] & 0x7F) | (updateInProgress(now) ? 0x80 : 0);
            case C -> {
                r = flags;
                flags = 0;
                updateIrq();
            }
            case 0, 2, 4, 6, 7, 8, 9, CENTURY -> r = encode(timeField(index, seconds(now)));
            default -> r = cmos[index] & 0xFF;
        }
        return r;
    }

    @Override
    public void out(int port, int size, int value) {
        value &= 0xFF;
        if (port == INDEX) {
            index = value & 0x7F;     // bit 7 masks NMI; this machine has no NMI sources
            return;
        }
        long now = clock.now();
        advanceTo(now);
        switch (index) {
            case 0, 2, 4, 6, 7, 8, 9, CENTURY -> setTimeField(index, decode(value), now);
            case A -> cmos[A] = (byte) (value & 0x7F);
            case B -> {
                cmos[B] = (byte) value;
                updateIrq();
            }
            case C, D -> { }          // read-only
            default -> cmos[index] = (byte) value;
        }
    }

    private boolean updateInProgress(long now) {
        long uip = Math.max(1, ticksPerSecond * 244 / 1_000_000);
        return (cmos[B] & B_SET) == 0 && Math.floorMod(now, ticksPerSecond) >= ticksPerSecond - uip;
    }

    private static int timeField(int reg, long seconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        return switch (reg) {
            case 0 -> t.getSecond();
            case 2 -> t.getMinute();
            case 4 -> t.getHour();
            case 6 -> t.getDayOfWeek().getValue() % 7 + 1;     // Sunday = 1
            case 7 -> t.getDayOfMonth();
            case 8 -> t.getMonthValue();
            case 9 -> t.getYear() % 100;
            default -> t.getYear() / 100;
        };
    }

    private void setTimeField(int reg, int v, long now) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds(now), 0, ZoneOffset.UTC);
        try {
            t = switch (reg) {
                case 0 -> t.withSecond(v);
                case 2 -> t.withMinute(v);
                case 4 -> t.withHour(v);
                case 7 -> t.withDayOfMonth(v);
                case 8 -> t.withMonth(v);
                case 9 -> t.withYear(t.getYear() / 100 * 100 + v);
                case CENTURY -> t.withYear(v * 100 + t.getYear() % 100);
                default -> t;                                   // day of week follows the date
            };
        } catch (java.time.DateTimeException e) {
            return;                                             // an impossible value is ignored
        }
        adjust += t.toEpochSecond(ZoneOffset.UTC) - seconds(now);
    }

    /** Register value in the guest's chosen format (BCD unless DM; 12-hour with PM in bit 7). */
    private int encode(int v) {
        boolean pm = false;
        if (index == 4 && (cmos[B] & B_24H) == 0) {
            pm = v >= 12;
            v = v % 12 == 0 ? 12 : v % 12;
        }
        int r = (cmos[B] & B_BINARY) != 0 ? v : (v / 10) << 4 | v % 10;
        return pm ? r | 0x80 : r;
    }

    private int decode(int r) {
        boolean pm = index == 4 && (cmos[B] & B_24H) == 0 && (r & 0x80) != 0;
        if (index == 4 && (cmos[B] & B_24H) == 0) {
            r &= 0x7F;
        }
        int v = (cmos[B] & B_BINARY) != 0 ? r : (r >> 4) * 10 + (r & 15);
        if (index == 4 && (cmos[B] & B_24H) == 0) {
            v = v % 12 + (pm ? 12 : 0);
        }
        return v;
    }

    /** Periodic interrupt period in ticks, or 0 when the rate select is off. */
    private long period() {
        int rate = cmos[A] & 0x0F;
        if (rate == 0) {
            return 0;
        }
        int hz = rate <= 2 ? 256 >> (rate - 1) : 32768 >> (rate - 1);
        return Math.max(1, ticksPerSecond / hz);
    }

    @Override
    public long nextEventTime() {
        long next = NEVER;
        long p = period();
        if ((cmos[B] & B_PIE) != 0 && p > 0) {
            next = (doneTime / p + 1) * p;
        }
        if ((cmos[B] & (B_UIE | B_AIE)) != 0) {
            next = Math.min(next, (doneTime / ticksPerSecond + 1) * ticksPerSecond);
        }
        return next;
    }

    @Override
    public void advanceTo(long now) {
        if (now <= doneTime) {
            return;
        }
        long p = period();
        if (p > 0 && now / p > doneTime / p) {
            flags |= C_PF;
        }
        if ((cmos[B] & B_SET) == 0 && now / ticksPerSecond > doneTime / ticksPerSecond) {
            flags |= C_UF;
            if (alarmBetween(seconds(doneTime) + 1, seconds(now))) {
                flags |= C_AF;
            }
        }
        doneTime = now;
        updateIrq();
    }

    /**
     * Whether the alarm matched at any second in {@code first..last}, so the alarm flag does not
     * depend on how often the clock is looked at. A field whose two top bits are set matches any
     * value; the alarm repeats daily, so one day of seconds covers every case.
     */
    private boolean alarmBetween(long first, long last) {
        int as = alarmField(1), am = alarmField(3), ah = alarmField(5);
        for (long t = Math.max(first, last - 86_399); t <= last; t++) {
            int sod = (int) Math.floorMod(t, 86_400L);
            if ((as < 0 || as == sod % 60) && (am < 0 || am == sod / 60 % 60) && (ah < 0 || ah == sod / 3600)) {
                return true;
            }
        }
        return false;
    }

    /** An alarm register as a binary 24-hour value, or -1 for "don't care". */
    private int alarmField(int reg) {
        int a = cmos[reg] & 0xFF;
        if ((a & 0xC0) == 0xC0) {
            return -1;
        }
        int saved = index;
        index = reg == 5 ? 4 : reg;         // decode hours with the 12/24-hour rules
        int v = decode(a);
        index = saved;
        return v;
    }

    private void updateIrq() {
        int b = cmos[B];
        boolean any = (flags & C_PF) != 0 && (b & B_PIE) != 0 || (flags & C_AF) != 0 && (b & B_AIE) != 0
                || (flags & C_UF) != 0 && (b & B_UIE) != 0;
        flags = any ? flags | C_IRQF : flags & ~C_IRQF;
        if (any != irqLevel) {
            irqLevel = any;
            irq.set(any);
        }
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.write(cmos);
        out.writeByte(index);
        out.writeLong(adjust);
        out.writeByte(flags);
        out.writeLong(doneTime);
        out.writeBoolean(irqLevel);
    }

    @Override
    public void loadState(DataInput in) throws IOException {
        in.readFully(cmos);
        index = in.readUnsignedByte() & 0x7F;
        adjust = in.readLong();
        flags = in.readUnsignedByte() & 0xF0;
        doneTime = in.readLong();
        irqLevel = in.readBoolean();
    }
}
