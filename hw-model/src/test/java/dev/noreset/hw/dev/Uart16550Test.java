package dev.noreset.hw.dev;

import dev.noreset.hw.bus.IoBus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 16550A registers and timing (PC16550D datasheet). With 115200 virtual ticks per second one
 * 8N1 character at divisor 1 lasts exactly 10 ticks.
 */
class Uart16550Test {
    private static final int P = Uart16550.COM1;
    private final TestWires.Clock clock = new TestWires.Clock();
    private final TestWires.Line line = new TestWires.Line(clock);
    private final IoBus bus = new IoBus();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private Uart16550 uart;

    private void make(SerialInput in) {
        uart = new Uart16550(P, clock, line, 115_200, sent::write, in);
        uart.attach(bus);
        bus.out(P + 3, 1, 0x80);
        bus.out(P, 1, 1);
        bus.out(P + 1, 1, 0);
        bus.out(P + 3, 1, 0x03);                  // 8N1, DLAB off
    }

    private void runTo(long t) {
        while (uart.nextEventTime() <= t) {
            clock.now = Math.max(clock.now, uart.nextEventTime());
            uart.advanceTo(clock.now);
        }
        clock.now = t;
        uart.advanceTo(t);
    }

    private int iir() {
        return bus.in(P + 2, 1);
    }

    private int lsr() {
        return bus.in(P + 5, 1);
    }

    @Test
    void resetState() {
        uart = new Uart16550(P, clock, line, 115_200, sent::write, SerialInput.NONE);
        uart.attach(bus);
        assertEquals(0x01, iir());
        assertEquals(0x60, lsr());
        assertEquals(0xB0, bus.in(P + 6, 1), "a connected terminal: DCD, DSR, CTS");
        assertEquals(0x00, bus.in(P + 1, 1));
        assertEquals(0x00, bus.in(P + 4, 1));
        assertFalse(line.high);
    }

    @Test
    void divisorLatchAndScratch() {
        make(SerialInput.NONE);
        bus.out(P + 3, 1, 0x83);
        bus.out(P, 1, 0x34);
        bus.out(P + 1, 1, 0x12);
        assertEquals(0x34, bus.in(P, 1));
        assertEquals(0x12, bus.in(P + 1, 1));
        bus.out(P + 3, 1, 0x03);
        assertEquals(0x00, bus.in(P + 1, 1), "with DLAB clear offset 1 is IER again");
        bus.out(P + 7, 1, 0xA5);
        assertEquals(0xA5, bus.in(P + 7, 1));
        assertEquals(0x03, bus.in(P + 3, 1));
    }

    @Test
    void transmitterTakesOneCharacterTimePerByte() {
        make(SerialInput.NONE);
        bus.out(P, 1, 'A');
        assertEquals("A", sent.toString(StandardCharsets.US_ASCII), "byte leaves when it enters the shift register");
        assertEquals(0x20, lsr() & 0x60, "THR empty, transmitter busy");
        bus.out(P, 1, 'B');
        assertEquals(0x00, lsr() & 0x60, "B waits in the holding register");
        runTo(9);
        assertEquals("A", sent.toString(StandardCharsets.US_ASCII));
        runTo(10);
        assertEquals("AB", sent.toString(StandardCharsets.US_ASCII));
        assertEquals(0x20, lsr() & 0x60);
        runTo(20);
        assertEquals(0x60, lsr() & 0x60, "TEMT once B has been shifted out");
    }

    @Test
    void characterTimeFollowsDivisorAndFrame() {
        make(SerialInput.NONE);
        bus.out(P + 3, 1, 0x80);
        bus.out(P, 1, 12);                        // 9600 baud
        bus.out(P + 3, 1, 0x0F);                  // 8 data, parity, 2 stop bits: 12 bits
        bus.out(P, 1, 'x');
        runTo(12 * 12 - 1);
        assertEquals(0x20, lsr() & 0x60);
        runTo(12 * 12);
        assertEquals(0x60, lsr() & 0x60);
    }

