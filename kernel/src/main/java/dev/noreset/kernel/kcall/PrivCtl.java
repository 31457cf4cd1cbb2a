package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

/**
 * SYS_PRIVCTL: changes the privilege record of PRIVCTL_ENDPT (never the caller's own: no
 * process raises its own authority). A process still on the shared user record first gets a
 * record of its own, so changing one process never changes another.
 */
final class PrivCtl implements KernelCall {
    @Override
    public int call(KernelGlue k, int caller, Message m) {
        int target = k.slotOf(caller, m.get(Abi.PRIVCTL_ENDPT));
        if (target < 0) {
            return Abi.ESRCH;
        }
        if (target == caller) {
            return Abi.EPERM;
        }
        int req = m.get(Abi.PRIVCTL_REQ);
        int a1 = m.get(Abi.PRIVCTL_ARG1);
        int a2 = m.get(Abi.PRIVCTL_ARG2);
        if (req < Abi.PRIVCTL_SET_KCALLS || req > Abi.PRIVCTL_ADD_IRQ) {
            return Abi.EINVAL;
        }
        if (req == Abi.PRIVCTL_ADD_IO && (a1 < 0 || a2 > 0xFFFF || a1 > a2)) {
            return Abi.EINVAL;
        }
        if (req == Abi.PRIVCTL_ADD_IRQ && (a1 < 0 || a1 >= 16)) {
            return Abi.EINVAL;
        }
        int priv = k.privs.ownRecord(k, target);
        if (priv < 0) {
            return priv;
        }
        switch (req) {
            case Abi.PRIVCTL_SET_KCALLS -> {
                for (int nr = 0; nr < Abi.NR_SYS_CALLS; nr++) {
                    k.core.allowCall(priv, nr, (a1 & 1 << nr) != 0);
                }
                return Abi.OK;
            }
            case Abi.PRIVCTL_SET_IPC -> {
                for (int s = 0; s < Abi.NR_PROCS; s++) {
                    int word = s < 32 ? a1 : a2;
                    k.core.allowIpc(priv, s, (word & 1 << (s & 31)) != 0);
                }
                return Abi.OK;
            }
            case Abi.PRIVCTL_ADD_IO -> {
                return k.core.addIoRange(priv, a1, a2);
            }
            default -> {
                return k.core.allowIrq(priv, a1, true);
            }
        }
    }
}
