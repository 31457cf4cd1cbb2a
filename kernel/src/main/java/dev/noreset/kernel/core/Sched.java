package dev.noreset.kernel.core;

/**
 * Scheduler: NR_PRIORITIES run queues (0 is the highest), round-robin within a queue, a
 * quantum in ticks. A queue is not a list: a runnable process carries its priority and the
 * stamp of its last enqueue, and the head of the highest non-empty queue is the runnable
 * process with the smallest (priority, stamp). TLA+: Sched.tla PickNext / Tick.
 */
public final class Sched {
    private Sched() { }

    /** Next enqueue stamp. Saturates at Long.MAX_VALUE (2^63 enqueues) instead of wrapping. */
    static long nextStamp(Kernel k) {
        if (k.clock < Long.MAX_VALUE) {
            k.clock = k.clock + 1;
        }
        return k.clock;
    }

    /**
     * Re-derives run-queue membership of p from its flags: the one place where a process
     * enters (at the tail of its queue) or leaves a run queue.
     */
    /*@ public normal_behavior
      @ requires k != null && k.used != null && k.used.length == Kernel.NP && k.sending != null
      @   && k.sending.length == Kernel.NP && k.receiving != null && k.receiving.length == Kernel.NP
      @   && k.stopped != null && k.stopped.length == Kernel.NP && k.runq != null
      @   && k.runq.length == Kernel.NP && k.reply != null && k.reply.length == Kernel.NP && k.ready != null
      @   && k.ready.length == Kernel.NP && k.gotMsg != null && k.gotMsg.length == Kernel.NP && k.st != null
      @   && k.st.length == 2 * Kernel.NP && 0 <= p && p < Kernel.NP && 0 <= k.clock;
      @ requires k.used != k.runq && k.sending != k.runq && k.receiving != k.runq && k.stopped != k.runq
      @   && k.runq != k.reply && k.runq != k.ready && k.runq != k.gotMsg;
      @ ensures k.runq[p] == (k.used[p] && !k.sending[p]
      @   && !k.receiving[p] && !k.stopped[p]);
      @ ensures \old(k.clock) <= k.clock;
      @ ensures k.st[Kernel.RUNSTAMP + p] == \old(k.st[Kernel.RUNSTAMP + p]) || k.st[Kernel.RUNSTAMP + p] == k.clock;
      @ ensures \old(k.runq[p]) ==> k.st[Kernel.RUNSTAMP + p] == \old(k.st[Kernel.RUNSTAMP + p]);
      @ assignable k.runq[p], k.st[Kernel.RUNSTAMP + p], k.clock;
      @*/
    static void requeue(Kernel k, int p) {
        boolean runnable = k.used[p] && !k.sending[p]
                && !k.receiving[p] && !k.stopped[p];
        if (runnable && !k.runq[p]) {
            k.st[Kernel.RUNSTAMP + p] = nextStamp(k);
        }
        k.runq[p] = runnable;
    }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ ensures \result >= -1 && \result < Kernel.NP;
      @ ensures \result == -1 <==> (\forall int q; 0 <= q && q < Kernel.NP; !k.runq[q]);
      @ ensures \result >= 0 ==> k.runq[\result];
      @ ensures \result >= 0 ==> (\forall int q; 0 <= q && q < Kernel.NP && k.runq[q];
      @   k.pr[Kernel.PRIO + \result] < k.pr[Kernel.PRIO + q] || k.pr[Kernel.PRIO + \result] == k.pr[Kernel.PRIO + q]
      @   && k.st[Kernel.RUNSTAMP + \result] <= k.st[Kernel.RUNSTAMP + q]);
      @ assignable \nothing;
      @*/
    public static int pickNext(Kernel k) {
        int best = -1;
        /*@ loop_invariant 0 <= p && p <= Kernel.NP && -1 <= best && best < p;
          @ loop_invariant best == -1 <==> (\forall int q; 0 <= q && q < p; !k.runq[q]);
          @ loop_invariant best >= 0 ==> k.runq[best];
          @ loop_invariant best >= 0 ==> (\forall int q; 0 <= q && q < p && k.runq[q];
          @   k.pr[Kernel.PRIO + best] < k.pr[Kernel.PRIO + q] || k.pr[Kernel.PRIO + best] == k.pr[Kernel.PRIO + q]
          @   && k.st[Kernel.RUNSTAMP + best] <= k.st[Kernel.RUNSTAMP + q]);
          @ assignable \strictly_nothing;
          @ decreases Kernel.NP - p;
          @*/
        for (int p = 0; p < Kernel.NP; p++) {
            if (k.runq[p]) {
                if (best == -1 || k.pr[Kernel.PRIO + p] < k.pr[Kernel.PRIO + best]
                        || k.pr[Kernel.PRIO + p] == k.pr[Kernel.PRIO + best]
                            && k.st[Kernel.RUNSTAMP + p] < k.st[Kernel.RUNSTAMP + best]) {
                    best = p;
                }
            }
        }
        return best;
    }