    @Test
    void thrEmptyInterruptClearedByReadingIir() {
        make(SerialInput.NONE);
        bus.out(P + 4, 1, 0x08);                  // OUT2 enables the IRQ driver
        bus.out(P + 1, 1, 0x02);
        assertEquals(0x02, iir());
        assertFalse(line.high, "reading IIR cleared the THRE interrupt");
        assertEquals(0x01, iir());
        assertTrue(line.rises > 0);
    }

    @Test
    void irqLineNeedsOut2() {
        make(SerialInput.NONE);
        bus.out(P + 1, 1, 0x02);
        assertFalse(line.high);
        bus.out(P + 4, 1, 0x08);
        assertTrue(line.high);
    }

    @Test
    void fifoTriggerLevelAndReceiveRate() {
        make(new ScriptedSerialInput().at(100, "ABCDEFGHIJKLMNOPQRST"));
        bus.out(P + 2, 1, 0xC1);                  // FIFO on, trigger 14
        bus.out(P + 4, 1, 0x08);
        bus.out(P + 1, 1, 0x01);
        assertEquals(0xC1, iir(), "FIFO-enabled bits");
        runTo(229);                               // bytes land at 100, 110, ..., 230
        assertEquals(0xC1, iir(), "13 bytes: below the trigger");
        assertFalse(line.high);
        runTo(230);
        assertEquals(0xC4, iir());
        assertTrue(line.high);
        StringBuilder got = new StringBuilder();
        while ((lsr() & 1) != 0) {
            got.append((char) bus.in(P, 1));
        }
        assertEquals("ABCDEFGHIJKLMN", got.toString());
        assertFalse(line.high);
    }

    @Test
    void characterTimeoutInterrupt() {
        make(new ScriptedSerialInput().at(100, "xyz"));
        bus.out(P + 2, 1, 0x07);                  // FIFO on, trigger 1 (cleared FIFOs)
        bus.out(P + 2, 1, 0xC1);                  // trigger 14
        bus.out(P + 4, 1, 0x08);
        bus.out(P + 1, 1, 0x01);
        runTo(159);
        assertEquals(0xC1, iir());
        runTo(160);                               // four character times after the last byte (t=120)
        assertEquals(0xCC, iir());
        assertEquals('x', bus.in(P, 1));
        assertEquals(0xC1, iir(), "reading RBR clears the timeout and restarts the timer");
        runTo(199);
        assertEquals(0xC1, iir());
        runTo(200);
        assertEquals(0xCC, iir());
    }

