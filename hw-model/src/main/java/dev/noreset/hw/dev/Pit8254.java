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
 * The 8254 programmable interval timer at 0x40..0x43, plus the timer bits of system control port
 * B (0x61: bit 0 gates counter 2, bit 5 reads its OUT). Counter 0's OUT drives IRQ 0; counter 1
 * (DRAM refresh) has no effect; counter 2 feeds only port 0x61.
 *
 * <p>Virtual time: the PIT input clock (1.193182 MHz on a PC) ticks once every
 * {@code instructionsPerTick} retired instructions, at virtual times that are multiples of that
 * number. The default of 4 is the ratio of the original IBM PC, whose 4.77 MHz 8088 and 8253
 * shared one crystal (14.31818 MHz / 3 and / 12), so a guest sees a 4.77 MIPS machine.
 */
public final class Pit8254 implements PortDevice, TimedDevice, Snapshottable {
    public static final int BASE = 0x40;
    public static final int PORT_B = 0x61;
    public static final long INPUT_HZ = 1_193_182;

    private final PitChannel[] ch = {new PitChannel(true), new PitChannel(true), new PitChannel(false)};
    private final VirtualClock clock;
    private final IrqLine irq0;
    private final int instructionsPerTick;
    private boolean out0;
    private long doneTick;
    private int portB;

    public Pit8254(VirtualClock clock, IrqLine irq0, int instructionsPerTick) {
        if (instructionsPerTick < 1) {
            throw new IllegalArgumentException("instructions per PIT tick must be >= 1");
        }
        this.clock = clock;
        this.irq0 = irq0;
        this.instructionsPerTick = instructionsPerTick;
        out0 = ch[0].out(0);
        irq0.set(out0);
    }

    public void attach(IoBus bus) {
        bus.claim(BASE, BASE + 3, this);
        bus.claim(PORT_B, PORT_B, this);
    }

    public int instructionsPerTick() {
        return instructionsPerTick;
    }

    private long tick() {
        return clock.now() / instructionsPerTick;
    }

    @Override
    public int in(int port, int size) {
        long t = tick();
        if (port == PORT_B) {
            // bit 4 toggles with DRAM refresh (every 18 PIT clocks, about 15 us); BIOS delay loops poll it.
            return (portB & 0x0F) | ((t / 18 & 1) != 0 ? 0x10 : 0) | (ch[2].out(t) ? 0x20 : 0);
        }
        int n = port - BASE;
        if (n == 3) {
            return 0xFF;   // the control register is write-only
        }
        ch[n].commitDue(t);
        return ch[n].read(t);
    }

    @Override
    public void out(int port, int size, int value) {
        long t = tick();
        value &= 0xFF;
        if (port == PORT_B) {
            portB = value & 0x0F;
            ch[2].setGate((value & 1) != 0, t);
        } else if (port - BASE < 3) {
            ch[port - BASE].write(value, t);
        } else {
            control(value, t);
        }
        advanceTo(clock.now());
    }

    private void control(int value, long t) {
        int sc = value >> 6;
        if (sc == 3) {                       // read-back command
            for (int i = 0; i < 3; i++) {
                if ((value & (2 << i)) != 0) {
                    if ((value & 0x10) == 0) {
                        ch[i].latchStatus(t);
                    }
                    if ((value & 0x20) == 0) {
                        ch[i].latchCount(t);
                    }
                }
            }
        } else if ((value & 0x30) == 0) {
            ch[sc].latchCount(t);
        } else {
            ch[sc].commitDue(t);
            ch[sc].control(value);
        }
    }

    @Override
    public long nextEventTime() {
        long c = ch[0].nextChange(doneTick);
        return c == PitChannel.NEVER ? Long.MAX_VALUE : c * instructionsPerTick;
    }

    @Override
    public void advanceTo(long now) {
        long target = now / instructionsPerTick;
        while (true) {
            long c = ch[0].nextChange(doneTick);
            if (c == PitChannel.NEVER || c > target) {
                break;
            }
            doneTick = c;
            ch[0].commitDue(c);
            setOut0(ch[0].out(c));
        }
        doneTick = Math.max(doneTick, target);
        ch[0].commitDue(target);
        setOut0(ch[0].out(target));
    }

    private void setOut0(boolean o) {
        if (o != out0) {
            out0 = o;
            irq0.set(o);
        }
    }

    /** Counter 0's OUT as last driven onto IRQ 0. */
    public boolean out0() {
        return out0;
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        for (PitChannel c : ch) {
            c.save(out);
        }
        out.writeBoolean(out0);
        out.writeLong(doneTick);
        out.writeByte(portB);
    }

    @Override
    public void loadState(DataInput in) throws IOException {
        for (PitChannel c : ch) {
            c.load(in);
        }
        out0 = in.readBoolean();
        doneTick = in.readLong();
        portB = in.readUnsignedByte() & 0x0F;
    }
}
