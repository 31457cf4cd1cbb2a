package dev.noreset.kernel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** MINIX IPC semantics, one behaviour per test; invariants checked after each scenario. */
class IpcTest {

    @Test
    void sendToWaitingReceiverDeliversAndStampsSource() {
        World w = new World().sys(2);
        assertEquals(Abi.OK, Ipc.receive(w.k, 1, Abi.ANY));
        assertFalse(w.k.isRunnable(1));
        w.put(0, 77, 1234);
        w.k.setMsgWord(0, 0, 999); // forged source: must be overwritten
        assertEquals(Abi.OK, Ipc.send(w.k, 0, w.ep[1]));
        assertTrue(w.k.isRunnable(1));
        assertTrue(w.k.messageReceived(1));
        assertEquals(w.ep[0], w.k.msgWord(1, 0));
        assertEquals(77, w.k.msgWord(1, 1));
        assertEquals(1234, w.k.msgWord(1, 2));
        assertTrue(w.k.resultReady(0));
        CoreInvariants.check(w.k);
    }

    @Test
    void sendersQueueInFifoOrder() {
        World w = new World().sys(4);
        for (int s = 1; s <= 3; s++) {
            w.put(s, 10 + s, 0);
            assertEquals(Abi.OK, Ipc.send(w.k, s, w.ep[0]));
            assertTrue(w.k.isSending(s));
        }
        for (int s = 1; s <= 3; s++) {
            w.k.clearResult(0);
            assertEquals(Abi.OK, Ipc.receive(w.k, 0, Abi.ANY));
            assertEquals(w.ep[s], w.k.msgWord(0, 0));
            assertEquals(10 + s, w.k.msgWord(0, 1));
            assertTrue(w.k.isRunnable(s));
            assertEquals(Abi.OK, w.k.ipcResult(s));
        }
        CoreInvariants.check(w.k);
    }

    @Test
    void receiveFromOneSourceSkipsOthers() {
        World w = new World().sys(3);
        w.put(1, 1, 0);
        Ipc.send(w.k, 1, w.ep[0]);
        w.put(2, 2, 0);
        Ipc.send(w.k, 2, w.ep[0]);
        assertEquals(Abi.OK, Ipc.receive(w.k, 0, w.ep[2]));
        assertEquals(2, w.k.msgWord(0, 1));
        assertTrue(w.k.isSending(1));
        CoreInvariants.check(w.k);
    }

    @Test
    void sendrecGetsReplyAndNotificationCannotStandIn() {
        World w = new World().sys(3);
        assertEquals(Abi.OK, Ipc.receive(w.k, 1, Abi.ANY)); // server waits
        w.put(0, 5, 6);
        assertEquals(Abi.OK, Ipc.sendrec(w.k, 0, w.ep[1]));
        assertTrue(w.k.isReceiving(0));
        assertEquals(w.ep[0], w.k.msgWord(1, 0));
        // A notification from the server is not the reply: it stays pending.
        w.k.clearResult(1);
        assertEquals(Abi.OK, Ipc.notify(w.k, 1, w.ep[0]));
        assertTrue(w.k.isReceiving(0));
        w.put(1, 99, 0);
        assertEquals(Abi.OK, Ipc.send(w.k, 1, w.ep[0]));
        assertTrue(w.k.isRunnable(0));
        assertEquals(99, w.k.msgWord(0, 1));
        // The notification is delivered on the next plain receive.
        w.k.clearResult(0);
        assertEquals(Abi.OK, Ipc.receive(w.k, 0, Abi.ANY));
        assertEquals(Abi.NOTIFY_MESSAGE, w.k.msgWord(0, 1));
        assertEquals(w.ep[1], w.k.msgWord(0, 0));
        CoreInvariants.check(w.k);
    }

    @Test
    void notifyNeverBlocksAndKeepsOneBitPerSource() {
        World w = new World().sys(2);
        assertEquals(Abi.OK, Ipc.notify(w.k, 0, w.ep[1]));
        assertEquals(Abi.OK, Ipc.notify(w.k, 0, w.ep[1]));
        assertTrue(w.k.isRunnable(0));
        assertEquals(Abi.OK, Ipc.receive(w.k, 1, Abi.ANY));
        assertEquals(Abi.NOTIFY_MESSAGE, w.k.msgWord(1, 1));
        w.k.clearResult(1);
        assertEquals(Abi.OK, Ipc.receive(w.k, 1, Abi.ANY));
        assertFalse(w.k.isRunnable(1), "second notify was merged into the first");
        CoreInvariants.check(w.k);
    }

    @Test
    void kernelNotificationsCarryKernelSource() {
        World w = new World().sys(1);
        assertEquals(Abi.OK, Ipc.notifyFromKernel(w.k, 0, Abi.HARDWARE));
        assertEquals(Abi.EINVAL, Ipc.notifyFromKernel(w.k, 0, 12345));
        assertEquals(Abi.OK, Ipc.receive(w.k, 0, Abi.ANY));
        assertEquals(Abi.HARDWARE, w.k.msgWord(0, 0));
    }

