package dev.noreset.kernel.kcall;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

/**
 * SYS_FORK: a copy of process FORK_PARENT in a new slot: same privileges, priority, signal
 * manager and name, a copied address space and context. The child resumes where the parent
 * trapped with EAX = OK and FORK_CHILD = NONE in its copy of the message.
 */
final class Fork implements KernelCall {
    @Override
    public int call(KernelGlue k, int caller, Message m) {
        int parent = k.slotOf(caller, m.get(Abi.FORK_PARENT));
        if (parent < 0) {
            return Abi.ESRCH;
        }
        int child = k.core.freeSlot();
        if (child < 0) {
            return Abi.ENOMEM;
        }
        if (k.memory.freeFrames() < k.spaces.mappedPages(parent) + 16) {
            return Abi.ENOMEM;
        }
        int ep = k.core.spawn(child, k.core.privOf(parent));
        if (ep < 0) {
            return ep;
        }
        // Not runnable until its memory and registers exist.
        k.core.stop(child);
        int rc = k.spaces.create(child);
        if (rc == Abi.OK) {
            rc = k.spaces.copy(parent, child);
        }
        if (rc != Abi.OK) {
            k.spaces.release(child);
            k.core.exit(child);
            return rc;
        }
        k.ctx.copy(parent, child);
        k.ctx.setReg(child, Cpu.EAX, Abi.OK);
        k.info.setName(child, k.info.name(parent));
        k.info.setSigmgr(child, k.info.sigmgr(parent));
        if (parent == caller) {
            // The child's copy of the request becomes its reply.
            Message reply = new Message();
            reply.copyFrom(m);
            reply.set(Abi.M_SOURCE, Abi.SYSTEM);
            reply.set(Abi.M_TYPE, Abi.OK);
            reply.set(Abi.FORK_CHILD, Abi.NONE);
            k.messageOut(child, reply, k.ctx.reg(child, Cpu.ECX));
        }
        k.core.resume(child);
        k.observer().spawned(child, ep, k.info.name(child));
        m.set(Abi.FORK_CHILD, ep);
        return Abi.OK;
    }
}
