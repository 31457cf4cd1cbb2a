package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

/**
 * SYS_KILL: ends KILL_ENDPT with signal KILL_SIG (1..63), reported to its signal manager as
 * DEATH_KILLED. Only processes granted SYS_KILL (managers such as RS) get here.
 */
final class Kill implements KernelCall {
    static final int MAX_SIGNAL = 63;

    @Override
    public int call(KernelGlue k, int caller, Message m) {
        int target = k.slotOf(caller, m.get(Abi.KILL_ENDPT));
        int sig = m.get(Abi.KILL_SIG);
        if (target < 0) {
            return Abi.ESRCH;
        }
        if (sig < 1 || sig > MAX_SIGNAL) {
            return Abi.EINVAL;
        }
        k.kill(target, Abi.DEATH_KILLED, sig);
        return target == caller ? Abi.EDONTREPLY : Abi.OK;
    }
}
