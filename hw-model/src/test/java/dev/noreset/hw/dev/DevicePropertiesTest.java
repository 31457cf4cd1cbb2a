package dev.noreset.hw.dev;

import dev.noreset.hw.bus.IoBus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Properties over random programming, input scripts and transfer patterns. */
class DevicePropertiesTest {

    /** Rate generator and square wave: one rising edge per n PIT clocks, first at load + n. */
    @Property(tries = 200)
    void periodicModesRiseEveryCountClocks(@ForAll @IntRange(min = 2, max = 3) int mode,
                                          @ForAll @IntRange(min = 2, max = 5000) int count,
                                          @ForAll @IntRange(min = 1, max = 8) int perTick,
                                          @ForAll @IntRange(min = 0, max = 1000) int start) {
        TestWires.Clock clock = new TestWires.Clock();
        TestWires.Line irq = new TestWires.Line(clock);
        IoBus bus = new IoBus();
        Pit8254 pit = new Pit8254(clock, irq, perTick);
        pit.attach(bus);
        clock.now = start;
        bus.out(0x43, 1, 0x30 | mode << 1);
        bus.out(0x40, 1, count & 0xFF);
        bus.out(0x40, 1, count >> 8);
        irq.riseTimes.clear();
        long load = start / perTick + 1;
        long end = (load + 5L * count) * perTick;
        while (pit.nextEventTime() <= end) {
            clock.now = pit.nextEventTime();
            pit.advanceTo(clock.now);
        }
        List<Long> expected = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            expected.add((load + (long) k * count) * perTick);
        }
        assertEquals(expected, irq.riseTimes);
    }

    /** Advancing in arbitrary steps sees the same edges and counter as advancing event by event. */
    @Property(tries = 200)
    void lazyTimerMatchesEventStepping(@ForAll @IntRange(min = 0, max = 4) int mode,
                                       @ForAll @IntRange(min = 2, max = 3000) int count,
                                       @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 2000) Integer> steps) {
        long[] rises = new long[2];
        int[] counters = new int[2];
        for (int variant = 0; variant < 2; variant++) {
            TestWires.Clock clock = new TestWires.Clock();
            TestWires.Line irq = new TestWires.Line(clock);
            IoBus bus = new IoBus();
            Pit8254 pit = new Pit8254(clock, irq, 1);
            pit.attach(bus);
            bus.out(0x43, 1, 0x30 | mode << 1);
            bus.out(0x40, 1, count & 0xFF);
            bus.out(0x40, 1, count >> 8);
            int before = irq.rises;
            for (int s : steps) {
                long target = clock.now + s;
                if (variant == 0) {
                    while (pit.nextEventTime() <= target) {
                        clock.now = pit.nextEventTime();
                        pit.advanceTo(clock.now);
                    }
                }
                clock.now = target;
                pit.advanceTo(target);
            }
            rises[variant] = irq.rises - before;
            bus.out(0x43, 1, 0x00);
            counters[variant] = bus.in(0x40, 1) | bus.in(0x40, 1) << 8;
        }
        assertEquals(rises[0], rises[1]);
        assertEquals(counters[0], counters[1]);
    }

    /** Whatever the script and however the guest polls, every byte arrives once, in order. */
    @Property(tries = 100)
    void scriptedInputIsNeverLostOrReordered(@ForAll @Size(min = 1, max = 6) List<@Size(min = 1, max = 40) byte[]> chunks,
                                             @ForAll boolean fifo, @ForAll long seed) {
        Random rnd = new Random(seed);
        ScriptedSerialInput script = new ScriptedSerialInput();
        ByteArraySink all = new ByteArraySink();
        long t = 0;
        for (byte[] c : chunks) {
            if (rnd.nextBoolean()) {
                // From time 1: the FCR write below (at time 0) clears the receive FIFO, which
                // rightly drops a byte that had already arrived at time 0.
                t += 1 + rnd.nextInt(2000);
                script.at(t, c);
            } else {
                script.whenPolled(c);
            }
            all.add(c);
        }
        TestWires.Clock clock = new TestWires.Clock();
        IoBus bus = new IoBus();
        Uart16550 uart = new Uart16550(0x3F8, clock, new TestWires.Line(clock), 115_200, b -> { }, script);
        uart.attach(bus);
        bus.out(0x3FA, 1, fifo ? 0xC7 : 0);
        ByteArraySink got = new ByteArraySink();
        for (int i = 0; i < 100_000 && !(script.exhausted() && (bus.in(0x3FD, 1) & 1) == 0); i++) {
            clock.now += rnd.nextInt(300);
            while ((bus.in(0x3FD, 1) & 1) != 0 && rnd.nextInt(4) != 0) {
                got.add(new byte[] {(byte) bus.in(0x3F8, 1)});
            }
        }
        assertEquals(0, bus.in(0x3FD, 1) & 2, "no overrun");
        assertArrayEquals(all.bytes(), got.bytes());
    }

    /**
     * The guest's view of the UART does not depend on how often the machine steps it: reads at the
     * same times return the same values whether the device was advanced event by event or only
     * when accessed.
     */
    @Property(tries = 100)
    void uartObservationsDoNotDependOnStepping(@ForAll @Size(min = 1, max = 5) List<@Size(min = 1, max = 30) byte[]> chunks,
                                               @ForAll boolean fifo, @ForAll long seed) {
        List<List<Integer>> seen = new ArrayList<>();
        for (int variant = 0; variant < 2; variant++) {
            Random rnd = new Random(seed);
            ScriptedSerialInput script = new ScriptedSerialInput();
            long t = 0;
            for (byte[] c : chunks) {
                if (rnd.nextBoolean()) {
                    t += rnd.nextInt(3000);
                    script.at(t, c);
                } else {
                    script.whenPolled(c);
                }
            }
            TestWires.Clock clock = new TestWires.Clock();
            IoBus bus = new IoBus();
            Uart16550 uart = new Uart16550(0x3F8, clock, new TestWires.Line(clock), 115_200, b -> { }, script);
            uart.attach(bus);
            bus.out(0x3FA, 1, fifo ? 0xC1 : 0);
            bus.out(0x3F9, 1, 0x01);
            List<Integer> reads = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long target = clock.now + rnd.nextInt(200);
                if (variant == 0) {
                    while (uart.nextEventTime() <= target) {
                        clock.now = uart.nextEventTime();
                        uart.advanceTo(clock.now);
                    }
                }
                clock.now = target;
                int op = rnd.nextInt(3);
                reads.add(bus.in(0x3F8 + (op == 0 ? 5 : op == 1 ? 0 : 2), 1));
            }
            seen.add(reads);
        }
        assertEquals(seen.get(0), seen.get(1));
    }

    /** Random multi-sector writes and reads through the registers agree with a byte-array model. */
    @Property(tries = 30)
    void diskBehavesLikeAnArrayOfSectors(@ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        int sectors = 1 + rnd.nextInt(64);
        Path file = Files.createTempFile("ata-prop", ".img");
        try {
            byte[] model = new byte[sectors * 512];
            rnd.nextBytes(model);
            Files.write(file, model);
            TestWires.Clock clock = new TestWires.Clock();
            IoBus bus = new IoBus();
            try (DiskImage img = DiskImage.open(file, false)) {
                AtaDisk disk = new AtaDisk(img, clock, new TestWires.Line(clock), rnd.nextInt(50));
                disk.attach(bus);
                for (int op = 0; op < 12; op++) {
                    int lba = rnd.nextInt(sectors + 2);
                    int count = 1 + rnd.nextInt(4);
                    boolean write = rnd.nextBoolean();
                    bus.out(0x1F6, 1, 0xE0);
                    bus.out(0x1F2, 1, count);
                    bus.out(0x1F3, 1, lba);
                    bus.out(0x1F4, 1, 0);
                    bus.out(0x1F5, 1, 0);
                    bus.out(0x1F7, 1, write ? AtaDisk.CMD_WRITE : AtaDisk.CMD_READ);
                    for (int s = 0; s < count; s++) {
                        int st = waitReady(bus, disk, clock);
                        if (lba + s >= sectors) {
                            assertEquals(AtaDisk.ERR, st & (AtaDisk.ERR | AtaDisk.DRQ), "past the end");
                            assertEquals(AtaDisk.IDNF, bus.in(0x1F1, 1));
                            break;
                        }
                        assertEquals(AtaDisk.DRQ, st & (AtaDisk.ERR | AtaDisk.DRQ));
                        int base = (lba + s) * 512;
                        for (int i = 0; i < 512; i += 2) {
                            if (write) {
                                byte lo = (byte) rnd.nextInt(), hi = (byte) rnd.nextInt();
                                model[base + i] = lo;
                                model[base + i + 1] = hi;
                                bus.out(0x1F0, 2, (lo & 0xFF) | (hi & 0xFF) << 8);
                            } else {
                                int w = bus.in(0x1F0, 2);
                                assertEquals(model[base + i] & 0xFF, w & 0xFF);
                                assertEquals(model[base + i + 1] & 0xFF, w >> 8);
                            }
                        }
                    }
                    waitReady(bus, disk, clock);
                }
            }
            assertArrayEquals(model, Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static int waitReady(IoBus bus, AtaDisk disk, TestWires.Clock clock) {
        while ((bus.in(0x3F6, 1) & AtaDisk.BSY) != 0) {
            clock.now = disk.nextEventTime();
            disk.advanceTo(clock.now);
        }
        return bus.in(0x1F7, 1);
    }

    private static final class ByteArraySink {
        private byte[] data = new byte[0];

        void add(byte[] b) {
            int n = data.length;
            data = Arrays.copyOf(data, n + b.length);
            System.arraycopy(b, 0, data, n, b.length);
        }

        byte[] bytes() {
            return data;
        }
    }

}
