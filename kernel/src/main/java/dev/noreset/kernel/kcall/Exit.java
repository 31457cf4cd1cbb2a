package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

/**
 * SYS_EXIT: ends EXIT_ENDPT, which must be the caller itself or a process the caller is the
 * signal manager of. The death (DEATH_EXIT, EXIT_STATUS) goes to the process's signal manager.
 */
final class Exit implements KernelCall {
    @Override
    public int call(KernelGlue k, int caller, Message m) {
        int target = k.slotOf(caller, m.get(Abi.EXIT_ENDPT));
        if (target < 0) {
            return Abi.ESRCH;
        }
        if (target != caller && k.info.sigmgr(target) != k.core.endpointOf(caller)) {
            return Abi.EPERM;
        }
        k.kill(target, Abi.DEATH_EXIT, m.get(Abi.EXIT_STATUS));
        return target == caller ? Abi.EDONTREPLY : Abi.OK;
    }
}
