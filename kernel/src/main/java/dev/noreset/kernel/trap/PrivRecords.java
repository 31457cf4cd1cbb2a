package dev.noreset.kernel.trap;

import dev.noreset.kernel.core.Abi;

/**
 * Hands out the core's privilege records. Record 0 is shared by all ordinary user processes;
 * boot processes and processes changed with SYS_PRIVCTL get a record of their own. A record is
 * never handed out twice, because the core has no way to clear one (an old I/O range would
 * leak to the next holder); when all are used, ENOMEM.
 */
public final class PrivRecords {
    /** The IPC operations a process with its own record may use. */
    private static final int[] TRAPS = {Abi.SEND, Abi.RECEIVE, Abi.SENDREC, Abi.NOTIFY, Abi.SENDNB,
        Abi.KERNEL_CALL, Abi.SENDA};

    private int next = 1;

    /** A record nobody has held, with every IPC operation allowed and nothing else; or ENOMEM. */
    public int fresh(KernelGlue k) {
        if (next >= Abi.NR_PRIVS) {
            return Abi.ENOMEM;
        }
        int r = next++;
        for (int op : TRAPS) {
            k.core.allowTrap(r, op, true);
        }
        return r;
    }

    /** The record of {@code slot}, first giving it one of its own if it shares one; or ENOMEM. */
    public int ownRecord(KernelGlue k, int slot) {
        int p = k.core.privOf(slot);
        if (p > 0 && !shared(k, p, slot)) {
            return p;
        }
        int r = fresh(k);
        if (r < 0) {
            return r;
        }
        int rc = k.core.setPriv(slot, r);
        return rc == Abi.OK ? r : rc;
    }

    private static boolean shared(KernelGlue k, int priv, int slot) {
        for (int s = 0; s < Abi.NR_PROCS; s++) {
            if (s != slot && k.core.isLive(s) && k.core.privOf(s) == priv) {
                return true;
            }
        }
        return false;
    }
}