    @Test
    void senderWaitsWhenFifoIsFullSoNothingIsLost() {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            script.append((char) ('a' + i % 26));
        }
        make(new ScriptedSerialInput().at(100, script.toString()));
        bus.out(P + 2, 1, 0x01);
        runTo(10_000);
        assertEquals(0, lsr() & 0x02, "no overrun");
        StringBuilder got = new StringBuilder();
        for (int round = 0; round < 10 && got.length() < 40; round++) {
            while ((lsr() & 1) != 0) {
                got.append((char) bus.in(P, 1));
            }
            runTo(clock.now + 1000);
        }
        assertEquals(script.toString(), got.toString());
    }

    @Test
    void fifoControlClearsAndSwitchesModes() {
        make(new ScriptedSerialInput().at(100, "12345"));
        bus.out(P + 2, 1, 0x01);
        runTo(200);
        assertEquals(1, lsr() & 1);
        bus.out(P + 2, 1, 0x03);                  // clear the receive FIFO
        assertEquals(0, lsr() & 1);
        bus.out(P, 1, 'a');
        bus.out(P, 1, 'b');
        bus.out(P, 1, 'c');
        bus.out(P + 2, 1, 0x05);                  // clear the transmit FIFO: b and c never leave
        runTo(1000);
        assertEquals("a", sent.toString(StandardCharsets.US_ASCII));
        assertEquals(0xC1, iir(), "FIFO mode, no interrupt pending");
        bus.out(P + 2, 1, 0x00);                  // FIFOs off
        assertEquals(0x00, iir() & 0xC0);
    }

    @Test
    void pollReleasedInputArrivesOnlyAfterTheGuestWaits() {
        ScriptedSerialInput in = new ScriptedSerialInput().whenPolled("ls\n").whenPolled("exit\n");
        make(in);
        runTo(1000);
        assertEquals(0x60, lsr(), "nothing before the guest polls; this read is the poll");
        runTo(1001);
        runTo(1040);
        StringBuilder got = new StringBuilder();
        while ((lsr() & 1) != 0) {
            got.append((char) bus.in(P, 1));
            runTo(clock.now + 10);
        }
        assertEquals("ls\n", got.toString());
        assertFalse(in.exhausted());
        // The read that found the receiver empty after "ls\n" was the next poll.
        runTo(5000);
        assertEquals(0x61, lsr());
        assertEquals('e', bus.in(P, 1));
    }

    @Test
    void loopbackReturnsTransmittedBytesAndMirrorsModemLines() {
        make(SerialInput.NONE);
        bus.out(P + 4, 1, 0x10);
        assertEquals(0x00, bus.in(P + 6, 1) & 0xF0);
        bus.out(P + 4, 1, 0x1F);                  // DTR RTS OUT1 OUT2 in loopback
        assertEquals(0xF0 | 0x0B, bus.in(P + 6, 1), "CTS DSR RI DCD set; deltas DCTS DDSR DDCD");
        assertEquals(0xF0, bus.in(P + 6, 1), "reading MSR clears the deltas");
        bus.out(P + 4, 1, 0x1B);                  // drop OUT1: trailing edge of RI
        assertEquals(0xB4, bus.in(P + 6, 1));
        bus.out(P, 1, 'q');
        assertEquals(0, sent.size(), "loopback keeps bytes off the line");
        assertEquals(0x01, lsr() & 0x01);
        assertEquals('q', bus.in(P, 1));
    }

    @Test
    void overrunRaisesLineStatusAboveReceivedData() {
        make(SerialInput.NONE);
        bus.out(P + 4, 1, 0x10);
        bus.out(P + 1, 1, 0x05);                  // RDA and RLS
        bus.out(P, 1, '1');
        bus.out(P, 1, '2');
        runTo(10);                                // '2' arrives while '1' is unread
        assertEquals(0x06, iir(), "line status has the highest priority");
        assertEquals(0x03, lsr() & 0x03, "OE and DR");
        assertEquals(0x04, iir(), "reading LSR cleared the error; data remains");
        assertEquals('2', bus.in(P, 1), "without FIFO the RBR is overwritten");
    }

    @Test
    void modemStatusInterrupt() {
        make(SerialInput.NONE);
        bus.out(P + 1, 1, 0x08);
        bus.out(P + 4, 1, 0x10);
        bus.out(P + 4, 1, 0x11);                  // DTR -> DSR changes
        assertEquals(0x00, iir(), "modem status pending");
        bus.in(P + 6, 1);
        assertEquals(0x01, iir());
    }

    @Test
    void snapshotMidReceptionContinuesIdentically() throws IOException {
        String text = "the quick brown fox";
        make(new ScriptedSerialInput().at(5, text));
        bus.out(P + 2, 1, 0x01);
        runTo(73);
        StringBuilder before = new StringBuilder();
        before.append((char) bus.in(P, 1));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        uart.saveState(new DataOutputStream(buf));
        String rest = drain();

        TestWires.Clock c2 = new TestWires.Clock();
        IoBus bus2 = new IoBus();
        Uart16550 copy = new Uart16550(P, c2, new TestWires.Line(c2), 115_200, b -> { },
                new ScriptedSerialInput().at(5, text));
        copy.attach(bus2);
        c2.now = 73;
        copy.loadState(new DataInputStream(new ByteArrayInputStream(buf.toByteArray())));
        StringBuilder again = new StringBuilder();
        while (c2.now < 5000) {
            while ((bus2.in(P + 5, 1) & 1) != 0) {
                again.append((char) bus2.in(P, 1));
            }
            c2.now += 50;
            copy.advanceTo(c2.now);
        }
        assertEquals(rest, again.toString());
        assertEquals(text, before + rest);
    }

    private String drain() {
        StringBuilder s = new StringBuilder();
        while (clock.now < 5000) {
            while ((lsr() & 1) != 0) {
                s.append((char) bus.in(P, 1));
            }
            runTo(clock.now + 50);
        }
        return s.toString();
    }
}
