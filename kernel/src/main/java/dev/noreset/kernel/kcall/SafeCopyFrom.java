package dev.noreset.kernel.kcall;

import dev.noreset.kernel.trap.KernelGlue;

/** SYS_SAFECOPYFROM: copy from the granter's memory, through a readable grant, to the caller. */
final class SafeCopyFrom implements KernelCall {
    @Override
    public int call(KernelGlue k, int caller, Message m) {
        return SafeCopy.copy(k, caller, m, false);
    }
}
