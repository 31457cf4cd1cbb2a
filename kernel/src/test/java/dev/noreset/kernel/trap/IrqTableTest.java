package dev.noreset.kernel.trap;

import dev.noreset.hw.cpu.IoSpace;
import dev.noreset.hw.dev.PicPair;
import dev.noreset.hw.bus.IoBus;
import dev.noreset.kernel.core.Abi;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel programs the real 8259A model through its ports: vectors, masks, EOI. */
class IrqTableTest {
    @Test
    void onlyTimerAndCascadeAreUnmaskedAfterInit() {
        IoBus bus = new IoBus();
        PicPair pic = new PicPair();
        pic.attach(bus);
        IrqTable t = new IrqTable(bus);
        t.initPic();
        pic.line(4).raise();
        assertFalse(pic.pending(), "IRQ 4 is masked until a driver enables it");
        pic.line(0).raise();
        assertTrue(pic.pending());
        assertEquals(IrqTable.MASTER_VECTOR, pic.acknowledge(), "IRQ 0 arrives as vector 0x20");
        t.eoi(0);
        pic.line(0).lower();
        t.setMasked(4, false);
        assertTrue(pic.pending());
        assertEquals(IrqTable.MASTER_VECTOR + 4, pic.acknowledge());
        assertEquals(4, IrqTable.lineOf(IrqTable.MASTER_VECTOR + 4));
        assertEquals(-1, IrqTable.lineOf(0x80));
    }

    @Test
    void slaveLinesUseTheSecondChipAndDeadDriversGiveUpTheirLines() {
        IoBus bus = new IoBus();
        PicPair pic = new PicPair();
        pic.attach(bus);
        IrqTable t = new IrqTable(bus);
        t.initPic();
        t.setMasked(14, false);
        pic.line(14).raise();
        assertEquals(IrqTable.SLAVE_VECTOR + 6, pic.acknowledge());
        t.setOwner(14, 5);
        t.markPending(5, 14);
        t.releaseAll(5);
        assertEquals(Abi.NONE, t.owner(14));
        assertTrue(t.masked(14));
        assertEquals(0, t.takePending(5));
    }

    @Test
    void writesGoOnlyToPicPorts() {
        int[] touched = new int[0x10000];
        IrqTable t = new IrqTable(new IoSpace() {
            @Override public int in(int port, int size) { return 0xFF; }
            @Override public void out(int port, int size, int value) { touched[port]++; }
        });
        t.initPic();
        t.setMasked(3, false);
        t.eoi(9);
        for (int p = 0; p < touched.length; p++) {
            if (touched[p] != 0) {
                assertTrue(p == 0x20 || p == 0x21 || p == 0xA0 || p == 0xA1, "port " + p);
            }
        }
    }
}
