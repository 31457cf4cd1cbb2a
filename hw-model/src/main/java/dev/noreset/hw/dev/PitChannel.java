package dev.noreset.hw.dev;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One counter of the 8254 (Intel 8254 datasheet), evaluated lazily: the count and OUT at any PIT
 * clock tick follow from the tick at which the current count was loaded, so nothing runs per
 * tick. Ticks are absolute PIT input clocks. A count is loaded on the first clock after it is
 * written (or after a gate trigger in modes 1 and 5). In modes 2 and 3 a count written while
 * counting takes effect at the end of the current period; the 8254 switches a square wave at the
 * end of the current half-cycle instead, a difference a guest can only see by rewriting the count
 * of a running square wave. Gate is honoured for triggers (modes 1, 2, 3, 5) and to stop modes 2
 * and 3; modes 0 and 4 ignore a low gate. Counts of 1 in modes 2 and 3 behave as 2.
 */
final class PitChannel {
    static final long NEVER = Long.MAX_VALUE;

    int mode;
    boolean bcd;
    /** Read/write mode from the control word: 1 LSB only, 2 MSB only, 3 LSB then MSB. */
    int rw = 3;
    boolean gate;

    /** Count in clocks (1..65536 binary, 1..10000 BCD) of the running schedule. */
    private int count;
    /** Tick at which {@link #count} was loaded into the counting element; NEVER while not counting. */
    private long loadTick = NEVER;
    private int nextCount;
    private long nextAt = NEVER;
    private boolean nullCount = true;
    /** OUT while no count is loaded, as set by the control word. */
    private boolean idleOut = true;
    /** In modes 1 and 5 counting waits for a gate trigger. */
    private boolean armed;

    private int writeLow;
    private boolean writeMsbNext;
    private boolean readMsbNext;
    private boolean countLatched;
    private int latchedCount;
    private boolean latchMsbNext;
    private boolean statusLatched;
    private int latchedStatus;

    PitChannel(boolean gate) {
        this.gate = gate;
    }

    void control(int value) {
        rw = (value >> 4) & 3;
        int m = (value >> 1) & 7;
        mode = m > 5 ? m - 4 : m;
        bcd = (value & 1) != 0;
        loadTick = NEVER;
        nextAt = NEVER;
        nullCount = true;
        idleOut = mode != 0;
        armed = false;
        writeMsbNext = rw == 2;
        readMsbNext = rw == 2;
        countLatched = false;
        statusLatched = false;
    }

    void latchCount(long tick) {
        if (!countLatched) {
            countLatched = true;
            latchedCount = value(tick);
            latchMsbNext = rw == 2;
        }
    }

    void latchStatus(long tick) {
        commitDue(tick);
        if (!statusLatched) {
            statusLatched = true;
            latchedStatus = (out(tick) ? 0x80 : 0) | (nullCount ? 0x40 : 0) | (rw << 4) | (mode << 1)
                    | (bcd ? 1 : 0);
        }
    }

    int read(long tick) {
        if (statusLatched) {
            statusLatched = false;
            return latchedStatus;
        }
        if (countLatched) {
            int b = latchMsbNext ? latchedCount >> 8 : latchedCount & 0xFF;
            if (rw == 3 && !latchMsbNext) {
                latchMsbNext = true;
            } else {
                countLatched = false;
            }
            return b;
        }
        int v = value(tick);
        int b = readMsbNext ? v >> 8 : v & 0xFF;
        if (rw == 3) {
            readMsbNext = !readMsbNext;
        }
        return b;
    }

    void write(int value, long tick) {
        int raw;
        if (rw == 3) {
            if (!writeMsbNext) {
                writeLow = value;
                writeMsbNext = true;
                if (mode == 0) {          // writing the first byte stops a mode-0 count
                    commitDue(tick);
                    loadTick = NEVER;
                    idleOut = false;
                }
                return;
            }
            writeMsbNext = false;
            raw = writeLow | value << 8;
        } else if (rw == 1) {
            raw = value;
        } else {
            raw = value << 8;
        }
        newCount(decode(raw), tick);
    }

    private void newCount(int n, long tick) {
        commitDue(tick);
        nullCount = true;
        boolean running = loadTick != NEVER;
        if ((mode == 2 || mode == 3) && running) {
            nextCount = n;
            nextAt = periodEnd(tick);
        } else if (mode == 1 || mode == 5) {
            count = n;
            armed = true;
            if (!running) {
                loadTick = NEVER;
            }
        } else {
            count = n;
            loadTick = tick + 1;
            if (mode == 0) {
                idleOut = false;
            }
            if ((mode == 2 || mode == 3) && !gate) {
                loadTick = NEVER;
                armed = true;
            }
        }
    }

    void setGate(boolean high, long tick) {
        commitDue(tick);
        boolean rising = high && !gate;
        gate = high;
        if (mode == 2 || mode == 3) {
            if (!high) {
                if (loadTick != NEVER) {
                    armed = true;
                }
                loadTick = NEVER;
                idleOut = true;
            } else if (rising && (armed || count != 0)) {
                loadTick = tick + 1;
            }
        } else if ((mode == 1 || mode == 5) && rising && (armed || count != 0)) {
            loadTick = tick + 1;
            idleOut = true;
        }
    }

