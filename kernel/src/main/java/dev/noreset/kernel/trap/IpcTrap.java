package dev.noreset.kernel.trap;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.kcall.KernelCalls;
import dev.noreset.kernel.kcall.Message;

/**
 * Decodes an {@code int 0x80} (spec/abi/README.md: EAX = operation, EBX = endpoint, ECX =
 * message or SENDA table, EDX = SENDA count), moves the message between user memory and the
 * core's kernel buffer, and calls the core's IPC operation (TLA+ Send, Receive, SendRec,
 * Notify, SendNB, SendA). Buffers are checked before the core acts, so a bad address fails
 * with EFAULT and changes nothing; a completed IPC is delivered by {@link Completions}.
 */
final class IpcTrap {
    private final KernelGlue k;
    private final KernelCalls kcalls;
    private final Message msg = new Message();

    IpcTrap(KernelGlue k, KernelCalls kcalls) {
        this.k = k;
        this.kcalls = kcalls;
    }

    /** Handles the trap of {@code caller}, whose registers are saved in the contexts. */
    void handle(int caller) {
        Contexts c = k.ctx;
        int op = c.reg(caller, Cpu.EAX);
        int ep = c.reg(caller, Cpu.EBX);
        int addr = c.reg(caller, Cpu.ECX);
        int rc;
        switch (op) {
            case Abi.SEND, Abi.SENDNB, Abi.SENDREC -> rc = send(caller, op, ep, addr);
            case Abi.RECEIVE -> rc = k.messageWritable(caller, addr) ? k.core.receive(caller, ep) : Abi.EFAULT;
            case Abi.NOTIFY -> rc = k.core.notify(caller, ep);
            case Abi.SENDA -> rc = senda(caller, addr, c.reg(caller, Cpu.EDX));
            case Abi.KERNEL_CALL -> {
                kernelCall(caller, addr);
                return;
            }
            default -> rc = Abi.EBADCALL;
        }
        finish(caller, op, ep, rc);
    }

    private int send(int caller, int op, int ep, int addr) {
        if (k.messageToCore(caller, addr, op == Abi.SENDREC, msg) != Abi.OK) {
            return Abi.EFAULT;
        }
        return switch (op) {
            case Abi.SEND -> k.core.send(caller, ep);
            case Abi.SENDNB -> k.core.sendnb(caller, ep);
            default -> k.core.sendrec(caller, ep);
        };
    }

    /** An immediate error goes to EAX now; success is delivered as a completion (now or later). */
    private void finish(int caller, int op, int ep, int rc) {
        boolean blocked = rc == Abi.OK && !k.core.resultReady(caller) && !k.core.isRunnable(caller);
        if (rc != Abi.OK) {
            k.ctx.setReg(caller, Cpu.EAX, rc);
        } else if (!k.core.resultReady(caller) && !blocked) {
            k.ctx.setReg(caller, Cpu.EAX, Abi.OK);
        }
        k.observer().ipc(caller, op, ep, rc, blocked);
    }

    /**
     * Loads the caller's SENDA table (ASYN_* layout) into the core. The whole table is read and
     * checked before the core sees any of it.
     */
    private int senda(int caller, int table, int count) {
        if (count < 0 || count > Abi.SENDA_MAX) {
            return count < 0 ? Abi.EINVAL : Abi.E2BIG;
        }
        int pd = k.spaces.pageDir(caller);
        if (!k.copy.walker().accessible(pd, table, count * Abi.ASYN_SIZE, true)) {
            return Abi.EFAULT;
        }
        byte[] entry = new byte[Abi.ASYN_SIZE];
        int[] dsts = new int[count];
        int valids = 0;
        for (int i = 0; i < count; i++) {
            k.copy.copyIn(pd, table + i * Abi.ASYN_SIZE, entry, 0, Abi.ASYN_SIZE);
            int flags = le(entry, Abi.ASYN_FLAGS);
            boolean valid = (flags & Abi.AMF_VALID) != 0 && (flags & Abi.AMF_DONE) == 0;
            int rc = k.core.setAsyncEntry(caller, i, le(entry, Abi.ASYN_DST), valid);
            if (rc != Abi.OK) {
                return rc;
            }
            if (valid) {
                dsts[valids++] = le(entry, Abi.ASYN_DST);
            }
            for (int w = 0; w < 16; w++) {
                k.core.setAsyncWord(caller, i, w, le(entry, Abi.ASYN_MSG + 4 * w));
            }
        }
        k.info.setSenda(caller, table, count);
        int rc = k.core.senda(caller, count);
        if (rc == Abi.OK) {
            Completions.syncAsyncTable(k, caller);
        }
        k.observer().senda(caller, dsts, valids, rc);
        return rc;
    }

    static int le(byte[] b, int off) {
        return b[off] & 0xFF | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | b[off + 3] << 24;
    }

    /**
     * A kernel call is a SENDREC to SYSTEM answered at once: the request is copied in, the
     * dispatcher runs the handler, and the reply (m_source SYSTEM, m_type = result) is copied
     * back, unless the handler ended or replaced the caller (EDONTREPLY).
     */
    private void kernelCall(int caller, int addr) {
        if (!k.messageWritable(caller, addr) || k.messageIn(caller, addr, msg) != Abi.OK) {
            k.ctx.setReg(caller, Cpu.EAX, Abi.EFAULT);
            return;
        }
        int nr = msg.type();
        k.info.addKcall(caller);
        int rc = kcalls.dispatch(k, caller, msg);
        k.observer().kernelCall(caller, nr, rc);
        if (rc == Abi.EDONTREPLY || !k.core.isLive(caller)) {
            return;
        }
        msg.set(Abi.M_SOURCE, Abi.SYSTEM);
        msg.set(Abi.M_TYPE, rc);
        // The buffer was checked writable above and the call cannot unmap it for the caller
        // without also being the caller's own request, so a failure here means exactly that.
        if (k.messageOut(caller, msg, addr) != Abi.OK) {
            rc = Abi.EFAULT;
        }
        k.ctx.setReg(caller, Cpu.EAX, rc);
    }
}
