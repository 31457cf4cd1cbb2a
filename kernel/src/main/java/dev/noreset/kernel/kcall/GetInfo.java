package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;
import dev.noreset.kernel.trap.ProcInfo;

/**
 * SYS_GETINFO: small pieces of kernel information (GET_* requests): who am I, the endpoint of a
 * named process (boot processes find each other this way before a name server runs), the next
 * death reported to a signal manager, free frames, and the process table.
 */
final class GetInfo implements KernelCall {
    @Override
    public int call(KernelGlue k, int caller, Message m) {
        switch (m.get(Abi.GI_REQ)) {
            case Abi.GET_WHOAMI -> {
                m.set(Abi.GI_ENDPT, k.core.endpointOf(caller));
                m.setName(Abi.GI_NAME, Abi.GI_NAME_LEN, k.info.name(caller));
                return Abi.OK;
            }
            case Abi.GET_ENDPT -> {
                String want = m.name(Abi.GI_NAME, Abi.GI_NAME_LEN);
                for (int s = 0; s < Abi.NR_PROCS; s++) {
                    if (k.core.isLive(s) && !want.isEmpty() && want.equals(k.info.name(s))) {
                        m.set(Abi.GI_ENDPT, k.core.endpointOf(s));
                        return Abi.OK;
                    }
                }
                return Abi.ESRCH;
            }
            case Abi.GET_KSIG -> {
                ProcInfo.Death d = k.info.takeDeath(caller);
                if (d == null) {
                    return Abi.ESRCH;
                }
                m.set(Abi.GI_ENDPT, d.endpoint());
                m.set(Abi.GI_VALUE, d.cause());
                m.set(Abi.GI_LEN, d.status());
                return Abi.OK;
            }
            case Abi.GET_FREEFRAMES -> {
                m.set(Abi.GI_VALUE, k.memory.freeFrames());
                return Abi.OK;
            }
            case Abi.GET_PROCTAB -> {
                return procTab(k, caller, m);
            }
            default -> {
                return Abi.EINVAL;
            }
        }
    }

    private static int procTab(KernelGlue k, int caller, Message m) {
        int max = m.get(Abi.GI_LEN);
        if (max < 0) {
            return Abi.EINVAL;
        }
        int n = 0;
        for (int s = 0; s < Abi.NR_PROCS; s++) {
            n += k.core.isLive(s) ? 1 : 0;
        }
        int bytes = Math.min(max / Abi.PROC_ENTRY_SIZE, n) * Abi.PROC_ENTRY_SIZE;
        byte[] out = new byte[bytes];
        Message entry = new Message();
        int at = 0;
        for (int s = 0; s < Abi.NR_PROCS && at < bytes; s++) {
            if (!k.core.isLive(s)) {
                continue;
            }
            entry.clear();
            entry.set(Abi.PROC_ENTRY_ENDPT, k.core.endpointOf(s));
            entry.set(Abi.PROC_ENTRY_FLAGS, k.core.flags(s));
            entry.setName(Abi.PROC_ENTRY_NAME, Abi.GI_NAME_LEN, k.info.name(s));
            System.arraycopy(entry.bytes(), 0, out, at, Abi.PROC_ENTRY_SIZE);
            at += Abi.PROC_ENTRY_SIZE;
        }
        if (bytes > 0 && k.copy.copyOut(k.spaces.pageDir(caller), out, 0, m.get(Abi.GI_ADDR), bytes) != Abi.OK) {
            return Abi.EFAULT;
        }
        m.set(Abi.GI_LEN, bytes);
        return Abi.OK;
    }
}
