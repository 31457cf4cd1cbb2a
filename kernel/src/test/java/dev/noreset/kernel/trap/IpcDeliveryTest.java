package dev.noreset.kernel.trap;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.cpu.Trap;
import dev.noreset.kernel.boot.TestBoot;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.kcall.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Messages copied between user memory and the core through the real trap entry, with traps
 * injected as if the process had executed {@code int 0x80}: a receiver "r" (priority 0) and a
 * sender "s" (priority 1). Every byte of the message must arrive, whether the buffers lie
 * inside one page (the one-walk copies) or straddle two, and a kernel notification arrives
 * with the fields the kernel fills in.
 */
class IpcDeliveryTest {
    static final int DATA = TestBoot.DATA, DATA_PAGES = 4;
    static final int R = 0, S = 1;

    TrapEntry entry;
    KernelGlue k;

    @BeforeEach
    void boot() throws Exception {
        entry = TestBoot.boot(DATA_PAGES, TestBoot.plain("r", 0), TestBoot.plain("s", 1));
        k = entry.kernel();
        assertEquals(R, k.current());
    }

    /** The process on the CPU traps with {@code int 0x80} and EAX/EBX/ECX as given. */
    void trap(int slot, int op, int endpoint, int addr) {
        assertEquals(slot, k.current());
        k.cpu.setReg(Cpu.EAX, op);
        k.cpu.setReg(Cpu.EBX, endpoint);
        k.cpu.setReg(Cpu.ECX, addr);
        entry.handle(new Trap(Trap.Kind.SOFTWARE_INTERRUPT, Abi.IPC_VECTOR, -1, 0));
        assertNull(entry.internalError());
    }

    static Message pattern(int seed) {
        Message m = new Message();
        for (int w = 0; w < 16; w++) {
            m.set(4 * w, 0x01000193 * (w + 1) ^ seed);
        }
        return m;
    }

    @Test
    void everyWordArrivesInsideOnePageAndAcrossTwo() {
        int[] offsets = {0, 0x40, 0xFC0, 0xFC4, 0xFE0, 0xFFC, 0x1000 + 0xFC1};
        for (int n = 0; n < offsets.length; n++) {
            int rbuf = DATA + 0x1000 + offsets[n];
            int sbuf = DATA + 0x1000 + offsets[offsets.length - 1 - n];
            // Fill the receive buffer and its neighbours, so a stray write shows.
            Message fill = pattern(-1);
            assertEquals(Abi.OK, k.messageOut(R, fill, rbuf - 64));
            assertEquals(Abi.OK, k.messageOut(R, fill, rbuf));
            assertEquals(Abi.OK, k.messageOut(R, fill, rbuf + 64));
            Message sent = pattern(n);
            assertEquals(Abi.OK, k.messageOut(S, sent, sbuf));

            trap(R, Abi.RECEIVE, Abi.ANY, rbuf);          // r blocks; s runs
            assertEquals(S, k.current());
            trap(S, Abi.SEND, k.core.endpointOf(R), sbuf); // delivered; r (priority 0) runs again
            assertEquals(R, k.current());
            assertEquals(Abi.OK, k.cpu.reg(Cpu.EAX), "receive result");

            Message got = new Message();
            assertEquals(Abi.OK, k.messageIn(R, rbuf, got));
            assertEquals(k.core.endpointOf(S), got.get(Abi.M_SOURCE), "offset " + offsets[n]);
            for (int w = 1; w < 16; w++) {
                assertEquals(sent.get(4 * w), got.get(4 * w), "word " + w + " at offset " + offsets[n]);
            }
            Message around = new Message();
            assertEquals(Abi.OK, k.messageIn(R, rbuf - 64, around));
            assertEquals(fill.get(60), around.get(60), "below the buffer untouched");
            assertEquals(Abi.OK, k.messageIn(R, rbuf + 64, around));
            assertEquals(fill.get(0), around.get(0), "above the buffer untouched");
            // The sender's own buffer is unchanged by its SEND.
            assertEquals(Abi.OK, k.messageIn(S, sbuf, got));
            for (int w = 0; w < 16; w++) {
                assertEquals(sent.get(4 * w), got.get(4 * w), "sender word " + w);
            }
            // Let s run again (it is runnable; r gives the CPU up by receiving from s).
            trap(R, Abi.RECEIVE, k.core.endpointOf(S), rbuf);
            assertEquals(S, k.current());
            trap(S, Abi.SEND, k.core.endpointOf(R), sbuf);
            assertEquals(R, k.current());
        }
    }

    @Test
    void sendrecGetsItsReplyInTheSameBuffer() {
        for (int off : new int[] {0x100, 0xFE8}) {
            int rbuf = DATA + 0x2000, sbuf = DATA + off;
            trap(R, Abi.RECEIVE, Abi.ANY, rbuf);
            Message request = pattern(off);
            assertEquals(Abi.OK, k.messageOut(S, request, sbuf));
            trap(S, Abi.SENDREC, k.core.endpointOf(R), sbuf); // s waits for the reply; r runs
            assertEquals(R, k.current());
            Message got = new Message();
            k.messageIn(R, rbuf, got);
            assertEquals(request.get(60), got.get(60));
            Message reply = pattern(~off);
            assertEquals(Abi.OK, k.messageOut(R, reply, rbuf));
            trap(R, Abi.SENDNB, k.core.endpointOf(S), rbuf);  // s has its reply
            trap(R, Abi.RECEIVE, Abi.ANY, rbuf);              // r blocks; s runs with the reply
            assertEquals(S, k.current());
            assertEquals(Abi.OK, k.cpu.reg(Cpu.EAX));
            k.messageIn(S, sbuf, got);
            assertEquals(k.core.endpointOf(R), got.get(Abi.M_SOURCE));
            for (int w = 1; w < 16; w++) {
                assertEquals(reply.get(4 * w), got.get(4 * w), "reply word " + w + " at offset " + off);
            }
            // Back to r blocked in RECEIVE: s sends it something to start the next round.
            trap(S, Abi.SEND, k.core.endpointOf(R), sbuf);
            assertEquals(R, k.current());
        }
    }

    @Test
    void aClockNotificationCarriesTheTickCount() {
        for (int off : new int[] {0x200, 0xFF0}) {
            int rbuf = DATA + off;
            assertEquals(Abi.OK, k.messageOut(R, pattern(7), rbuf));
            trap(R, Abi.RECEIVE, Abi.ANY, rbuf);
            assertEquals(S, k.current());
            assertEquals(Abi.OK, k.core.notifyFromKernel(R, Abi.CLOCK));
            k.ctx.save(k.cpu, S);
            entry.schedule();
            assertEquals(R, k.current());
            Message got = new Message();
            assertEquals(Abi.OK, k.messageIn(R, rbuf, got));
            assertEquals(Abi.CLOCK, got.get(Abi.M_SOURCE));
            assertEquals(Abi.NOTIFY_MESSAGE, got.get(Abi.M_TYPE));
            assertEquals((int) k.ticks(), got.get(Abi.NOTIFY_TICKS_LO));
            assertEquals(0, got.get(Abi.NOTIFY_IRQS), "no IRQ bits in a clock notification");
            for (int w = 4; w < 16; w++) {
                assertEquals(0, got.get(4 * w), "word " + w);
            }
        }
    }
}
