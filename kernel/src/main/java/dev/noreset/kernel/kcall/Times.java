package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

/** SYS_TIMES: virtual time (64-bit, in instructions) and the caller's ticks and kernel calls. */
final class Times implements KernelCall {
    @Override
    public int call(KernelGlue k, int caller, Message m) {
        long now = k.now();
        m.set(Abi.TIMES_NOW_LO, (int) now);
        m.set(Abi.TIMES_NOW_HI, (int) (now >>> 32));
        m.set(Abi.TIMES_USER, (int) k.info.ticks(caller));
        m.set(Abi.TIMES_KCALLS, (int) k.info.kcalls(caller));
        return Abi.OK;
    }
}
