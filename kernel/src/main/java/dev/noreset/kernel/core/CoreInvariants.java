package dev.noreset.kernel.core;

/**
 * Executable mirror of the JML shape invariants and the wellFormed() model predicates of
 * Kernel and Memory (same conjuncts, same order), for tests: throws AssertionError naming the
 * first violated one. It is an oracle for tests and campaigns (`noreset campaign hostile`), not
 * part of the verified surface: the KeY runner does not stage it (proofs CoreSources).
 */
public final class CoreInvariants {
    private CoreInvariants() { }

    public static void check(Kernel k) {
        int np = Kernel.NP;
        need(k.pr.length == Kernel.PR_SIZE && k.used.length == np && k.sending.length == np && k.receiving.length == np && k.stopped.length == np && k.runq.length == np && k.reply.length == np && k.ready.length == np && k.gotMsg.length == np && k.st.length == 2 * np
                && k.msg.length == np * Kernel.MW && k.note.length == np * Kernel.NSRC
                && k.asy.length == 3 * Kernel.NA && k.ab.length == 3 * Kernel.NA
                && k.amsg.length == Kernel.NA * Kernel.MW && k.pvi.length == Kernel.PVI_SIZE
                && k.pv.length == Kernel.PVB_SIZE && k.gr.length == 6 * Kernel.NG && k.gb.length == 4 * Kernel.NG,
                "array shapes");
        need(k.clock >= 0, "clock >= 0");
        for (int p = 0; p < np; p++) {
            boolean used = k.used[p];
            boolean snd = k.sending[p];
            boolean rcv = k.receiving[p];
            boolean stp = k.stopped[p];
            need(k.runq[p] == (used && !snd && !rcv && !stp), "runnable <=> in run queue, slot " + p);
            if (!used) {
                need(!snd && !rcv && !stp && !k.reply[p] && !k.ready[p]
                        && k.pr[Kernel.ACOUNT + p] == 0, "free slot carries no state, slot " + p);
            }
            need(0 <= k.pr[Kernel.GEN + p] && k.pr[Kernel.GEN + p] <= Kernel.MAX_GEN, "generation range " + p);
            need(0 <= k.pr[Kernel.PRIO + p] && k.pr[Kernel.PRIO + p] < Abi.NR_PRIORITIES, "priority range " + p);
            need(0 <= k.pr[Kernel.PRIV + p] && k.pr[Kernel.PRIV + p] < Kernel.NPRIV, "priv range " + p);
            need(0 <= k.pr[Kernel.TICKS + p] && k.pr[Kernel.TICKS + p] <= k.pr[Kernel.QUANT + p]
                    && k.pr[Kernel.QUANT + p] <= Kernel.MAX_QUANTUM, "ticks/quantum range " + p);
            need(0 <= k.pr[Kernel.ACOUNT + p] && k.pr[Kernel.ACOUNT + p] <= Kernel.AK, "senda count " + p);
            need(0 <= k.st[Kernel.RUNSTAMP + p] && k.st[Kernel.RUNSTAMP + p] <= k.clock
                    && 0 <= k.st[Kernel.SENDSTAMP + p] && k.st[Kernel.SENDSTAMP + p] <= k.clock, "stamps " + p);
            if (snd) {
                int d = k.pr[Kernel.SENDTO + p];
                need(0 <= d && d < np && d != p && k.used[d], "sender waits on a live other " + p);
            }
            if (rcv) {
                int s = k.pr[Kernel.RECVFROM + p];
                need(s == -1 || (0 <= s && s < np && s != p && k.used[s]), "receiver source " + p);
            }
            if (k.reply[p]) {
                need(rcv, "reply pending => receiving " + p);
            }
        }
        for (int d = 0; d < np; d++) {
            for (int s = 0; s < Kernel.NSRC; s++) {
                if (k.note[d * Kernel.NSRC + s]) {
                    need(k.used[d] && (s >= np || k.used[s]), "notify bit " + s + "->" + d);
                }
            }
        }
        for (int p = 0; p < np; p++) {
            for (int i = 0; i < Kernel.AK; i++) {
                int a = p * Kernel.AK + i;
                if (k.ab[Kernel.A_PEND + a]) {
                    int d = k.asy[Kernel.A_DST + a];
                    need(k.used[p] && 0 <= d && d < np && k.used[d],
                            "pending senda entry " + p + "/" + i);
                }
            }
        }
        for (int v = 0; v < Kernel.NPRIV; v++) {
            need(0 <= k.pvi[Kernel.PV_IOCOUNT + v] && k.pvi[Kernel.PV_IOCOUNT + v] <= Kernel.NIO
                    && 0 <= k.pvi[Kernel.PV_PRIO + v] && k.pvi[Kernel.PV_PRIO + v] < Abi.NR_PRIORITIES
                    && 0 <= k.pvi[Kernel.PV_QUANT + v] && k.pvi[Kernel.PV_QUANT + v] <= Kernel.MAX_QUANTUM,
                    "priv record " + v);
        }
    }

    public static void check(Memory m) {
        need(1 <= m.nrFrames && m.nrFrames <= Memory.MAX_FRAMES && 0 <= m.firstUser && m.firstUser <= m.nrFrames
                && 1 <= m.maxMaps, "memory sizes");
        for (int f = 0; f < m.nrFrames; f++) {
            if (f < m.firstUser) {
                need(m.kind[f] == Memory.KERNEL, "kernel frame " + f);
            } else {
                need(m.kind[f] == Memory.FREE || m.kind[f] == Memory.USER || m.kind[f] == Memory.PAGETABLE,
                        "frame kind " + f);
            }
        }
        java.util.Map<Long, Integer> pages = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> frames = new java.util.HashMap<>();
        for (int i = 0; i < m.maxMaps; i++) {
            if (!m.mUsed[i]) {
                continue;
            }
            int f = m.mFrame[i];
            need(0 <= m.mProc[i] && m.mProc[i] < Abi.NR_PROCS && 0 <= m.mPage[i] && m.mPage[i] < Memory.NR_VPAGES
                    && m.firstUser <= f && f < m.nrFrames && m.kind[f] == Memory.USER, "mapping " + i);
            Integer other = frames.put(f, i);
            need(other == null || m.shared[f], "frame " + f + " in two address spaces, not shared");
            need(pages.put(((long) m.mProc[i] << 32) | m.mPage[i], i) == null, "two mappings of one page");
            need(m.shared[f] || m.owner[f] == m.mProc[i], "private frame " + f + " mapped by a process that does not own it");
        }
    }

    private static void need(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("invariant violated: " + what);
        }
    }
}
