package dev.noreset.hw.bus;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IoBusTest {
    /** Eight byte registers at 0x100..0x107 that log accesses. */
    static final class Regs implements PortDevice {
        final int[] reg = new int[8];
        final List<String> log = new ArrayList<>();
        final boolean wideData;

        Regs(boolean wideData) {
            this.wideData = wideData;
        }

        @Override public int in(int port, int size) {
            log.add("in " + Integer.toHexString(port) + "/" + size);
            return size == 1 ? reg[port - 0x100] : 0x12345678;
        }

        @Override public void out(int port, int size, int value) {
            log.add("out " + Integer.toHexString(port) + "/" + size + "=" + Integer.toHexString(value));
            if (size == 1) {
                reg[port - 0x100] = value;
            }
        }

        @Override public boolean wide(int port) {
            return wideData && port == 0x100;
        }
    }

    @Test
    void unclaimedPortsReadAllOnesAndIgnoreWrites() {
        IoBus bus = new IoBus();
        assertEquals(0xFF, bus.in(0x80, 1));
        assertEquals(0xFFFF, bus.in(0x80, 2));
        assertEquals(-1, bus.in(0x80, 4));
        bus.out(0x80, 4, 0);
        assertEquals(-1, bus.in(0x80, 4));
    }

    @Test
    void wordAccessToByteDeviceSplitsIntoConsecutivePorts() {
        IoBus bus = new IoBus();
        Regs r = new Regs(false);
        bus.claim(0x100, 0x107, r);
        bus.out(0x102, 2, 0xBEEF);
        assertEquals(0xEF, r.reg[2]);
        assertEquals(0xBE, r.reg[3]);
        assertEquals(0xBEEF, bus.in(0x102, 2));
        // The top byte of a dword at 0x106 falls on unclaimed 0x108/0x109: reads float high.
        r.reg[6] = 0x11;
        r.reg[7] = 0x22;
        assertEquals(0xFFFF2211, bus.in(0x106, 4));
    }

    @Test
    void widePortTakesOneTransfer() {
        IoBus bus = new IoBus();
        Regs r = new Regs(true);
        bus.claim(0x100, 0x107, r);
        assertEquals(0x5678, bus.in(0x100, 2));
        bus.out(0x100, 4, 0xCAFEBABE);
        assertEquals(List.of("in 100/2", "out 100/4=cafebabe"), r.log);
    }

    @Test
    void overlappingClaimsAreRejected() {
        IoBus bus = new IoBus();
        bus.claim(0x100, 0x107, new Regs(false));
        assertThrows(IllegalStateException.class, () -> bus.claim(0x107, 0x108, new Regs(false)));
        assertEquals(0xFF, bus.in(0x108, 1));
    }

    @Test
    void hookRunsBeforeEveryAccess() {
        IoBus bus = new IoBus();
        int[] calls = {0};
        bus.setBeforeAccess(() -> calls[0]++);
        bus.in(0x10, 1);
        bus.out(0x10, 2, 0);
        assertEquals(2, calls[0]);
    }
}