    // Preservation of wellFormed() takes two kinds of spec cases. Each conjunct whose footprint
    // tick writes (wfTicks, wfStamp) gets a case of its own, proved with its definition expanded.
    // The other conjuncts share one frame case that spells wellFormed() out and restates the shape
    // facts of \invariant_for(k): KeY proves it with class axioms off (index.tsv: noexpand) from
    // the conjuncts' proved dependency contracts, unfolding no quantifier (proofs/README, "How
    // the proofs are shaped"). One case for all of wellFormed() does not close.
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= p && p < Kernel.NP && k.runq[p];
      @ ensures \result == Abi.OK;
      @ ensures \old(k.pr[Kernel.TICKS + p]) > 1 && \old(k.pr[Kernel.TICKS + p]) <= Kernel.MAX_QUANTUM
      @   ==> k.pr[Kernel.TICKS + p] == \old(k.pr[Kernel.TICKS + p]) - 1
      @   && k.st[Kernel.RUNSTAMP + p] == \old(k.st[Kernel.RUNSTAMP + p]);
      @ ensures \old(k.pr[Kernel.TICKS + p]) <= 1 || \old(k.pr[Kernel.TICKS + p]) > Kernel.MAX_QUANTUM
      @   ==> k.pr[Kernel.TICKS + p] == k.pr[Kernel.QUANT + p]
      @   && k.st[Kernel.RUNSTAMP + p] == k.clock;
      @ assignable k.pr[Kernel.TICKS + p], k.st[Kernel.RUNSTAMP + p], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires p < 0 || p >= Kernel.NP || !k.runq[p];
      @ ensures \result == Abi.ESRCH;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null && k.used.length == Kernel.NP
      @   && k.sending != null && k.sending.length == Kernel.NP && k.receiving != null
      @   && k.receiving.length == Kernel.NP && k.stopped != null && k.stopped.length == Kernel.NP
      @   && k.runq != null && k.runq.length == Kernel.NP && k.reply != null && k.reply.length == Kernel.NP
      @   && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @   && k.pv != null && k.pv.length == Kernel.PVB_SIZE && k.pvi != null
      @   && k.pvi.length == Kernel.PVI_SIZE;
      @ requires k.gb != null && k.gb.length == 4 * Kernel.NG && k.gr != null && k.gr.length == 6 * Kernel.NG
      @   && k.asy != null && k.asy.length == 3 * Kernel.NA && k.ab != null && k.ab.length == 3 * Kernel.NA
      @   && k.st != null && k.note != null;
      @ requires k.pr != k.asy && k.pr != k.pvi && k.pr != k.gr && k.asy != k.pvi && k.asy != k.gr
      @   && k.pvi != k.gr;
      @ requires k.used != k.sending && k.used != k.receiving && k.used != k.stopped && k.used != k.runq
      @   && k.used != k.reply && k.used != k.ready && k.used != k.gotMsg && k.sending != k.receiving
      @   && k.sending != k.stopped && k.sending != k.runq && k.sending != k.reply && k.sending != k.ready
      @   && k.sending != k.gotMsg && k.receiving != k.stopped && k.receiving != k.runq
      @   && k.receiving != k.reply && k.receiving != k.ready && k.receiving != k.gotMsg
      @   && k.stopped != k.runq && k.stopped != k.reply && k.stopped != k.ready && k.stopped != k.gotMsg
      @   && k.runq != k.reply && k.runq != k.ready && k.runq != k.gotMsg && k.reply != k.ready
      @   && k.reply != k.gotMsg && k.ready != k.gotMsg;
      @ requires (k.used != k.note && k.sending != k.note && k.receiving != k.note && k.stopped != k.note && k.runq != k.note && k.reply != k.note && k.ready != k.note && k.gotMsg != k.note)
      @   && (k.used != k.ab && k.sending != k.ab && k.receiving != k.ab && k.stopped != k.ab && k.runq != k.ab && k.reply != k.ab && k.ready != k.ab && k.gotMsg != k.ab)
      @   && (k.used != k.gb && k.sending != k.gb && k.receiving != k.gb && k.stopped != k.gb && k.runq != k.gb && k.reply != k.gb && k.ready != k.gb && k.gotMsg != k.gb)
      @   && k.note != k.ab && k.note != k.gb && k.ab != k.gb;
      @ requires k.wfRunq() && k.wfFree() && k.wfRange() && k.wfSend() && k.wfRecv() && k.wfNote()
      @   && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRunq() && k.wfFree() && k.wfRange() && k.wfSend() && k.wfRecv() && k.wfNote()
      @   && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.pr[Kernel.TICKS + p], k.st[Kernel.RUNSTAMP + p], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfTicks();
      @ ensures k.wfTicks();
      @ assignable k.pr[Kernel.TICKS + p], k.st[Kernel.RUNSTAMP + p], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.pr[Kernel.TICKS + p], k.st[Kernel.RUNSTAMP + p], k.clock;
      @*/
    public static int tick(Kernel k, int p) {
        if (p < 0 || p >= Kernel.NP || !k.runq[p]) {
            return Abi.ESRCH;
        }
        int t = k.pr[Kernel.TICKS + p];
        // The upper bound (wellFormed keeps TICKS <= QUANT <= MAX_QUANTUM) gives KeY the range of
        // the decrement, which it does not know for an int read from the heap.
        if (t > 1 && t <= Kernel.MAX_QUANTUM) {
            k.pr[Kernel.TICKS + p] = t - 1;
        } else {
            // Quantum used up (or a count no well-formed state has): refill and go to the tail
            // of the same queue.
            k.pr[Kernel.TICKS + p] = k.pr[Kernel.QUANT + p];
            k.st[Kernel.RUNSTAMP + p] = nextStamp(k);
        }
        return Abi.OK;
    }

