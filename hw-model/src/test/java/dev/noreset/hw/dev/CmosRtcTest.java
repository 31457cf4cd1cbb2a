package dev.noreset.hw.dev;

import dev.noreset.hw.bus.IoBus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MC146818 clock driven by virtual time (1000 ticks per second here). */
class CmosRtcTest {
    private static final long TPS = 1000;
    private static final long EPOCH = 1_767_225_600L + 13 * 3600 + 59 * 60 + 58;   // 2026-01-01 13:59:58 UTC, a Thursday
    private final TestWires.Clock clock = new TestWires.Clock();
    private final TestWires.Line line = new TestWires.Line(clock);
    private final IoBus bus = new IoBus();
    private final CmosRtc rtc = new CmosRtc(clock, line, TPS, EPOCH);

    {
        rtc.attach(bus);
    }

    private int reg(int r) {
        bus.out(0x70, 1, r);
        return bus.in(0x71, 1);
    }

    private void set(int r, int v) {
        bus.out(0x70, 1, r);
        bus.out(0x71, 1, v);
    }

    private void runTo(long t) {
        while (rtc.nextEventTime() <= t) {
            clock.now = rtc.nextEventTime();
            rtc.advanceTo(clock.now);
        }
        clock.now = t;
        rtc.advanceTo(t);
    }

    @Test
    void timeIsEpochPlusVirtualTimeInBcd() {
        assertEquals(0x58, reg(0));
        assertEquals(0x59, reg(2));
        assertEquals(0x13, reg(4));
        assertEquals(0x01, reg(7));
        assertEquals(0x01, reg(8));
        assertEquals(0x26, reg(9));
        assertEquals(0x20, reg(0x32));
        assertEquals(5, reg(6), "Thursday (Sunday = 1)");
        runTo(2500);
        assertEquals(0x00, reg(0));
        assertEquals(0x00, reg(2));
        assertEquals(0x14, reg(4));
    }

    @Test
    void binaryAnd12HourFormats() {
        set(0x0B, 0x04);                          // binary, 12-hour
        assertEquals(0x80 | 1, reg(4), "13h is 1 PM");
        assertEquals(59, reg(2));
        set(4, 0x80 | 3);                         // guest sets 3 PM
        set(0x0B, 0x06);
        assertEquals(15, reg(4));
        assertEquals(59, reg(2), "other fields unchanged");
    }

    @Test
    void updateInProgressNearTheEndOfEachSecond() {
        runTo(998);
        assertEquals(0, reg(0x0A) & 0x80);
        runTo(999);
        assertEquals(0x80, reg(0x0A) & 0x80);
    }

    @Test
    void periodicInterruptAndRegisterCClears() {
        set(0x0A, 0x2F);                          // rate 15: 2 Hz -> every 500 ticks
        set(0x0B, 0x42);                          // PIE, 24-hour
        runTo(499);
        assertFalse(line.high);
        runTo(500);
        assertTrue(line.high);
        assertEquals(0xC0, reg(0x0C) & 0xC0, "IRQF and PF");
        assertFalse(line.high, "reading C acknowledges");
        assertEquals(0, reg(0x0C) & 0xC0);
        runTo(1000);
        assertTrue(line.high);
        assertEquals(2, line.rises);
    }

    @Test
    void updateEndedAndAlarmInterrupts() {
        set(0x01, 0x00);                          // alarm at hh:00:00 any hour
        set(0x03, 0x00);
        set(0x05, 0xC0);
        set(0x0B, 0x32);                          // AIE, UIE, 24-hour
        runTo(1000);
        int c = reg(0x0C);
        assertEquals(0x90, c & 0xB0, "update-ended only at 13:59:59");
        assertEquals(0x40, c & 0x40, "PF is set at the periodic rate even with PIE clear");
        runTo(2000);
        assertEquals(0xB0, reg(0x0C) & 0xB0, "alarm at 14:00:00");
    }

    @Test
    void alarmFlagDoesNotDependOnPolling() {
        set(0x01, 0x01);                          // alarm 14:00:01 (BCD)
        set(0x03, 0x00);
        set(0x05, 0x14);
        clock.now = 10_000;                       // 14:00:08: the alarm second passed unobserved
        assertEquals(0x20, reg(0x0C) & 0x20, "AF set without AIE, looked at late");
        clock.now = 20_000;
        assertEquals(0, reg(0x0C) & 0x20, "cleared by the read, and not due again today");
    }

    @Test
    void cmosRamKeepsBytes() {
        set(0x40, 0x5A);
        assertEquals(0x5A, reg(0x40));
        assertEquals(0x80, reg(0x0D), "valid RAM and time");
    }
}
