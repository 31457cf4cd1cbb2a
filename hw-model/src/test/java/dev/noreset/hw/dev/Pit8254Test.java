package dev.noreset.hw.dev;

import dev.noreset.hw.bus.IoBus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 8254 behaviour from the Intel datasheet, in virtual time (one PIT clock = N ticks). */
class Pit8254Test {
    private final TestWires.Clock clock = new TestWires.Clock();
    private final TestWires.Line irq0 = new TestWires.Line(clock);
    private final IoBus bus = new IoBus();
    private Pit8254 pit;

    private void make(int perTick) {
        pit = new Pit8254(clock, irq0, perTick);
        pit.attach(bus);
        assertTrue(irq0.high, "OUT starts high, as a BIOS leaves it");
        irq0.riseTimes.clear();
        irq0.rises = 0;
    }

    /** Moves virtual time forward the way the machine does: event by event. */
    private void runTo(long t) {
        while (pit.nextEventTime() <= t) {
            clock.now = pit.nextEventTime();
            pit.advanceTo(clock.now);
        }
        clock.now = t;
        pit.advanceTo(t);
    }

    private void program(int channel, int mode, int count) {
        bus.out(0x43, 1, channel << 6 | 0x30 | mode << 1);
        bus.out(0x40 + channel, 1, count & 0xFF);
        bus.out(0x40 + channel, 1, count >> 8);
    }

    private int readCount(int channel) {
        bus.out(0x43, 1, channel << 6);          // counter latch command
        int lo = bus.in(0x40 + channel, 1);
        return lo | bus.in(0x40 + channel, 1) << 8;
    }

    @Test
    void rateGeneratorInterruptsOncePerPeriod() {
        make(1);
        program(0, 2, 100);                       // written at tick 0, loaded at tick 1
        runTo(1000);
        assertEquals(List.of(101L, 201L, 301L, 401L, 501L, 601L, 701L, 801L, 901L), irq0.riseTimes);
        assertFalse(irq0.high, "tick 1000 is the low clock before the next reload");
    }

    @Test
    void rateGeneratorOutputIsLowForOneClockBeforeReload() {
        make(1);
        program(0, 2, 10);
        runTo(10);
        assertEquals(1, readCount(0));
        assertFalse(irq0.high, "OUT low while the count is 1");
        runTo(11);
        assertEquals(10, readCount(0), "reloaded");
        assertTrue(irq0.high);
    }

    @Test
    void pitClockIsScaledFromVirtualTime() {
        make(4);
        clock.now = 3;                            // PIT tick 0
        program(0, 2, 50);
        runTo(1000);
        assertEquals(List.of(204L, 404L, 604L, 804L), irq0.riseTimes, "edges fall on multiples of 4 ticks");
    }

    @Test
    void squareWaveEvenCount() {
        make(1);
        program(0, 3, 10);
        runTo(1);
        assertTrue(irq0.high);
        runTo(5);
        assertTrue(irq0.high);
        runTo(6);
        assertFalse(irq0.high, "low after n/2 clocks");
        runTo(11);
        assertTrue(irq0.high);
        assertEquals(List.of(11L), irq0.riseTimes.subList(0, 1));
        assertEquals(10, readCount(0));
        runTo(12);
        assertEquals(8, readCount(0), "mode 3 counts down by two");
    }

    @Test
    void squareWaveOddCountIsHighOneClockLonger() {
        make(1);
        program(0, 3, 5);
        runTo(3);
        assertTrue(irq0.high);
        runTo(4);
        assertFalse(irq0.high, "high for (n+1)/2 = 3 clocks");
        runTo(5);
        assertFalse(irq0.high);
        runTo(6);
        assertTrue(irq0.high, "low for (n-1)/2 = 2 clocks");
    }

    @Test
    void newCountInRateGeneratorTakesEffectAfterCurrentPeriod() {
        make(1);
        program(0, 2, 100);
        runTo(50);
        bus.out(0x40, 1, 20);
        bus.out(0x40, 1, 0);
        runTo(200);
        // Old period ends at 101; then 20-clock periods.
        assertEquals(List.of(101L, 121L, 141L, 161L, 181L), irq0.riseTimes);
    }

    @Test
    void interruptOnTerminalCount() {
        make(1);
        bus.out(0x43, 1, 0x30);                   // counter 0, LSB/MSB, mode 0
        assertFalse(irq0.high, "mode 0 sets OUT low on the control word");
        bus.out(0x40, 1, 10);
        bus.out(0x40, 1, 0);
        runTo(10);
        assertFalse(irq0.high);
        runTo(11);
        assertTrue(irq0.high, "OUT rises n+1 clocks after the count was written");
        runTo(100);
        assertEquals(1, irq0.rises, "mode 0 is one-shot");
        assertEquals((10 - 99) & 0xFFFF, readCount(0), "the counter keeps wrapping");
    }

    @Test
    void softwareTriggeredStrobe() {
        make(1);
        program(0, 4, 10);                        // mode 4: OUT high, one low clock at terminal count
        runTo(10);
        assertTrue(irq0.high);
        runTo(11);
        assertFalse(irq0.high);
        runTo(12);
        assertTrue(irq0.high);
        runTo(200_000);
        assertEquals(List.of(12L), irq0.riseTimes, "one strobe per count written");
        bus.out(0x40, 1, 5);
        bus.out(0x40, 1, 0);                      // a new count retriggers
        runTo(200_000 + 7);
        assertEquals(List.of(12L, 200_007L), irq0.riseTimes);
    }

