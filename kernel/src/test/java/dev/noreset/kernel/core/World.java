package dev.noreset.kernel.core;

/** Test fixture: a kernel whose system privilege (record 1) may do everything. */
final class World {
    static final int SYS = 1;
    static final int USER = 0;
    final Kernel k = new Kernel();
    final int[] ep = new int[Abi.NR_PROCS];

    World() {
        Privs.setSchedLimits(k, SYS, 2, 5);
        Privs.setSchedLimits(k, USER, 8, 3);
        for (int op = 0; op < Kernel.NTRAP; op++) {
            Privs.allowTrap(k, SYS, op, true);
        }
        for (int t = 0; t < Abi.NR_PROCS; t++) {
            Privs.allowIpc(k, SYS, t, true);
        }
        for (int c = 0; c < Abi.NR_SYS_CALLS; c++) {
            Privs.allowCall(k, SYS, c, true);
        }
        Privs.allowGrants(k, SYS, true);
    }

    /** Spawns n system processes in slots 0..n-1. */
    World sys(int n) {
        for (int i = 0; i < n; i++) {
            ep[i] = Procs.spawn(k, i, SYS);
        }
        return this;
    }

    void put(int slot, int type, int payload) {
        k.setMsgWord(slot, 1, type);
        k.setMsgWord(slot, 2, payload);
    }
}