    /** Applies a count written during counting once its period boundary has passed. */
    void commitDue(long tick) {
        if (nextAt != NEVER && tick >= nextAt) {
            count = nextCount;
            loadTick = nextAt;
            nextAt = NEVER;
            nullCount = false;
        }
        if (loadTick != NEVER && tick >= loadTick) {
            nullCount = nextAt != NEVER;
        }
    }

    private long periodEnd(long tick) {
        long d = tick - loadTick;
        if (d < 0) {
            return loadTick;
        }
        int n = effective(count);
        return loadTick + (d / n + 1) * n;
    }

    private int effective(int n) {
        return (mode == 2 || mode == 3) && n < 2 ? 2 : n;
    }

    private int decode(int raw) {
        if (bcd) {
            int v = (raw >> 12 & 15) * 1000 + (raw >> 8 & 15) * 100 + (raw >> 4 & 15) * 10 + (raw & 15);
            return v == 0 ? 10000 : v;
        }
        return raw == 0 ? 0x10000 : raw;
    }

    private int encode(long v) {
        if (bcd) {
            int x = (int) Math.floorMod(v, 10000L);
            return (x / 1000) << 12 | (x / 100 % 10) << 8 | (x / 10 % 10) << 4 | x % 10;
        }
        return (int) (v & 0xFFFF);
    }

    /** The counting element at {@code tick}. */
    int value(long tick) {
        long lt = loadTick;
        int n = count;
        if (nextAt != NEVER && tick >= nextAt) {
            lt = nextAt;
            n = nextCount;
        }
        if (lt == NEVER || tick < lt) {
            return encode(n);
        }
        long d = tick - lt;
        n = effective(n);
        return switch (mode) {
            case 2 -> encode(n - d % n);
            case 3 -> encode((n - (2 * d) % n) & ~1L);
            default -> encode(n - d);
        };
    }

    boolean out(long tick) {
        long lt = loadTick;
        int n = count;
        if (nextAt != NEVER && tick >= nextAt) {
            lt = nextAt;
            n = nextCount;
        }
        if (lt == NEVER || tick < lt) {
            return idleOut;
        }
        long d = tick - lt;
        n = effective(n);
        return switch (mode) {
            case 0 -> d >= n;
            case 1 -> d >= n;
            case 2 -> d % n != n - 1;
            case 3 -> d % n < (n + 1) / 2;
            default -> d != n;        // modes 4 and 5: one-clock low strobe at terminal count
        };
    }

    /** First tick after {@code tick} at which OUT may change, or NEVER. */
    long nextChange(long tick) {
        long c = nextChangeOf(loadTick, count, tick);
        if (nextAt != NEVER && (c == NEVER || c >= nextAt)) {
            c = tick < nextAt ? nextAt : nextChangeOf(nextAt, nextCount, tick);
        }
        return c;
    }

    private long nextChangeOf(long lt, int rawN, long tick) {
        if (lt == NEVER) {
            return NEVER;
        }
        if (tick < lt && mode == 1) {
            return lt;
        }
        int n = effective(rawN);
        long d = tick - lt;
        switch (mode) {
            case 0, 1 -> {
                return d < n ? lt + n : NEVER;
            }
            case 2 -> {
                if (d < 0) {
                    return lt + n - 1;
                }
                long p = d / n;
                return d % n < n - 1 ? lt + p * n + n - 1 : lt + (p + 1) * n;
            }
            case 3 -> {
                int high = (n + 1) / 2;
                if (d < 0) {
                    return lt + high;
                }
                long p = d / n;
                return d % n < high ? lt + p * n + high : lt + (p + 1) * n;
            }
            default -> {
                return d < n ? lt + n : d == n ? lt + n + 1 : NEVER;
            }
        }
    }

    void save(DataOutput out) throws IOException {
        out.writeByte(mode);
        out.writeBoolean(bcd);
        out.writeByte(rw);
        out.writeBoolean(gate);
        out.writeInt(count);
        out.writeLong(loadTick);
        out.writeInt(nextCount);
        out.writeLong(nextAt);
        out.writeBoolean(nullCount);
        out.writeBoolean(idleOut);
        out.writeBoolean(armed);
        out.writeByte(writeLow);
        out.writeBoolean(writeMsbNext);
        out.writeBoolean(readMsbNext);
        out.writeBoolean(countLatched);
        out.writeShort(latchedCount);
        out.writeBoolean(latchMsbNext);
        out.writeBoolean(statusLatched);
        out.writeByte(latchedStatus);
    }

    void load(DataInput in) throws IOException {
        mode = in.readUnsignedByte();
        bcd = in.readBoolean();
        rw = in.readUnsignedByte();
        gate = in.readBoolean();
        count = in.readInt();
        loadTick = in.readLong();
        nextCount = in.readInt();
        nextAt = in.readLong();
        if (mode > 5 || rw < 1 || rw > 3 || count < 0 || count > 0x10000 || nextCount < 0 || nextCount > 0x10000) {
            throw new IOException("PIT state: corrupt counter");
        }
        nullCount = in.readBoolean();
        idleOut = in.readBoolean();
        armed = in.readBoolean();
        writeLow = in.readUnsignedByte();
        writeMsbNext = in.readBoolean();
        readMsbNext = in.readBoolean();
        countLatched = in.readBoolean();
        latchedCount = in.readUnsignedShort();
        latchMsbNext = in.readBoolean();
        statusLatched = in.readBoolean();
        latchedStatus = in.readUnsignedByte();
    }
}
