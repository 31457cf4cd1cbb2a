package dev.noreset.hw.dev;

import dev.noreset.hw.bus.IoBus;
import dev.noreset.hw.bus.IrqLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Register-level behaviour of the 8259A pair, following the Intel 8259A datasheet. */
class PicPairTest {
    private final IoBus bus = new IoBus();
    private final PicPair pic = new PicPair();

    @BeforeEach
    void wire() {
        pic.attach(bus);
    }

    /** The PC/AT initialisation: vectors 0x20 and 0x28, cascade on IR2, 8086 mode. */
    private void initPc(int icw4) {
        bus.out(0x20, 1, 0x11);
        bus.out(0xA0, 1, 0x11);
        bus.out(0x21, 1, 0x20);
        bus.out(0xA1, 1, 0x28);
        bus.out(0x21, 1, 0x04);
        bus.out(0xA1, 1, 0x02);
        bus.out(0x21, 1, icw4);
        bus.out(0xA1, 1, icw4);
    }

    private int irr(int base) {
        bus.out(base, 1, 0x0A);
        return bus.in(base, 1);
    }

    private int isr(int base) {
        bus.out(base, 1, 0x0B);
        return bus.in(base, 1);
    }

    @Test
    void initSequenceSetsVectorsAndClearsMask() {
        bus.out(0x21, 1, 0x5A);
        assertEquals(0x5A, bus.in(0x21, 1));
        initPc(0x01);
        assertEquals(0, bus.in(0x21, 1), "ICW1 clears the IMR");
        bus.out(0x21, 1, 0xF0);
        assertEquals(0xF0, bus.in(0x21, 1));
        pic.line(1).raise();
        assertTrue(pic.pending());
        assertEquals(0x21, pic.acknowledge());
    }

    @Test
    void noOutputUntilInitialisationCompletes() {
        bus.out(0x20, 1, 0x11);
        bus.out(0x21, 1, 0x20);
        pic.line(0).raise();
        assertFalse(pic.pending(), "still waiting for ICW3/ICW4");
        bus.out(0x21, 1, 0x04);
        bus.out(0x21, 1, 0x01);
        assertTrue(pic.pending());
    }

    @Test
    void edgeTriggeredRequestSetsIrrAndAckMovesItToIsr() {
        initPc(0x01);
        IrqLine l3 = pic.line(3);
        l3.raise();
        assertEquals(0x08, irr(0x20));
        assertEquals(0x23, pic.acknowledge());
        assertEquals(0x00, irr(0x20));
        assertEquals(0x08, isr(0x20));
        assertFalse(pic.pending(), "same level in service blocks it");
        bus.out(0x20, 1, 0x20);       // non-specific EOI
        assertEquals(0, isr(0x20));
        assertFalse(pic.pending(), "a line held high does not request again without a new edge");
        l3.lower();
        l3.raise();
        assertTrue(pic.pending());
    }

    @Test
    void fullyNestedPriority() {
        initPc(0x01);
        pic.line(1).raise();
        pic.line(0).raise();
        assertEquals(0x20, pic.acknowledge(), "IR0 outranks IR1");
        assertFalse(pic.pending(), "IR1 waits while IR0 is in service");
        bus.out(0x20, 1, 0x20);
        assertEquals(0x21, pic.acknowledge());
        pic.line(0).lower();
        pic.line(0).raise();
        assertTrue(pic.pending(), "IR0 may interrupt the IR1 handler");
        assertEquals(0x20, pic.acknowledge());
        assertEquals(0x03, isr(0x20));
        bus.out(0x20, 1, 0x20);       // non-specific EOI clears the highest level: IR0
        assertEquals(0x02, isr(0x20));
        bus.out(0x20, 1, 0x61);       // specific EOI for IR1
        assertEquals(0x00, isr(0x20));
    }

    @Test
    void maskedRequestsStayInIrrButDoNotInterrupt() {
        initPc(0x01);
        bus.out(0x21, 1, 0x10);
        pic.line(4).raise();
        assertFalse(pic.pending());
        assertEquals(0x10, irr(0x20));
        bus.out(0x21, 1, 0x00);
        assertTrue(pic.pending());
        assertEquals(0x24, pic.acknowledge());
    }

    @Test
    void cascadeDeliversSlaveVectorsAndNeedsTwoEois() {
        initPc(0x01);
        pic.line(12).raise();
        assertEquals(0x10, irr(0xA0));
        assertEquals(0x04, irr(0x20), "slave INT drives master IR2");
        assertTrue(pic.pending());
        assertEquals(0x2C, pic.acknowledge());
        assertEquals(0x04, isr(0x20));
        assertEquals(0x10, isr(0xA0));
        pic.line(14).raise();
        assertFalse(pic.pending(), "IR2 in service on the master blocks all slave levels");
        bus.out(0xA0, 1, 0x20);
        bus.out(0x20, 1, 0x20);
        assertTrue(pic.pending());
        assertEquals(0x2E, pic.acknowledge());
    }

    @Test
    void slaveLevelsRankBetweenIr1AndIr3() {
        initPc(0x01);
        pic.line(3).raise();
        pic.line(8).raise();
        assertEquals(0x28, pic.acknowledge());
        bus.out(0xA0, 1, 0x20);
        bus.out(0x20, 1, 0x20);
        assertEquals(0x23, pic.acknowledge());
    }

    @Test
    void requestWithdrawnBeforeAckGivesSpuriousIr7() {
        initPc(0x01);
        pic.line(5).raise();
        assertTrue(pic.pending());
        pic.line(5).lower();
        assertEquals(0x27, pic.acknowledge());
        assertEquals(0, isr(0x20), "a spurious IR7 is not put in service");
    }