    // Preservation of wellFormed(): one frame case, and one case each for wfRange and wfStamp (see tick).
    /*@ public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + p] && k.pr[Kernel.PRIV + p] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ requires 0 <= prio && prio < Abi.NR_PRIORITIES
      @   && k.pvi[Kernel.PV_PRIO + k.pr[Kernel.PRIV + p]] <= prio;
      @ ensures \result == Abi.OK && \invariant_for(k) && k.pr[Kernel.PRIO + p] == prio;
      @ assignable k.pr[Kernel.PRIO + p], k.st[Kernel.RUNSTAMP + p], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires p < 0 || p >= Kernel.NP || !k.used[p];
      @ ensures \result == Abi.ESRCH;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ requires prio < 0 || prio >= Abi.NR_PRIORITIES;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + p] && k.pr[Kernel.PRIV + p] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ requires 0 <= prio && prio < Abi.NR_PRIORITIES
      @   && prio < k.pvi[Kernel.PV_PRIO + k.pr[Kernel.PRIV + p]];
      @ ensures \result == Abi.EPERM;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null && k.used.length == Kernel.NP
      @   && k.sending != null && k.sending.length == Kernel.NP && k.receiving != null
      @   && k.receiving.length == Kernel.NP && k.stopped != null && k.stopped.length == Kernel.NP
      @   && k.runq != null && k.runq.length == Kernel.NP && k.reply != null && k.reply.length == Kernel.NP
      @   && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @   && k.pv != null && k.pv.length == Kernel.PVB_SIZE && k.pvi != null
      @   && k.pvi.length == Kernel.PVI_SIZE;
      @ requires k.gb != null && k.gb.length == 4 * Kernel.NG && k.gr != null && k.gr.length == 6 * Kernel.NG
      @   && k.asy != null && k.asy.length == 3 * Kernel.NA && k.ab != null && k.ab.length == 3 * Kernel.NA
      @   && k.st != null && k.note != null;
      @ requires k.pr != k.asy && k.pr != k.pvi && k.pr != k.gr && k.asy != k.pvi && k.asy != k.gr
      @   && k.pvi != k.gr;
      @ requires k.used != k.sending && k.used != k.receiving && k.used != k.stopped && k.used != k.runq
      @   && k.used != k.reply && k.used != k.ready && k.used != k.gotMsg && k.sending != k.receiving
      @   && k.sending != k.stopped && k.sending != k.runq && k.sending != k.reply && k.sending != k.ready
      @   && k.sending != k.gotMsg && k.receiving != k.stopped && k.receiving != k.runq
      @   && k.receiving != k.reply && k.receiving != k.ready && k.receiving != k.gotMsg
      @   && k.stopped != k.runq && k.stopped != k.reply && k.stopped != k.ready && k.stopped != k.gotMsg
      @   && k.runq != k.reply && k.runq != k.ready && k.runq != k.gotMsg && k.reply != k.ready
      @   && k.reply != k.gotMsg && k.ready != k.gotMsg;
      @ requires (k.used != k.note && k.sending != k.note && k.receiving != k.note && k.stopped != k.note && k.runq != k.note && k.reply != k.note && k.ready != k.note && k.gotMsg != k.note)
      @   && (k.used != k.ab && k.sending != k.ab && k.receiving != k.ab && k.stopped != k.ab && k.runq != k.ab && k.reply != k.ab && k.ready != k.ab && k.gotMsg != k.ab)
      @   && (k.used != k.gb && k.sending != k.gb && k.receiving != k.gb && k.stopped != k.gb && k.runq != k.gb && k.reply != k.gb && k.ready != k.gb && k.gotMsg != k.gb)
      @   && k.note != k.ab && k.note != k.gb && k.ab != k.gb;
      @ requires k.wfRunq() && k.wfFree() && k.wfTicks() && k.wfSend() && k.wfRecv() && k.wfNote()
      @   && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRunq() && k.wfFree() && k.wfTicks() && k.wfSend() && k.wfRecv() && k.wfNote()
      @   && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.pr[Kernel.PRIO + p], k.st[Kernel.RUNSTAMP + p], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRange();
      @ ensures k.wfRange();
      @ assignable k.pr[Kernel.PRIO + p], k.st[Kernel.RUNSTAMP + p], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.pr[Kernel.PRIO + p], k.st[Kernel.RUNSTAMP + p], k.clock;
      @*/
    public static int setPriority(Kernel k, int p, int prio) {
        if (!k.isLive(p)) {
            return Abi.ESRCH;
        }
        if (prio < 0 || prio >= Abi.NR_PRIORITIES) {
            return Abi.EINVAL;
        }
        int v = k.pr[Kernel.PRIV + p];
        if (v < 0 || v >= Kernel.NPRIV || prio < k.pvi[Kernel.PV_PRIO + v]) {
            return Abi.EPERM;
        }
        k.pr[Kernel.PRIO + p] = prio;
        // A new queue means the tail of it.
        k.st[Kernel.RUNSTAMP + p] = nextStamp(k);
        return Abi.OK;
    }
}
