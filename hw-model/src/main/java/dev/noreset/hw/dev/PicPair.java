package dev.noreset.hw.dev;

import dev.noreset.hw.Snapshottable;
import dev.noreset.hw.bus.IoBus;
import dev.noreset.hw.bus.IrqLine;
import dev.noreset.hw.bus.PortDevice;
import dev.noreset.hw.cpu.InterruptLine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The PC/AT interrupt controller pair: a master 8259A at 0x20/0x21 driving the CPU's INTR, and a
 * slave at 0xA0/0xA1 whose INT output is wired to the master's IR2. IRQ 0..7 enter the master,
 * IRQ 8..15 the slave. Implements the CPU's {@link InterruptLine}: {@link #acknowledge} performs
 * the two INTA cycles, including the cascade and both spurious cases (IRQ 7 from the master, IRQ
 * 15 from the slave, the latter leaving the master's IR2 in service as on real hardware).
 */
public final class PicPair implements InterruptLine, PortDevice, Snapshottable {
    public static final int MASTER_BASE = 0x20;
    public static final int SLAVE_BASE = 0xA0;
    public static final int CASCADE_IRQ = 2;

    private final Pic8259 master = new Pic8259(true);
    private final Pic8259 slave = new Pic8259(false);
    private Runnable beforePoll = () -> { };

    public PicPair() {
        slave.setOnOutputChange(() -> master.setLine(CASCADE_IRQ, slave.output()));
    }

    public void attach(IoBus bus) {
        bus.claim(MASTER_BASE, MASTER_BASE + 1, this);
        bus.claim(SLAVE_BASE, SLAVE_BASE + 1, this);
    }

    /** Hook run before the CPU samples INTR; the machine uses it to bring timers up to date. */
    public void setBeforePoll(Runnable hook) {
        beforePoll = hook == null ? () -> { } : hook;
    }

    /** The wire for IRQ {@code irq} (0..15 except the cascade input 2). */
    public IrqLine line(int irq) {
        if (irq < 0 || irq > 15 || irq == CASCADE_IRQ) {
            throw new IllegalArgumentException("no device IRQ line " + irq);
        }
        Pic8259 chip = irq < 8 ? master : slave;
        int n = irq & 7;
        return new IrqLine() {
            @Override public void raise() { chip.setLine(n, true); }
            @Override public void lower() { chip.setLine(n, false); }
        };
    }

    @Override
    public boolean pending() {
        beforePoll.run();
        return master.output();
    }

    @Override
    public int acknowledge() {
        int m = master.acknowledge();
        if (m < 0) {
            return master.vector(7);
        }
        if (!master.isCascade(m)) {
            return master.vector(m);
        }
        int s = slave.acknowledge();
        return slave.vector(s < 0 ? 7 : s);
    }

    @Override
    public int in(int port, int size) {
        return chip(port).read(port & 1);
    }

    @Override
    public void out(int port, int size, int value) {
        chip(port).write(port & 1, value);
    }

    private Pic8259 chip(int port) {
        return (port & ~1) == MASTER_BASE ? master : slave;
    }

    public Pic8259 master() { return master; }
    public Pic8259 slave() { return slave; }

    @Override
    public void saveState(DataOutput out) throws IOException {
        master.saveState(out);
        slave.saveState(out);
    }

    @Override
    public void loadState(DataInput in) throws IOException {
        master.loadState(in);
        slave.loadState(in);
    }
}
