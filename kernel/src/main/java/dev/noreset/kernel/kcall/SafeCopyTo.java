package dev.noreset.kernel.kcall;

import dev.noreset.kernel.trap.KernelGlue;

/** SYS_SAFECOPYTO: copy from the caller into the granter's memory, through a writable grant. */
final class SafeCopyTo implements KernelCall {
    @Override
    public int call(KernelGlue k, int caller, Message m) {
        return SafeCopy.copy(k, caller, m, true);
    }
}