    @Test
    void sendnbFailsInsteadOfBlocking() {
        World w = new World().sys(2);
        assertEquals(Abi.ENOTREADY, Ipc.sendnb(w.k, 0, w.ep[1]));
        assertTrue(w.k.isRunnable(0));
        Ipc.receive(w.k, 1, Abi.ANY);
        assertEquals(Abi.OK, Ipc.sendnb(w.k, 0, w.ep[1]));
        CoreInvariants.check(w.k);
    }

    @Test
    void deadlockIsRefused() {
        World w = new World().sys(3);
        assertEquals(Abi.OK, Ipc.send(w.k, 0, w.ep[1]));
        assertEquals(Abi.OK, Ipc.send(w.k, 1, w.ep[2]));
        assertEquals(Abi.ELOCKED, Ipc.send(w.k, 2, w.ep[0]));
        assertTrue(w.k.isRunnable(2));
        // Receive-from cycle: 2 waits for 1 who waits (sending) on 2.
        assertEquals(Abi.OK, Ipc.receive(w.k, 2, w.ep[1]));
        CoreInvariants.check(w.k);
    }

    @Test
    void deathWakesBlockedPeersAndStaleEndpointsFail() {
        World w = new World().sys(4);
        Ipc.send(w.k, 1, w.ep[0]);
        Ipc.receive(w.k, 2, w.ep[0]);
        Ipc.sendrec(w.k, 3, w.ep[0]);
        Ipc.notify(w.k, 0, w.ep[1]); // pending bit from the dying process, receiver is blocked sending
        assertEquals(Abi.OK, Procs.exit(w.k, 0));
        for (int p = 1; p <= 3; p++) {
            assertTrue(w.k.isRunnable(p), "woken " + p);
            assertEquals(Abi.EDEADSRCDST, w.k.ipcResult(p));
        }
        CoreInvariants.check(w.k);
        int fresh = Procs.spawn(w.k, 0, World.SYS);
        assertTrue(fresh != w.ep[0]);
        assertEquals(Abi.EDEADSRCDST, Ipc.send(w.k, 1, w.ep[0]));
        w.k.clearResult(1);
        assertEquals(Abi.OK, Ipc.receive(w.k, 1, Abi.ANY));
        assertFalse(w.k.isRunnable(1), "old notify bit must not reach the new occupant's peer");
        CoreInvariants.check(w.k);
    }

    @Test
    void sendaDeliversOnNextReceiveAndReportsDeadTargets() {
        World w = new World().sys(3);
        Async.setAsyncEntry(w.k, 0, 0, w.ep[1], true);
        Async.setAsyncWord(w.k, 0, 0, 1, 42);
        Async.setAsyncEntry(w.k, 0, 1, w.ep[2], true);
        Async.setAsyncEntry(w.k, 0, 2, 12345 * Kernel.EP_SCALE + 5, true);
        assertEquals(Abi.OK, Async.senda(w.k, 0, 3));
        assertTrue(w.k.asyncDone(0, 2));
        assertEquals(Abi.EDEADSRCDST, w.k.asyncResult(0, 2));
        assertEquals(Abi.OK, Ipc.receive(w.k, 1, Abi.ANY));
        assertEquals(42, w.k.msgWord(1, 1));
        assertEquals(w.ep[0], w.k.msgWord(1, 0));
        assertTrue(w.k.asyncDone(0, 0));
        assertEquals(0, w.k.lastAsyncIndex());
        Procs.exit(w.k, 2);
        assertTrue(w.k.asyncDone(0, 1));
        assertEquals(Abi.EDEADSRCDST, w.k.asyncResult(0, 1));
        assertEquals(Abi.E2BIG, Async.senda(w.k, 0, Abi.SENDA_MAX + 1));
        CoreInvariants.check(w.k);
    }

    @Test
    void privilegesAreChecked() {
        World w = new World().sys(2);
        int u = Procs.spawn(w.k, 5, World.USER);
        assertTrue(u >= 0);
        assertEquals(Abi.ETRAPDENIED, Ipc.send(w.k, 5, w.ep[0]));
        Privs.allowTrap(w.k, World.USER, Abi.SENDREC, true);
        assertEquals(Abi.ECALLDENIED, Ipc.sendrec(w.k, 5, w.ep[0]));
        Privs.allowIpc(w.k, World.USER, 0, true);
        assertEquals(Abi.OK, Ipc.sendrec(w.k, 5, w.ep[0]));
        assertEquals(Abi.ECALLDENIED, Privs.checkKernelCall(w.k, 1, Abi.SYS_DEVIO) == Abi.OK ? Abi.ECALLDENIED : -1);
        assertEquals(Abi.ENOSYS, Privs.checkKernelCall(w.k, 1, Abi.NR_SYS_CALLS));
        assertEquals(Abi.EPERM, Privs.checkIo(w.k, 1, 0x3f8, 1));
        Privs.addIoRange(w.k, World.SYS, 0x3f8, 0x3ff);
        assertEquals(Abi.OK, Privs.checkIo(w.k, 1, 0x3fc, 4));
        assertEquals(Abi.EPERM, Privs.checkIo(w.k, 1, 0x3fd, 4));
        assertEquals(Abi.EPERM, Privs.checkIrq(w.k, 1, 4));
        Privs.allowIrq(w.k, World.SYS, 4, true);
        assertEquals(Abi.OK, Privs.checkIrq(w.k, 1, 4));
        CoreInvariants.check(w.k);
    }
}
