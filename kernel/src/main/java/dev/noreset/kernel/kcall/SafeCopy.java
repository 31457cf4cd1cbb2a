package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

/**
 * The shared part of SYS_SAFECOPYFROM and SYS_SAFECOPYTO: the core resolves the grant (rights,
 * bounds, sequence numbers, indirect chains) to the granter's slot and address before any
 * byte moves; then the copy walks both address spaces with user-access checks.
 */
final class SafeCopy {
    /** Largest single safecopy: 1 MiB. */
    static final int MAX_BYTES = 1 << 20;

    private SafeCopy() { }

    static int copy(KernelGlue k, int caller, Message m, boolean toGranter) {
        int bytes = m.get(Abi.SC_BYTES);
        if (bytes < 0 || bytes > MAX_BYTES) {
            return Abi.EINVAL;
        }
        int rc = k.core.resolveGrant(caller, m.get(Abi.SC_ENDPT), m.get(Abi.SC_GRANT), m.get(Abi.SC_OFFSET), bytes,
                toGranter);
        if (rc != Abi.OK) {
            return rc;
        }
        int granter = k.core.resolvedGranter();
        int granterAddr = k.core.resolvedAddr();
        int callerDir = k.spaces.pageDir(caller);
        int granterDir = k.spaces.pageDir(granter);
        if (granterDir == 0) {
            return Abi.EDEADSRCDST;
        }
        int addr = m.get(Abi.SC_ADDR);
        return toGranter
                ? k.copy.copyBetween(callerDir, addr, granterDir, granterAddr, bytes)
                : k.copy.copyBetween(granterDir, granterAddr, callerDir, addr, bytes);
    }
}