    @Test
    void hardwareRetriggerableOneShotOnCounterTwo() {
        make(1);
        program(2, 1, 20);
        runTo(100);
        assertTrue((bus.in(0x61, 1) & 0x20) != 0, "mode 1 waits for a gate trigger with OUT high");
        bus.out(0x61, 1, 0x01);                   // rising gate at tick 100
        runTo(101);
        assertFalse((bus.in(0x61, 1) & 0x20) != 0, "OUT low from the clock after the trigger");
        runTo(120);
        assertFalse((bus.in(0x61, 1) & 0x20) != 0);
        runTo(121);
        assertTrue((bus.in(0x61, 1) & 0x20) != 0, "high again after n clocks");
        assertEquals(0x01, bus.in(0x61, 1) & 0x0F);
    }

    @Test
    void rewritingAModeZeroCountRestartsIt() {
        make(1);
        program(0, 0, 100);
        runTo(50);
        bus.out(0x40, 1, 10);                     // first byte stops the count
        runTo(500);
        assertFalse(irq0.high, "stopped while waiting for the second byte");
        bus.out(0x40, 1, 0);
        runTo(510);
        assertFalse(irq0.high);
        runTo(511);
        assertTrue(irq0.high);
    }

    @Test
    void countZeroMeans65536() {
        make(1);
        program(0, 2, 0);
        runTo(1);
        assertEquals(0, readCount(0));
        runTo(2);
        assertEquals(0xFFFF, readCount(0));
        runTo(65537);
        assertEquals(List.of(65537L), irq0.riseTimes);
    }

    @Test
    void latchFreezesTheCountUntilBothBytesAreRead() {
        make(1);
        program(0, 2, 1000);
        runTo(101);
        bus.out(0x43, 1, 0x00);
        runTo(500);
        bus.out(0x43, 1, 0x00);                   // ignored: a latch is already held
        assertEquals(900 & 0xFF, bus.in(0x40, 1));
        assertEquals(900 >> 8, bus.in(0x40, 1));
        assertEquals(1000 - 499, readCount(0));
    }

    @Test
    void lowByteAndHighByteOnlyAccess() {
        make(1);
        bus.out(0x43, 1, 0x14);                   // counter 0, LSB only, mode 2
        bus.out(0x40, 1, 50);
        runTo(11);
        assertEquals(40, bus.in(0x40, 1));
        assertEquals(40, bus.in(0x40, 1), "LSB-only reads do not toggle");
        bus.out(0x43, 1, 0x24);                   // MSB only, mode 2
        bus.out(0x40, 1, 0x02);                   // count 0x200
        runTo(11 + 1 + 256);
        assertEquals(1, bus.in(0x40, 1), "0x200 - 256 = 0x100");
    }

    @Test
    void readBackReportsStatusThenCount() {
        make(1);
        bus.out(0x43, 1, 0x34);                   // counter 0, LSB/MSB, mode 2
        bus.out(0x43, 1, 0xE2);                   // read-back: status only, counter 0
        assertEquals(0x40 | 0x80 | 0x30 | 0x04, bus.in(0x40, 1), "OUT high, null count, rw=3, mode 2");
        bus.out(0x40, 1, 100);
        bus.out(0x40, 1, 0);
        runTo(21);
        bus.out(0x43, 1, 0xC2);                   // read-back: count and status
        assertEquals(0x80 | 0x30 | 0x04, bus.in(0x40, 1), "count loaded: null count clear");
        assertEquals(80, bus.in(0x40, 1));
        assertEquals(0, bus.in(0x40, 1));
    }

    @Test
    void bcdCounting() {
        make(1);
        bus.out(0x43, 1, 0x35);                   // mode 2, BCD
        bus.out(0x40, 1, 0x00);
        bus.out(0x40, 1, 0x10);                   // 1000 decimal
        runTo(1 + 1);
        assertEquals(0x0999, readCount(0));
        runTo(1001);
        assertEquals(List.of(1001L), irq0.riseTimes);
    }

    @Test
    void counterTwoIsGatedByPortB() {
        make(1);
        program(2, 3, 10);
        runTo(50);
        int b = bus.in(0x61, 1);
        assertTrue((b & 0x20) != 0, "gate low: OUT2 stays high in mode 3");
        bus.out(0x61, 1, 0x01);                   // gate on at tick 50, counting from 51
        runTo(56);
        assertFalse((bus.in(0x61, 1) & 0x20) != 0, "low in the second half-period");
        runTo(61);
        assertTrue((bus.in(0x61, 1) & 0x20) != 0);
        assertTrue(irq0.riseTimes.isEmpty(), "counter 2 does not drive IRQ 0");
    }

    @Test
    void snapshotResumesTheSameWaveform() throws IOException {
        make(1);
        program(0, 2, 37);
        runTo(500);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        pit.saveState(new DataOutputStream(buf));
        runTo(1000);
        List<Long> expected = irq0.riseTimes.stream().filter(t -> t > 500).toList();

        TestWires.Clock c2 = new TestWires.Clock();
        TestWires.Line l2 = new TestWires.Line(c2);
        Pit8254 copy = new Pit8254(c2, l2, 1);
        c2.now = 500;
        copy.loadState(new DataInputStream(new ByteArrayInputStream(buf.toByteArray())));
        l2.riseTimes.clear();
        while (copy.nextEventTime() <= 1000) {
            c2.now = copy.nextEventTime();
            copy.advanceTo(c2.now);
        }
        assertEquals(expected, l2.riseTimes);
    }
}