    @Test
    void slaveRequestWithdrawnIsSpuriousOnTheMaster() {
        initPc(0x01);
        pic.line(10).raise();
        pic.line(10).lower();
        assertFalse(pic.pending(), "the slave dropped INT, so the master's IR2 dropped too");
        assertEquals(0x27, pic.acknowledge());
        assertEquals(0, isr(0x20));
        assertEquals(0, isr(0xA0));
    }

    @Test
    void autoEoiLeavesIsrClear() {
        initPc(0x03);
        pic.line(6).raise();
        assertEquals(0x26, pic.acknowledge());
        assertEquals(0, isr(0x20));
        pic.line(6).lower();
        pic.line(6).raise();
        assertEquals(0x26, pic.acknowledge());
    }

    @Test
    void setPriorityRotatesTheOrder() {
        initPc(0x01);
        bus.out(0x20, 1, 0xC3);       // OCW2 set priority: IR3 lowest, so IR4 highest
        pic.line(0).raise();
        pic.line(5).raise();
        assertEquals(0x25, pic.acknowledge());
    }

    @Test
    void rotateOnNonSpecificEoiMakesServicedLevelLowest() {
        initPc(0x01);
        pic.line(0).raise();
        assertEquals(0x20, pic.acknowledge());
        bus.out(0x20, 1, 0xA0);       // rotate on non-specific EOI
        pic.line(0).lower();
        pic.line(0).raise();
        pic.line(1).raise();
        assertEquals(0x21, pic.acknowledge(), "IR0 is now the lowest priority");
    }

    @Test
    void pollModeReadsAndAcknowledges() {
        initPc(0x01);
        pic.line(5).raise();
        bus.out(0x20, 1, 0x0C);       // OCW3 poll
        assertEquals(0x85, bus.in(0x20, 1));
        assertEquals(0x20, isr(0x20));
        bus.out(0x20, 1, 0x0C);
        assertEquals(0x00, bus.in(0x20, 1), "nothing else pending");
    }

    @Test
    void specialMaskModeLetsLowerLevelsIn() {
        initPc(0x01);
        pic.line(3).raise();
        assertEquals(0x23, pic.acknowledge());
        pic.line(6).raise();
        assertFalse(pic.pending());
        bus.out(0x21, 1, 0x08);       // mask own level
        bus.out(0x20, 1, 0x68);       // OCW3: set special mask mode
        assertTrue(pic.pending());
        assertEquals(0x26, pic.acknowledge());
    }

    @Test
    void levelTriggeredModeRequestsWhileHigh() {
        bus.out(0x20, 1, 0x19);       // ICW1 with LTIM
        bus.out(0x21, 1, 0x20);
        bus.out(0x21, 1, 0x04);
        bus.out(0x21, 1, 0x01);
        pic.line(1).raise();
        assertEquals(0x21, pic.acknowledge());
        bus.out(0x20, 1, 0x20);
        assertTrue(pic.pending(), "still high after EOI: requests again");
        pic.line(1).lower();
        assertFalse(pic.pending());
    }

    @Test
    void singleModeWithoutIcw4() {
        bus.out(0x20, 1, 0x12);                   // ICW1: single, no ICW4
        bus.out(0x21, 1, 0x48);                   // ICW2 ends the sequence
        bus.out(0x21, 1, 0x7F);                   // so this is OCW1
        assertEquals(0x7F, bus.in(0x21, 1));
        pic.line(7).raise();
        assertTrue(pic.pending());
        assertEquals(0x4F, pic.acknowledge());
        assertEquals(0x80, isr(0x20), "no ICW4 means no automatic EOI");
    }

    @Test
    void specificEoiLeavesOtherLevelsInService() {
        initPc(0x01);
        pic.line(4).raise();
        assertEquals(0x24, pic.acknowledge());
        pic.line(1).raise();
        assertEquals(0x21, pic.acknowledge());
        bus.out(0x20, 1, 0x64);                   // specific EOI for level 4, not the highest
        assertEquals(0x02, isr(0x20));
    }

    @Test
    void reinitialisationResetsEdgeSense() {
        initPc(0x01);
        pic.line(1).raise();
        initPc(0x01);
        assertFalse(pic.pending(), "after ICW1 a high line needs a new rising edge");
    }

    @Test
    void cascadeInputIsNotADeviceLine() {
        assertThrows(IllegalArgumentException.class, () -> pic.line(2));
        assertThrows(IllegalArgumentException.class, () -> pic.line(16));
    }

    @Test
    void snapshotRestoresEveryRegister() throws IOException {
        initPc(0x01);
        bus.out(0x21, 1, 0x40);
        pic.line(3).raise();
        pic.line(11).raise();
        pic.acknowledge();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        pic.saveState(new DataOutputStream(buf));

        IoBus bus2 = new IoBus();
        PicPair copy = new PicPair();
        copy.attach(bus2);
        copy.loadState(new DataInputStream(new ByteArrayInputStream(buf.toByteArray())));
        for (int port : new int[] {0x20, 0xA0}) {
            bus2.out(port, 1, 0x0A);
            assertEquals(irr(port), bus2.in(port, 1));
            bus2.out(port, 1, 0x0B);
            assertEquals(isr(port), bus2.in(port, 1));
            assertEquals(bus.in(port + 1, 1), bus2.in(port + 1, 1));
        }
        bus.out(0xA0, 1, 0x20);
        bus.out(0x20, 1, 0x20);
        bus2.out(0xA0, 1, 0x20);
        bus2.out(0x20, 1, 0x20);
        assertEquals(pic.acknowledge(), copy.acknowledge());
    }
}
