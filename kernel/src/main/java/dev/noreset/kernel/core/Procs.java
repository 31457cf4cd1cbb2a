package dev.noreset.kernel.core;

/**
 * Process lifecycle: spawn into a free slot, stop/resume, and death. Death wakes everyone
 * blocked on the dead process with EDEADSRCDST, drops its queued sends, SENDA entries,
 * notification bits and grants, and advances the slot's generation so old endpoints never
 * reach the next occupant. TLA+: Ipc.tla Die.
 */
public final class Procs {
    private Procs() { }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ ensures \result == Abi.ENOMEM <==> (\forall int s; 0 <= s && s < Kernel.NP; k.pb[Kernel.USED + s]);
      @ ensures \result != Abi.ENOMEM ==> (0 <= \result && \result < Kernel.NP && !k.pb[Kernel.USED + \result]);
      @ assignable \nothing;
      @*/
    public static int freeSlot(Kernel k) {
        /*@ loop_invariant 0 <= s && s <= Kernel.NP
          @   && (\forall int t; 0 <= t && t < s; k.pb[Kernel.USED + t]);
          @ assignable \strictly_nothing;
          @ decreases Kernel.NP - s;
          @*/
        for (int s = 0; s < Kernel.NP; s++) {
            if (!k.pb[Kernel.USED + s]) {
                return s;
            }
        }
        return Abi.ENOMEM;
    }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= slot && slot < Kernel.NP && !k.pb[Kernel.USED + slot];
      @ requires 0 <= priv && priv < Kernel.NPRIV && k.pvi[Kernel.PV_QUANT + priv] >= 1;
      @ requires 0 <= k.pr[Kernel.GEN + slot] && k.pr[Kernel.GEN + slot] <= Kernel.MAX_GEN;
      @ ensures \invariant_for(k);
      @ ensures \result == k.pr[Kernel.GEN + slot] * Kernel.EP_SCALE + slot && \result >= 0;
      @ ensures k.pb[Kernel.USED + slot] && k.pb[Kernel.RUNQ + slot] && k.pr[Kernel.PRIV + slot] == priv;
      @ ensures k.pr[Kernel.PRIO + slot] == k.pvi[Kernel.PV_PRIO + priv];
      @ assignable k.pb[Kernel.USED + slot], k.pb[Kernel.RUNQ + slot], k.pb[Kernel.GOTMSG + slot],
      @   k.pb[Kernel.SENDING + slot], k.pb[Kernel.RECEIVING + slot], k.pb[Kernel.STOPPED + slot],
      @   k.pb[Kernel.REPLY + slot], k.pb[Kernel.READY + slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot], k.pr[Kernel.QUANT + slot],
      @   k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires slot < 0 || slot >= Kernel.NP || priv < 0 || priv >= Kernel.NPRIV
      @   || k.pvi[Kernel.PV_QUANT + priv] < 1;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= slot && slot < Kernel.NP && k.pb[Kernel.USED + slot];
      @ requires 0 <= priv && priv < Kernel.NPRIV && k.pvi[Kernel.PV_QUANT + priv] >= 1;
      @ ensures \result == Abi.EBUSY;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wellFormed();
      @ ensures k.wellFormed();
      @ assignable k.pb[Kernel.USED + slot], k.pb[Kernel.RUNQ + slot], k.pb[Kernel.GOTMSG + slot],
      @   k.pb[Kernel.SENDING + slot], k.pb[Kernel.RECEIVING + slot], k.pb[Kernel.STOPPED + slot],
      @   k.pb[Kernel.REPLY + slot], k.pb[Kernel.READY + slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot], k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @*/
    public static int spawn(Kernel k, int slot, int priv) {
        if (slot < 0 || slot >= Kernel.NP || priv < 0 || priv >= Kernel.NPRIV
                || k.pvi[Kernel.PV_QUANT + priv] < 1) {
            return Abi.EINVAL;
        }
        if (k.pb[Kernel.USED + slot]) {
            return Abi.EBUSY;
        }
        k.pr[Kernel.PRIV + slot] = priv;
        k.pr[Kernel.PRIO + slot] = k.pvi[Kernel.PV_PRIO + priv];
        k.pr[Kernel.QUANT + slot] = k.pvi[Kernel.PV_QUANT + priv];
        k.pr[Kernel.TICKS + slot] = k.pvi[Kernel.PV_QUANT + priv];
        // A new process starts unblocked and running (under wellFormed a free slot carries no
        // flags; clearing them makes the functional contract hold without that premise).
        k.pb[Kernel.SENDING + slot] = false;
        k.pb[Kernel.RECEIVING + slot] = false;
        k.pb[Kernel.STOPPED + slot] = false;
        k.pb[Kernel.REPLY + slot] = false;
        k.pb[Kernel.READY + slot] = false;
        k.pb[Kernel.GOTMSG + slot] = false;
        k.pb[Kernel.USED + slot] = true;
        Sched.requeue(k, slot);
        return Kernel.ep(k.pr[Kernel.GEN + slot], slot);
    }

