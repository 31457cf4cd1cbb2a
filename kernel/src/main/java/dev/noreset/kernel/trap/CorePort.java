package dev.noreset.kernel.trap;

import dev.noreset.kernel.core.Async;
import dev.noreset.kernel.core.Grants;
import dev.noreset.kernel.core.Ipc;
import dev.noreset.kernel.core.Kernel;
import dev.noreset.kernel.core.Privs;
import dev.noreset.kernel.core.Procs;
import dev.noreset.kernel.core.Sched;

/**
 * The verified core as the glue calls it: one object whose methods forward to the core's
 * static operations on its {@link Kernel} state (Procs, Ipc, Async, Sched, Privs, Grants). It
 * adds no logic; it only keeps the glue independent of how the core groups its functions.
 */
public final class CorePort {
    private final Kernel k;

    public CorePort(Kernel k) {
        this.k = k;
    }

    public Kernel state() {
        return k;
    }

    // Processes
    public int freeSlot() { return Procs.freeSlot(k); }
    /** Creates a process with the scheduling limits of {@code priv} (set them first). */
    public int spawn(int slot, int priv) { return Procs.spawn(k, slot, priv); }
    public int exit(int slot) { return Procs.exit(k, slot); }
    public int stop(int slot) { return Procs.stop(k, slot); }
    public int resume(int slot) { return Procs.resume(k, slot); }
    public boolean isLive(int slot) { return k.isLive(slot); }
    public int endpointOf(int slot) { return k.endpointOf(slot); }
    public int slotOf(int ep) { return k.slotOf(ep); }
    public boolean isRunnable(int slot) { return k.isRunnable(slot); }
    public boolean isSending(int slot) { return (k.flags(slot) & 1) != 0; }
    public boolean isReceiving(int slot) { return (k.flags(slot) & 2) != 0; }
    public int flags(int slot) { return k.flags(slot); }
    public int sendTarget(int slot) { return k.sendTarget(slot); }
    public int recvSource(int slot) { return k.recvSource(slot); }
    public int privOf(int slot) { return k.privOf(slot); }
    public int priority(int slot) { return k.priority(slot); }

    // Messages and IPC (TLA+ Send, SendNB, SendRec, Receive, Notify, SendA)
    public int msgWord(int slot, int w) { return k.msgWord(slot, w); }
    public void setMsgWord(int slot, int w, int v) { k.setMsgWord(slot, w, v); }
    public int send(int caller, int dst) { return Ipc.send(k, caller, dst); }
    public int sendnb(int caller, int dst) { return Ipc.sendnb(k, caller, dst); }
    public int sendrec(int caller, int dst) { return Ipc.sendrec(k, caller, dst); }
    public int receive(int caller, int src) { return Ipc.receive(k, caller, src); }
    public int notify(int caller, int dst) { return Ipc.notify(k, caller, dst); }
    public int notifyFromKernel(int dst, int source) { return Ipc.notifyFromKernel(k, dst, source); }
    public boolean resultReady(int p) { return k.resultReady(p); }
    public int ipcResult(int p) { return k.ipcResult(p); }
    public boolean messageReceived(int p) { return k.messageReceived(p); }
    public void clearResult(int p) { k.clearResult(p); }
    public int setAsyncEntry(int caller, int i, int dst, boolean valid) { return Async.setAsyncEntry(k, caller, i, dst, valid); }
    public int setAsyncWord(int caller, int i, int w, int v) { return Async.setAsyncWord(k, caller, i, w, v); }
    public int senda(int caller, int count) { return Async.senda(k, caller, count); }
    public boolean asyncDone(int slot, int i) { return k.asyncDone(slot, i); }
    public int asyncResult(int slot, int i) { return k.asyncResult(slot, i); }
    public int lastAsyncSender() { return k.lastAsyncSender(); }

    // Scheduler
    public int pickNext() { return Sched.pickNext(k); }
    public int tick(int slot) { return Sched.tick(k, slot); }

    // Privileges
    public int setPriv(int slot, int priv) { return Privs.setPriv(k, slot, priv); }
    public int allowIpc(int priv, int target, boolean on) { return Privs.allowIpc(k, priv, target, on); }
    public int allowCall(int priv, int call, boolean on) { return Privs.allowCall(k, priv, call, on); }
    public int allowTrap(int priv, int op, boolean on) { return Privs.allowTrap(k, priv, op, on); }
    public int addIoRange(int priv, int first, int last) { return Privs.addIoRange(k, priv, first, last); }
    public int allowIrq(int priv, int irq, boolean on) { return Privs.allowIrq(k, priv, irq, on); }
    public int allowGrants(int priv, boolean on) { return Privs.allowGrants(k, priv, on); }
    public int setSchedLimits(int priv, int prio, int quantum) { return Privs.setSchedLimits(k, priv, prio, quantum); }
    public int checkKernelCall(int caller, int nr) { return Privs.checkKernelCall(k, caller, nr); }
    public int checkIo(int caller, int port, int bytes) { return Privs.checkIo(k, caller, port, bytes); }
    public int checkIrq(int caller, int irq) { return Privs.checkIrq(k, caller, irq); }

    // Grants
    public int setDirectGrant(int owner, int index, int seq, boolean read, boolean write, int grantee, int addr,
                              int size) {
        return Grants.setDirect(k, owner, index, seq, read, write, grantee, addr, size);
    }
    public int setIndirectGrant(int owner, int index, int seq, boolean read, boolean write, int grantee, int from,
                                int fromId) {
        return Grants.setIndirect(k, owner, index, seq, read, write, grantee, from, fromId);
    }
    public int revokeGrant(int owner, int index) { return Grants.revoke(k, owner, index); }
    public int resolveGrant(int caller, int granter, int id, int offset, int bytes, boolean write) {
        return Grants.resolve(k, caller, granter, id, offset, bytes, write);
    }
    public int resolvedGranter() { return k.resolvedGranter(); }
    public int resolvedAddr() { return k.resolvedAddr(); }
}