    // Preservation of wellFormed(): one frame case, and one case each for wfRunq, wfFree and wfStamp
    // (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= slot && slot < Kernel.NP && k.pb[Kernel.USED + slot];
      @ ensures \result == Abi.OK && \invariant_for(k);
      @ ensures k.pb[Kernel.STOPPED + slot] && !k.pb[Kernel.RUNQ + slot];
      @ assignable k.pb[Kernel.STOPPED + slot], k.pb[Kernel.RUNQ + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires slot < 0 || slot >= Kernel.NP || !k.pb[Kernel.USED + slot];
      @ ensures \result == Abi.ESRCH;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ ensures k.wfRunq();
      @ assignable k.pb[Kernel.STOPPED + slot], k.pb[Kernel.RUNQ + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree();
      @ ensures k.wfFree();
      @ assignable k.pb[Kernel.STOPPED + slot], k.pb[Kernel.RUNQ + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires k.pr != null && k.pr.length == Kernel.PR_SIZE && k.pb != null && k.pb.length == Kernel.PB_SIZE
      @   && k.pv != null && k.pv.length == Kernel.PVB_SIZE && k.pvi != null && k.pvi.length == Kernel.PVI_SIZE;
      @ requires k.gb != null && k.gb.length == 4 * Kernel.NG && k.gr != null && k.gr.length == 6 * Kernel.NG
      @   && k.asy != null && k.asy.length == 3 * Kernel.NA && k.ab != null && k.ab.length == 3 * Kernel.NA
      @   && k.st != null && k.note != null;
      @ requires k.pr != k.asy && k.pr != k.pvi && k.pr != k.gr && k.asy != k.pvi && k.asy != k.gr && k.pvi != k.gr;
      @ requires k.pb != k.note && k.pb != k.ab && k.pb != k.gb && k.note != k.ab && k.note != k.gb && k.ab != k.gb;
      @ requires k.wfRange() && k.wfTicks() && k.wfSend() && k.wfRecv() && k.wfNote() && k.wfAsyncSrc()
      @   && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRange() && k.wfTicks() && k.wfSend() && k.wfRecv() && k.wfNote() && k.wfAsyncSrc()
      @   && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.pb[Kernel.STOPPED + slot], k.pb[Kernel.RUNQ + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.pb[Kernel.STOPPED + slot], k.pb[Kernel.RUNQ + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @*/
    public static int stop(Kernel k, int slot) {
        if (!k.isLive(slot)) {
            return Abi.ESRCH;
        }
        k.pb[Kernel.STOPPED + slot] = true;
        Sched.requeue(k, slot);
        return Abi.OK;
    }

    // Preservation of wellFormed(): one frame case, and one case each for wfRunq, wfFree and wfStamp
    // (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= slot && slot < Kernel.NP && k.pb[Kernel.USED + slot];
      @ ensures \result == Abi.OK && \invariant_for(k);
      @ ensures !k.pb[Kernel.STOPPED + slot];
      @ ensures k.pb[Kernel.RUNQ + slot] == (!k.pb[Kernel.SENDING + slot] && !k.pb[Kernel.RECEIVING + slot]);
      @ assignable k.pb[Kernel.STOPPED + slot], k.pb[Kernel.RUNQ + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires slot < 0 || slot >= Kernel.NP || !k.pb[Kernel.USED + slot];
      @ ensures \result == Abi.ESRCH;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ ensures k.wfRunq();
      @ assignable k.pb[Kernel.STOPPED + slot], k.pb[Kernel.RUNQ + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree();
      @ ensures k.wfFree();
      @ assignable k.pb[Kernel.STOPPED + slot], k.pb[Kernel.RUNQ + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires k.pr != null && k.pr.length == Kernel.PR_SIZE && k.pb != null && k.pb.length == Kernel.PB_SIZE
      @   && k.pv != null && k.pv.length == Kernel.PVB_SIZE && k.pvi != null && k.pvi.length == Kernel.PVI_SIZE;
      @ requires k.gb != null && k.gb.length == 4 * Kernel.NG && k.gr != null && k.gr.length == 6 * Kernel.NG
      @   && k.asy != null && k.asy.length == 3 * Kernel.NA && k.ab != null && k.ab.length == 3 * Kernel.NA
      @   && k.st != null && k.note != null;
      @ requires k.pr != k.asy && k.pr != k.pvi && k.pr != k.gr && k.asy != k.pvi && k.asy != k.gr && k.pvi != k.gr;
      @ requires k.pb != k.note && k.pb != k.ab && k.pb != k.gb && k.note != k.ab && k.note != k.gb && k.ab != k.gb;
      @ requires k.wfRange() && k.wfTicks() && k.wfSend() && k.wfRecv() && k.wfNote() && k.wfAsyncSrc()
      @   && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRange() && k.wfTicks() && k.wfSend() && k.wfRecv() && k.wfNote() && k.wfAsyncSrc()
      @   && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.pb[Kernel.STOPPED + slot], k.pb[Kernel.RUNQ + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.pb[Kernel.STOPPED + slot], k.pb[Kernel.RUNQ + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @*/
    public static int resume(Kernel k, int slot) {
        if (!k.isLive(slot)) {
            return Abi.ESRCH;
        }
        k.pb[Kernel.STOPPED + slot] = false;
        Sched.requeue(k, slot);
        return Abi.OK;
    }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= p && p < Kernel.NP && k.pb[Kernel.USED + p];
      @ ensures \result == Abi.OK && \invariant_for(k);
      @ ensures !k.pb[Kernel.USED + p] && !k.pb[Kernel.RUNQ + p];
      @ ensures k.pr[Kernel.GEN + p] != \old(k.pr[Kernel.GEN + p]);
      @ ensures (\forall int q; 0 <= q && q < Kernel.NP; k.pb[Kernel.SENDING + q] ==> k.pr[Kernel.SENDTO + q] != p);
      @ ensures (\forall int q; 0 <= q && q < Kernel.NP; k.pb[Kernel.RECEIVING + q] ==> k.pr[Kernel.RECVFROM + q] != p);
      @ ensures (\forall int q; 0 <= q && q < Kernel.NP && q != p; \old(k.pb[Kernel.SENDING + q]) && \old(k.pr[Kernel.SENDTO + q]) == p
      @   || \old(k.pb[Kernel.RECEIVING + q]) && \old(k.pr[Kernel.RECVFROM + q]) == p
      @   ==> k.pb[Kernel.READY + q] && k.pr[Kernel.RESULT + q] == Abi.EDEADSRCDST);
      @ assignable k.pb[*], k.pr[*], k.st[*], k.note[*], k.asy[*], k.ab[*], k.gb[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires p < 0 || p >= Kernel.NP || !k.pb[Kernel.USED + p];
      @ ensures \result == Abi.ESRCH;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wellFormed();
      @ ensures k.wellFormed();
      @ assignable k.pb[*], k.pr[*], k.st[*], k.note[*], k.asy[*], k.ab[*], k.gb[*], k.clock;
      @*/
    public static int exit(Kernel k, int p) {
        if (p < 0 || p >= Kernel.NP || !k.pb[Kernel.USED + p]) {
            return Abi.ESRCH;
        }
        // First cut every reference to p while p is still live (each step keeps the invariant),
        // then retire p itself. The assignable bounds stay written out: with Kernel's *_END
        // constants this proof grew (28,791 -> 29,061 nodes; proofs/README "Region ends").
        /*@ loop_invariant 0 <= q && q <= Kernel.NP && \invariant_for(k) && k.pb[Kernel.USED + p];
          @ loop_invariant (\forall int t; 0 <= t && t < q && t != p; k.pb[Kernel.SENDING + t] ==> k.pr[Kernel.SENDTO + t] != p);
          @ loop_invariant (\forall int t; 0 <= t && t < q && t != p; k.pb[Kernel.RECEIVING + t] ==> k.pr[Kernel.RECVFROM + t] != p);
          @ loop_invariant (\forall int t; 0 <= t && t < q && t != p; \old(k.pb[Kernel.SENDING + t]) && \old(k.pr[Kernel.SENDTO + t]) == p
          @   || \old(k.pb[Kernel.RECEIVING + t]) && \old(k.pr[Kernel.RECVFROM + t]) == p
          @   ==> k.pb[Kernel.READY + t] && k.pr[Kernel.RESULT + t] == Abi.EDEADSRCDST);
          @ loop_invariant (\forall int t; q <= t && t < Kernel.NP; k.pb[Kernel.SENDING + t] == \old(k.pb[Kernel.SENDING + t])
          @   && k.pr[Kernel.SENDTO + t] == \old(k.pr[Kernel.SENDTO + t]));
          @ loop_invariant (\forall int t; q <= t && t < Kernel.NP; k.pb[Kernel.RECEIVING + t] == \old(k.pb[Kernel.RECEIVING + t])
          @   && k.pr[Kernel.RECVFROM + t] == \old(k.pr[Kernel.RECVFROM + t]));
          @ assignable k.pb[Kernel.SENDING .. Kernel.RECEIVING + Kernel.NP - 1], k.pb[Kernel.RUNQ .. Kernel.GOTMSG + Kernel.NP - 1],
          @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
          @   k.clock;
          @ decreases Kernel.NP - q;
          @*/
        for (int q = 0; q < Kernel.NP; q++) {
            if (q != p) {
                if (blockedOn(k, q, p)) {
                    wakeDead(k, q);
                }
            }
        }
        release(k, p);
        k.pb[Kernel.SENDING + p] = false;
        k.pb[Kernel.RECEIVING + p] = false;
        k.pb[Kernel.STOPPED + p] = false;
        k.pb[Kernel.REPLY + p] = false;
        k.pb[Kernel.READY + p] = false;
        k.pb[Kernel.GOTMSG + p] = false;
        k.pb[Kernel.RUNQ + p] = false;
        k.pr[Kernel.ACOUNT + p] = 0;
        k.pb[Kernel.USED + p] = false;
        advanceGen(k, p);
        return Abi.OK;
    }

    /** The slot's generation advances (wrapping to 0 after MAX_GEN), so old endpoints go stale. */
    /*@ normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && 0 <= p && p < Kernel.NP;
      @ ensures k.pr[Kernel.GEN + p] != \old(k.pr[Kernel.GEN + p]);
      @ ensures 0 <= k.pr[Kernel.GEN + p] && k.pr[Kernel.GEN + p] <= Kernel.MAX_GEN;
      @ assignable k.pr[Kernel.GEN + p];
      @*/
    static void advanceGen(Kernel k, int p) {
        // Both bounds: KeY knows no int range for a heap int (wellFormed keeps GEN in [0, MAX_GEN]).
        int gen = k.pr[Kernel.GEN + p];
        k.pr[Kernel.GEN + p] = gen >= 0 && gen < Kernel.MAX_GEN ? gen + 1 : 0;
    }

    /**
     * p's resources go: SENDA entries to and from p, notifications pending for p or from p, and
     * p's grants. What each drop does is specified and proved at dropTo, dropFrom and the loops of
     * clearNotes, clearNotesFrom and Grants.dropAll; this contract states only the frame, because
     * exit's functional proof needs nothing more, and quantified effects here cost it dearly: KeY
     * instantiates such a postcondition with every array index of exit's own postconditions and
     * splits on each instance (measured with dropTo's postcondition in the caller: about 37,000
     * of 40,311 nodes, proofs/README "Procs.exit's functional case"). Exit's "preserves
     * wellFormed()" case, still open, will need the effects stated here.
     */
    /*@ normal_behavior
      @ requires k != null && k.ab != null && k.ab.length == 3 * Kernel.NA && k.asy != null && k.asy.length == 3 * Kernel.NA;
      @ requires k.note != null && k.note.length == Kernel.NP * Kernel.NSRC && k.gb != null && k.gb.length == 4 * Kernel.NG;
      @ requires k.ab != k.note && k.ab != k.gb && k.note != k.gb;
      @ requires 0 <= p && p < Kernel.NP;
      @ assignable k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.note[*],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @*/
    static void release(Kernel k, int p) {
        Async.dropTo(k, p);
        Async.dropFrom(k, p);
        clearNotes(k, p);
        clearNotesFrom(k, p);
        Grants.dropAll(k, p);
    }

    /**
     * q is blocked sending to p or receiving from p. The contract states the direction exit's
     * proof uses (not blocked: neither wait names p). With the equivalence, the woken path of the
     * loop body split on the disjunction and proved the loop invariant three times (56,683
     * nodes for exit against 36,465).
     */
    /*@ normal_behavior
      @ requires k != null && k.pb != null && k.pb.length == Kernel.PB_SIZE && k.pr != null && k.pr.length == Kernel.PR_SIZE;
      @ requires 0 <= q && q < Kernel.NP;
      @ ensures !\result ==> (!k.pb[Kernel.SENDING + q] || k.pr[Kernel.SENDTO + q] != p)
      @   && (!k.pb[Kernel.RECEIVING + q] || k.pr[Kernel.RECVFROM + q] != p);
      @ assignable \strictly_nothing;
      @*/
    static boolean blockedOn(Kernel k, int q, int p) {
        return k.pb[Kernel.SENDING + q] && k.pr[Kernel.SENDTO + q] == p
                || k.pb[Kernel.RECEIVING + q] && k.pr[Kernel.RECVFROM + q] == p;
    }

    /**
     * q, blocked on a dying process, wakes with EDEADSRCDST. As in TLA+ Die, a woken process ends
     * its whole IPC: a SENDREC loses its send and its receive.
     */
    /*@ normal_behavior
      @ requires k != null && k.pb != null && k.pb.length == Kernel.PB_SIZE && k.pr != null && k.pr.length == Kernel.PR_SIZE
      @   && k.st != null && k.st.length == 2 * Kernel.NP && 0 <= k.clock;
      @ requires 0 <= q && q < Kernel.NP;
      @ ensures !k.pb[Kernel.SENDING + q] && !k.pb[Kernel.RECEIVING + q] && !k.pb[Kernel.REPLY + q];
      @ ensures k.pb[Kernel.READY + q] && k.pr[Kernel.RESULT + q] == Abi.EDEADSRCDST && \old(k.clock) <= k.clock;
      @ assignable k.pb[Kernel.SENDING + q], k.pb[Kernel.RECEIVING + q], k.pb[Kernel.REPLY + q], k.pr[Kernel.RESULT + q],
      @   k.pb[Kernel.READY + q], k.pb[Kernel.GOTMSG + q], k.pb[Kernel.RUNQ + q], k.st[Kernel.RUNSTAMP + q], k.clock;
      @*/
    static void wakeDead(Kernel k, int q) {
        k.pb[Kernel.SENDING + q] = false;
        k.pb[Kernel.RECEIVING + q] = false;
        k.pb[Kernel.REPLY + q] = false;
        Ipc.complete(k, q, Abi.EDEADSRCDST, false);
        Sched.requeue(k, q);
    }

    /** Drops every notification p sent that is still pending (p's bit at every other process). */
    static void clearNotesFrom(Kernel k, int p) {
        /*@ loop_invariant 0 <= q && q <= Kernel.NP && 0 <= p && p < Kernel.NSRC
          @   && (\forall int t; 0 <= t && t < q; !k.note[t * Kernel.NSRC + p]);
          @ assignable k.note[*];
          @ decreases Kernel.NP - q;
          @*/
        for (int q = 0; q < Kernel.NP; q++) {
            //@ assert 0 <= q * Kernel.NSRC + p && q * Kernel.NSRC + p < Kernel.NP * Kernel.NSRC;
            k.note[q * Kernel.NSRC + p] = false;
        }
    }

    /** Drops every notification pending for p. */
    static void clearNotes(Kernel k, int p) {
        int base = p * Kernel.NSRC;
        /*@ loop_invariant 0 <= n && n <= Kernel.NSRC && 0 <= base && base + Kernel.NSRC <= Kernel.NP * Kernel.NSRC
          @   && (\forall int t; 0 <= t && t < n; !k.note[base + t]);
          @ assignable k.note[base .. base + Kernel.NSRC - 1];
          @ decreases Kernel.NSRC - n;
          @*/
        for (int n = 0; n < Kernel.NSRC; n++) {
            //@ assert 0 <= base + n && base + n < Kernel.NP * Kernel.NSRC;
            k.note[base + n] = false;
        }
    }
}
