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
      @ ensures \result == Abi.ENOMEM <==> (\forall int s; 0 <= s && s < Kernel.NP; k.used[s]);
      @ ensures \result != Abi.ENOMEM ==> (0 <= \result && \result < Kernel.NP && !k.used[\result]);
      @ assignable \nothing;
      @*/
    public static int freeSlot(Kernel k) {
        /*@ loop_invariant 0 <= s && s <= Kernel.NP
          @   && (\forall int t; 0 <= t && t < s; k.used[t]);
          @ assignable \strictly_nothing;
          @ decreases Kernel.NP - s;
          @*/
        for (int s = 0; s < Kernel.NP; s++) {
            if (!k.used[s]) {
                return s;
            }
        }
        return Abi.ENOMEM;
    }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= slot && slot < Kernel.NP && !k.used[slot];
      @ requires 0 <= priv && priv < Kernel.NPRIV && k.pvi[Kernel.PV_QUANT + priv] >= 1;
      @ requires 0 <= k.pr[Kernel.GEN + slot] && k.pr[Kernel.GEN + slot] <= Kernel.MAX_GEN;
      @ ensures \invariant_for(k);
      @ ensures \result == k.pr[Kernel.GEN + slot] * Kernel.EP_SCALE + slot && \result >= 0;
      @ ensures k.used[slot] && k.runq[slot] && k.pr[Kernel.PRIV + slot] == priv;
      @ ensures k.pr[Kernel.PRIO + slot] == k.pvi[Kernel.PV_PRIO + priv];
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot],
      @   k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires slot < 0 || slot >= Kernel.NP || priv < 0 || priv >= Kernel.NPRIV
      @   || k.pvi[Kernel.PV_QUANT + priv] < 1;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= slot && slot < Kernel.NP && k.used[slot];
      @ requires 0 <= priv && priv < Kernel.NPRIV && k.pvi[Kernel.PV_QUANT + priv] >= 1;
      @ ensures \result == Abi.EBUSY;
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
      @   && k.st != null && k.st.length == 2 * Kernel.NP && k.note != null
      @   && k.note.length == Kernel.NP * Kernel.NSRC
      @   && k.msg != null && k.msg.length == Kernel.NP * Kernel.MW && k.amsg != null
      @   && k.amsg.length == Kernel.NA * Kernel.MW;
      @ requires k.pr != k.asy && k.pr != k.pvi && k.pr != k.gr && k.asy != k.pvi && k.asy != k.gr
      @   && k.pvi != k.gr;
      @ requires k.pr != k.msg && k.msg != k.asy && k.msg != k.pvi && k.msg != k.gr && k.pr != k.amsg
      @   && k.msg != k.amsg && k.asy != k.amsg && k.amsg != k.pvi && k.amsg != k.gr;
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
      @   && (k.used != k.pv && k.sending != k.pv && k.receiving != k.pv && k.stopped != k.pv && k.runq != k.pv && k.reply != k.pv && k.ready != k.pv && k.gotMsg != k.pv)
      @   && k.note != k.ab && k.note != k.gb && k.ab != k.gb && k.note != k.pv && k.ab != k.pv
      @   && k.pv != k.gb;
      @ requires 0 <= k.clock;
      @ requires k.wfPriv();
      @ ensures k.wfPriv();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ ensures k.wfRunq();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree();
      @ ensures k.wfFree();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRange() && k.wfPriv();
      @ ensures k.wfRange();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfTicks() && k.wfPriv();
      @ ensures k.wfTicks();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfSend();
      @ ensures k.wfSend();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRecv();
      @ ensures k.wfRecv();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfNote();
      @ ensures k.wfNote();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncSrc();
      @ ensures k.wfAsyncSrc();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncDst();
      @ ensures k.wfAsyncDst();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfReply();
      @ ensures k.wfReply();
      @ assignable k.used[slot], k.runq[slot], k.gotMsg[slot],
      @   k.sending[slot], k.receiving[slot], k.stopped[slot],
      @   k.reply[slot], k.ready[slot], k.pr[Kernel.PRIV + slot], k.pr[Kernel.PRIO + slot],
      @   k.pr[Kernel.QUANT + slot], k.pr[Kernel.TICKS + slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @*/
    public static int spawn(Kernel k, int slot, int priv) {
        if (slot < 0 || slot >= Kernel.NP || priv < 0 || priv >= Kernel.NPRIV
                || k.pvi[Kernel.PV_QUANT + priv] < 1) {
            return Abi.EINVAL;
        }
        if (k.used[slot]) {
            return Abi.EBUSY;
        }
        k.pr[Kernel.PRIV + slot] = priv;
        k.pr[Kernel.PRIO + slot] = k.pvi[Kernel.PV_PRIO + priv];
        k.pr[Kernel.QUANT + slot] = k.pvi[Kernel.PV_QUANT + priv];
        k.pr[Kernel.TICKS + slot] = k.pvi[Kernel.PV_QUANT + priv];
        // A new process starts unblocked and running (under wellFormed a free slot carries no
        // flags; clearing them makes the functional contract hold without that premise).
        k.sending[slot] = false;
        k.receiving[slot] = false;
        k.stopped[slot] = false;
        k.reply[slot] = false;
        k.ready[slot] = false;
        k.gotMsg[slot] = false;
        k.used[slot] = true;
        Sched.requeue(k, slot);
        return Kernel.ep(k.pr[Kernel.GEN + slot], slot);
    }

    // Preservation of wellFormed(): one frame case, and one case each for wfRunq, wfFree and wfStamp
    // (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= slot && slot < Kernel.NP && k.used[slot];
      @ ensures \result == Abi.OK && \invariant_for(k);
      @ ensures k.stopped[slot] && !k.runq[slot];
      @ assignable k.stopped[slot], k.runq[slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires slot < 0 || slot >= Kernel.NP || !k.used[slot];
      @ ensures \result == Abi.ESRCH;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ ensures k.wfRunq();
      @ assignable k.stopped[slot], k.runq[slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree();
      @ ensures k.wfFree();
      @ assignable k.stopped[slot], k.runq[slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
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
      @ requires k.wfRange() && k.wfTicks() && k.wfSend() && k.wfRecv() && k.wfNote() && k.wfAsyncSrc()
      @   && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRange() && k.wfTicks() && k.wfSend() && k.wfRecv() && k.wfNote() && k.wfAsyncSrc()
      @   && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.stopped[slot], k.runq[slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.stopped[slot], k.runq[slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @*/
    public static int stop(Kernel k, int slot) {
        if (!k.isLive(slot)) {
            return Abi.ESRCH;
        }
        k.stopped[slot] = true;
        Sched.requeue(k, slot);
        return Abi.OK;
    }

    // Preservation of wellFormed(): one frame case, and one case each for wfRunq, wfFree and wfStamp
    // (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= slot && slot < Kernel.NP && k.used[slot];
      @ ensures \result == Abi.OK && \invariant_for(k);
      @ ensures !k.stopped[slot];
      @ ensures k.runq[slot] == (!k.sending[slot] && !k.receiving[slot]);
      @ assignable k.stopped[slot], k.runq[slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires slot < 0 || slot >= Kernel.NP || !k.used[slot];
      @ ensures \result == Abi.ESRCH;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ ensures k.wfRunq();
      @ assignable k.stopped[slot], k.runq[slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree();
      @ ensures k.wfFree();
      @ assignable k.stopped[slot], k.runq[slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
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
      @ requires k.wfRange() && k.wfTicks() && k.wfSend() && k.wfRecv() && k.wfNote() && k.wfAsyncSrc()
      @   && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRange() && k.wfTicks() && k.wfSend() && k.wfRecv() && k.wfNote() && k.wfAsyncSrc()
      @   && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.stopped[slot], k.runq[slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.stopped[slot], k.runq[slot], k.st[Kernel.RUNSTAMP + slot], k.clock;
      @*/
    public static int resume(Kernel k, int slot) {
        if (!k.isLive(slot)) {
            return Abi.ESRCH;
        }
        k.stopped[slot] = false;
        Sched.requeue(k, slot);
        return Abi.OK;
    }

    /*@ public normal_behavior
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
      @   && k.st != null && k.st.length == 2 * Kernel.NP && k.note != null
      @   && k.note.length == Kernel.NP * Kernel.NSRC
      @   && k.msg != null && k.msg.length == Kernel.NP * Kernel.MW && k.amsg != null
      @   && k.amsg.length == Kernel.NA * Kernel.MW;
      @ requires k.pr != k.asy && k.pr != k.pvi && k.pr != k.gr && k.asy != k.pvi && k.asy != k.gr
      @   && k.pvi != k.gr;
      @ requires k.pr != k.msg && k.msg != k.asy && k.msg != k.pvi && k.msg != k.gr && k.pr != k.amsg
      @   && k.msg != k.amsg && k.asy != k.amsg && k.amsg != k.pvi && k.amsg != k.gr;
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
      @   && (k.used != k.pv && k.sending != k.pv && k.receiving != k.pv && k.stopped != k.pv && k.runq != k.pv && k.reply != k.pv && k.ready != k.pv && k.gotMsg != k.pv)
      @   && k.note != k.ab && k.note != k.gb && k.ab != k.gb && k.note != k.pv && k.ab != k.pv
      @   && k.pv != k.gb;
      @ requires 0 <= k.clock;
      @ requires k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ ensures \result == Abi.OK && \invariant_for(k);
      @ ensures !k.used[p] && !k.runq[p];
      @ ensures k.pr[Kernel.GEN + p] != \old(k.pr[Kernel.GEN + p]);
      @ ensures (\forall int q; 0 <= q && q < Kernel.NP; k.sending[q] ==> k.pr[Kernel.SENDTO + q] != p);
      @ ensures (\forall int q; 0 <= q && q < Kernel.NP; k.receiving[q] ==> k.pr[Kernel.RECVFROM + q] != p);
      @ ensures (\forall int q; 0 <= q && q < Kernel.NP && q != p; \old(k.sending[q]) && \old(k.pr[Kernel.SENDTO + q]) == p
      @   || \old(k.receiving[q]) && \old(k.pr[Kernel.RECVFROM + q]) == p
      @   ==> k.ready[q] && k.pr[Kernel.RESULT + q] == Abi.EDEADSRCDST);
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.note[*], k.asy[*], k.ab[*], k.gb[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires p < 0 || p >= Kernel.NP || !k.used[p];
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
      @   && k.st != null && k.st.length == 2 * Kernel.NP && k.note != null
      @   && k.note.length == Kernel.NP * Kernel.NSRC
      @   && k.msg != null && k.msg.length == Kernel.NP * Kernel.MW && k.amsg != null
      @   && k.amsg.length == Kernel.NA * Kernel.MW;
      @ requires k.pr != k.asy && k.pr != k.pvi && k.pr != k.gr && k.asy != k.pvi && k.asy != k.gr
      @   && k.pvi != k.gr;
      @ requires k.pr != k.msg && k.msg != k.asy && k.msg != k.pvi && k.msg != k.gr && k.pr != k.amsg
      @   && k.msg != k.amsg && k.asy != k.amsg && k.amsg != k.pvi && k.amsg != k.gr;
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
      @   && (k.used != k.pv && k.sending != k.pv && k.receiving != k.pv && k.stopped != k.pv && k.runq != k.pv && k.reply != k.pv && k.ready != k.pv && k.gotMsg != k.pv)
      @   && k.note != k.ab && k.note != k.gb && k.ab != k.gb && k.note != k.pv && k.ab != k.pv
      @   && k.pv != k.gb;
      @ requires 0 <= k.clock;
      @ requires k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.note[*], k.asy[*], k.ab[*], k.gb[*], k.clock;
      @*/
    public static int exit(Kernel k, int p) {
        if (p < 0 || p >= Kernel.NP || !k.used[p]) {
            return Abi.ESRCH;
        }
        // First cut every reference to p while p is still live, then retire p itself.
        wakeAll(k, p);
        retire(k, p);
        return Abi.OK;
    }

    /**
     * Everyone blocked on p (sending to it or receiving from it) wakes with EDEADSRCDST, while p
     * is still live. One contract case that assumes and ensures every conjunct of wellFormed(),
     * and states that nobody waits on p any more as the one atom retire's cases assume,
     * nobodyWaitsOn(p), so exit's proofs only compose contracts (proofs/README "Composition").
     */
    /*@ normal_behavior
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
      @   && k.st != null && k.st.length == 2 * Kernel.NP && k.note != null
      @   && k.note.length == Kernel.NP * Kernel.NSRC
      @   && k.msg != null && k.msg.length == Kernel.NP * Kernel.MW && k.amsg != null
      @   && k.amsg.length == Kernel.NA * Kernel.MW;
      @ requires k.pr != k.asy && k.pr != k.pvi && k.pr != k.gr && k.asy != k.pvi && k.asy != k.gr
      @   && k.pvi != k.gr;
      @ requires k.pr != k.msg && k.msg != k.asy && k.msg != k.pvi && k.msg != k.gr && k.pr != k.amsg
      @   && k.msg != k.amsg && k.asy != k.amsg && k.amsg != k.pvi && k.amsg != k.gr;
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
      @   && (k.used != k.pv && k.sending != k.pv && k.receiving != k.pv && k.stopped != k.pv && k.runq != k.pv && k.reply != k.pv && k.ready != k.pv && k.gotMsg != k.pv)
      @   && k.note != k.ab && k.note != k.gb && k.ab != k.gb && k.note != k.pv && k.ab != k.pv
      @   && k.pv != k.gb;
      @ requires 0 <= k.clock;
      @ requires k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ ensures \invariant_for(k) && k.used[p];
      @ ensures k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.nobodyWaitsOn(p);
      @ ensures (\forall int t; 0 <= t && t < Kernel.NP && t != p; \old(k.sending[t]) && \old(k.pr[Kernel.SENDTO + t]) == p
      @   || \old(k.receiving[t]) && \old(k.pr[Kernel.RECVFROM + t]) == p
      @   ==> k.ready[t] && k.pr[Kernel.RESULT + t] == Abi.EDEADSRCDST);
      @ assignable k.sending[*], k.receiving[*], k.runq[*], k.reply[*], k.ready[*], k.gotMsg[*],
      @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1],
      @   k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.clock;
      @*/
    static void wakeAll(Kernel k, int p) {
        // Each step keeps wellFormed(), and the loop invariant says so. The assignable bounds stay
        // written out: with Kernel's *_END constants exit's proof grew (proofs/README "Region ends").
        /*@ loop_invariant 0 <= q && q <= Kernel.NP && \invariant_for(k) && k.used[p];
          @ loop_invariant k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
          @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
          @ loop_invariant (\forall int t; 0 <= t && t < q && t != p; k.sending[t] ==> k.pr[Kernel.SENDTO + t] != p);
          @ loop_invariant (\forall int t; 0 <= t && t < q && t != p; k.receiving[t] ==> k.pr[Kernel.RECVFROM + t] != p);
          @ loop_invariant (\forall int t; 0 <= t && t < q && t != p; \old(k.sending[t]) && \old(k.pr[Kernel.SENDTO + t]) == p
          @   || \old(k.receiving[t]) && \old(k.pr[Kernel.RECVFROM + t]) == p
          @   ==> k.ready[t] && k.pr[Kernel.RESULT + t] == Abi.EDEADSRCDST);
          @ loop_invariant (\forall int t; q <= t && t < Kernel.NP; k.sending[t] == \old(k.sending[t])
          @   && k.pr[Kernel.SENDTO + t] == \old(k.pr[Kernel.SENDTO + t]));
          @ loop_invariant (\forall int t; q <= t && t < Kernel.NP; k.receiving[t] == \old(k.receiving[t])
          @   && k.pr[Kernel.RECVFROM + t] == \old(k.pr[Kernel.RECVFROM + t]));
          @ assignable k.sending[*], k.receiving[*], k.runq[*], k.reply[*], k.ready[*], k.gotMsg[*],
          @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1],
          @   k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
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
        waitersGone(k, p);
    }

    /**
     * A lemma, proved like any contract: the loop's two facts about p are nobodyWaitsOn(p). The
     * body is empty; the call restates the loop's result as one atom, which is how exit's
     * composing proofs (no model method unfolded) can match it against retire's premises. As two
     * quantified facts they did not match: KeY kept them about the heap after wakeAll while the
     * terms of retire's premises had been rewritten to that heap's anonymised form, so no
     * instance was ever tried (exit .2 open at 189,187 nodes, proofs/README "exit, closed").
     */
    /*@ normal_behavior
      @ requires k != null && k.sending != null && k.sending.length == Kernel.NP && k.receiving != null
      @   && k.receiving.length == Kernel.NP && k.pr != null && k.pr.length == Kernel.PR_SIZE;
      @ requires 0 <= p && p < Kernel.NP;
      @ requires (\forall int t; 0 <= t && t < Kernel.NP && t != p; k.sending[t] ==> k.pr[Kernel.SENDTO + t] != p);
      @ requires (\forall int t; 0 <= t && t < Kernel.NP && t != p; k.receiving[t] ==> k.pr[Kernel.RECVFROM + t] != p);
      @ ensures k.nobodyWaitsOn(p);
      @ assignable \strictly_nothing;
      @*/
    static void waitersGone(Kernel k, int p) {
    }

    /**
     * p's slot is retired once nothing waits on p: its resources go (release), its flags clear,
     * its generation advances. The footprint names what it writes; the conjuncts that read none of
     * it (wfStamp, wfPriv) carry over by their dependency contracts, the others have a case each.
     * The functional case and the wfSend and wfRecv cases need nobodyWaitsOn(p): no live process
     * may be left sending to or receiving from a free slot. The wfNote case assumes it too, though
     * its proof does not use it: without it KeY's search stopped at 11,346 nodes on a goal where
     * it had rewritten note[d * NSRC + 0] to note[d * NSRC] and no longer matched wfNote()'s
     * quantifier (with it, 9,085 nodes, proved). exit has the atom either way.
     */
    /*@ normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= p && p < Kernel.NP && k.used[p] && k.nobodyWaitsOn(p);
      @ ensures \invariant_for(k);
      @ ensures !k.used[p] && !k.runq[p] && !k.sending[p] && !k.receiving[p];
      @ ensures k.pr[Kernel.GEN + p] != \old(k.pr[Kernel.GEN + p]);
      @ ensures (\forall int q; 0 <= q && q < Kernel.NP; k.sending[q] ==> k.pr[Kernel.SENDTO + q] != p);
      @ ensures (\forall int q; 0 <= q && q < Kernel.NP; k.receiving[q] ==> k.pr[Kernel.RECVFROM + q] != p);
      @ assignable k.gotMsg[p], k.ready[p], k.receiving[p], k.reply[p], k.runq[p], k.sending[p], k.stopped[p],
      @   k.used[p], k.note[*], k.pr[Kernel.GEN + p], k.pr[Kernel.ACOUNT + p],
      @   k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ ensures k.wfRunq();
      @ assignable k.gotMsg[p], k.ready[p], k.receiving[p], k.reply[p], k.runq[p], k.sending[p], k.stopped[p],
      @   k.used[p], k.note[*], k.pr[Kernel.GEN + p], k.pr[Kernel.ACOUNT + p],
      @   k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ ensures k.wfFree();
      @ assignable k.gotMsg[p], k.ready[p], k.receiving[p], k.reply[p], k.runq[p], k.sending[p], k.stopped[p],
      @   k.used[p], k.note[*], k.pr[Kernel.GEN + p], k.pr[Kernel.ACOUNT + p],
      @   k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRange();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ ensures k.wfRange();
      @ assignable k.gotMsg[p], k.ready[p], k.receiving[p], k.reply[p], k.runq[p], k.sending[p], k.stopped[p],
      @   k.used[p], k.note[*], k.pr[Kernel.GEN + p], k.pr[Kernel.ACOUNT + p],
      @   k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfTicks();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ ensures k.wfTicks();
      @ assignable k.gotMsg[p], k.ready[p], k.receiving[p], k.reply[p], k.runq[p], k.sending[p], k.stopped[p],
      @   k.used[p], k.note[*], k.pr[Kernel.GEN + p], k.pr[Kernel.ACOUNT + p],
      @   k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfSend();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ requires k.nobodyWaitsOn(p);
      @ ensures k.wfSend();
      @ assignable k.gotMsg[p], k.ready[p], k.receiving[p], k.reply[p], k.runq[p], k.sending[p], k.stopped[p],
      @   k.used[p], k.note[*], k.pr[Kernel.GEN + p], k.pr[Kernel.ACOUNT + p],
      @   k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRecv();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ requires k.nobodyWaitsOn(p);
      @ ensures k.wfRecv();
      @ assignable k.gotMsg[p], k.ready[p], k.receiving[p], k.reply[p], k.runq[p], k.sending[p], k.stopped[p],
      @   k.used[p], k.note[*], k.pr[Kernel.GEN + p], k.pr[Kernel.ACOUNT + p],
      @   k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfNote();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ requires k.nobodyWaitsOn(p);
      @ ensures k.wfNote();
      @ assignable k.gotMsg[p], k.ready[p], k.receiving[p], k.reply[p], k.runq[p], k.sending[p], k.stopped[p],
      @   k.used[p], k.note[*], k.pr[Kernel.GEN + p], k.pr[Kernel.ACOUNT + p],
      @   k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncSrc();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ ensures k.wfAsyncSrc();
      @ assignable k.gotMsg[p], k.ready[p], k.receiving[p], k.reply[p], k.runq[p], k.sending[p], k.stopped[p],
      @   k.used[p], k.note[*], k.pr[Kernel.GEN + p], k.pr[Kernel.ACOUNT + p],
      @   k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncDst();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ ensures k.wfAsyncDst();
      @ assignable k.gotMsg[p], k.ready[p], k.receiving[p], k.reply[p], k.runq[p], k.sending[p], k.stopped[p],
      @   k.used[p], k.note[*], k.pr[Kernel.GEN + p], k.pr[Kernel.ACOUNT + p],
      @   k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfReply();
      @ requires 0 <= p && p < Kernel.NP && k.used[p];
      @ ensures k.wfReply();
      @ assignable k.gotMsg[p], k.ready[p], k.receiving[p], k.reply[p], k.runq[p], k.sending[p], k.stopped[p],
      @   k.used[p], k.note[*], k.pr[Kernel.GEN + p], k.pr[Kernel.ACOUNT + p],
      @   k.ab[Kernel.A_PEND .. Kernel.A_PEND_END], k.ab[Kernel.A_DONE .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1],
      @   k.gb[Kernel.G_USED + p * Abi.NR_GRANTS .. Kernel.G_USED + p * Abi.NR_GRANTS + Abi.NR_GRANTS - 1];
      @*/
    static void retire(Kernel k, int p) {
        release(k, p);
        k.sending[p] = false;
        k.receiving[p] = false;
        k.stopped[p] = false;
        k.reply[p] = false;
        k.ready[p] = false;
        k.gotMsg[p] = false;
        k.runq[p] = false;
        k.pr[Kernel.ACOUNT + p] = 0;
        k.used[p] = false;
        advanceGen(k, p);
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
     * p's grants. Only retire calls it, and retire's cases need the effects: no SENDA entry from
     * p or to p is pending, and nothing became pending. For note[] that is one fact in the shape
     * wfNote() reads (receiver d, source s): a bit still set was set before and names neither p as
     * receiver nor p as source. Stated as three facts (p's row cleared over indices, p's column
     * cleared, nothing new), retire's wfNote case stayed open at 40,146 nodes; stated as one, it
     * proves in 8,226. (Until exit's loop and retirement were split, exit's own functional proof
     * applied this contract, and quantified effects here cost it about 37,000 of 40,311 nodes.)
     */
    /*@ normal_behavior
      @ requires k != null && k.ab != null && k.ab.length == 3 * Kernel.NA && k.asy != null
      @   && k.asy.length == 3 * Kernel.NA;
      @ requires k.note != null && k.note.length == Kernel.NP * Kernel.NSRC && k.gb != null
      @   && k.gb.length == 4 * Kernel.NG;
      @ requires k.ab != k.note && k.ab != k.gb && k.note != k.gb;
      @ requires 0 <= p && p < Kernel.NP;
      @ ensures (\forall int t; 0 <= t && t < Kernel.NA;
      @   k.ab[Kernel.A_PEND + t] ==> \old(k.ab[Kernel.A_PEND + t]) && k.asy[Kernel.A_DST + t] != p);
      @ ensures (\forall int e; p * Kernel.AK <= e && e < p * Kernel.AK + Kernel.AK; !k.ab[Kernel.A_PEND + e]);
      @ ensures (\forall int d; 0 <= d && d < Kernel.NP; (\forall int s; 0 <= s && s < Kernel.NSRC;
      @   k.note[d * Kernel.NSRC + s] ==> \old(k.note[d * Kernel.NSRC + s]) && d != p && s != p));
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
      @ requires k != null && k.used != null && k.used.length == Kernel.NP && k.sending != null
      @   && k.sending.length == Kernel.NP && k.receiving != null && k.receiving.length == Kernel.NP
      @   && k.stopped != null && k.stopped.length == Kernel.NP && k.runq != null
      @   && k.runq.length == Kernel.NP && k.reply != null && k.reply.length == Kernel.NP && k.ready != null
      @   && k.ready.length == Kernel.NP && k.gotMsg != null && k.gotMsg.length == Kernel.NP && k.pr != null
      @   && k.pr.length == Kernel.PR_SIZE;
      @ requires 0 <= q && q < Kernel.NP;
      @ ensures !\result ==> (!k.sending[q] || k.pr[Kernel.SENDTO + q] != p)
      @   && (!k.receiving[q] || k.pr[Kernel.RECVFROM + q] != p);
      @ ensures \result ==> k.sending[q] || k.receiving[q];
      @ assignable \strictly_nothing;
      @*/
    static boolean blockedOn(Kernel k, int q, int p) {
        return k.sending[q] && k.pr[Kernel.SENDTO + q] == p
                || k.receiving[q] && k.pr[Kernel.RECVFROM + q] == p;
    }

    /**
     * q, blocked on a dying process, wakes with EDEADSRCDST. As in TLA+ Die, a woken process ends
     * its whole IPC: a SENDREC loses its send and its receive.
     */
    /*@ normal_behavior
      @ requires k != null && \invariant_for(k) && 0 <= q && q < Kernel.NP;
      @ ensures \invariant_for(k);
      @ ensures !k.sending[q] && !k.receiving[q] && !k.reply[q];
      @ ensures k.ready[q] && k.pr[Kernel.RESULT + q] == Abi.EDEADSRCDST && \old(k.clock) <= k.clock;
      @ assignable k.sending[q], k.receiving[q], k.reply[q], k.pr[Kernel.RESULT + q],
      @   k.ready[q], k.gotMsg[q], k.runq[q], k.st[Kernel.RUNSTAMP + q], k.clock;
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ requires 0 <= q && q < Kernel.NP;
      @ ensures k.wfRunq();
      @ assignable k.sending[q], k.receiving[q], k.reply[q], k.pr[Kernel.RESULT + q],
      @   k.ready[q], k.gotMsg[q], k.runq[q], k.st[Kernel.RUNSTAMP + q], k.clock;
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree();
      @ requires 0 <= q && q < Kernel.NP && (k.sending[q] || k.receiving[q]);
      @ ensures k.wfFree();
      @ assignable k.sending[q], k.receiving[q], k.reply[q], k.pr[Kernel.RESULT + q],
      @   k.ready[q], k.gotMsg[q], k.runq[q], k.st[Kernel.RUNSTAMP + q], k.clock;
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ requires 0 <= q && q < Kernel.NP;
      @ ensures k.wfStamp();
      @ assignable k.sending[q], k.receiving[q], k.reply[q], k.pr[Kernel.RESULT + q],
      @   k.ready[q], k.gotMsg[q], k.runq[q], k.st[Kernel.RUNSTAMP + q], k.clock;
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfSend();
      @ requires 0 <= q && q < Kernel.NP;
      @ ensures k.wfSend();
      @ assignable k.sending[q], k.receiving[q], k.reply[q], k.pr[Kernel.RESULT + q],
      @   k.ready[q], k.gotMsg[q], k.runq[q], k.st[Kernel.RUNSTAMP + q], k.clock;
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRecv();
      @ requires 0 <= q && q < Kernel.NP;
      @ ensures k.wfRecv();
      @ assignable k.sending[q], k.receiving[q], k.reply[q], k.pr[Kernel.RESULT + q],
      @   k.ready[q], k.gotMsg[q], k.runq[q], k.st[Kernel.RUNSTAMP + q], k.clock;
      @ also normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfReply();
      @ requires 0 <= q && q < Kernel.NP;
      @ ensures k.wfReply();
      @ assignable k.sending[q], k.receiving[q], k.reply[q], k.pr[Kernel.RESULT + q],
      @   k.ready[q], k.gotMsg[q], k.runq[q], k.st[Kernel.RUNSTAMP + q], k.clock;
      @*/
    static void wakeDead(Kernel k, int q) {
        k.sending[q] = false;
        k.receiving[q] = false;
        k.reply[q] = false;
        Ipc.complete(k, q, Abi.EDEADSRCDST, false);
        Sched.requeue(k, q);
    }

    /**
     * Drops every notification p sent that is still pending (p's bit at every process). The
     * contract says "nothing became pending" element by element, so release's proof never has to
     * decide which receiver and source an index of note[] names.
     */
    /*@ normal_behavior
      @ requires k != null && k.note != null && k.note.length == Kernel.NP * Kernel.NSRC;
      @ requires 0 <= p && p < Kernel.NP;
      @ ensures (\forall int q; 0 <= q && q < Kernel.NP; !k.note[q * Kernel.NSRC + p]);
      @ ensures (\forall int e; 0 <= e && e < Kernel.NP * Kernel.NSRC; k.note[e] ==> \old(k.note[e]));
      @ assignable k.note[*];
      @*/
    static void clearNotesFrom(Kernel k, int p) {
        /*@ loop_invariant 0 <= q && q <= Kernel.NP && 0 <= p && p < Kernel.NSRC
          @   && (\forall int t; 0 <= t && t < q; !k.note[t * Kernel.NSRC + p])
          @   && (\forall int e; 0 <= e && e < Kernel.NP * Kernel.NSRC; k.note[e] ==> \old(k.note[e]));
          @ assignable k.note[*];
          @ decreases Kernel.NP - q;
          @*/
        for (int q = 0; q < Kernel.NP; q++) {
            //@ assert 0 <= q * Kernel.NSRC + p && q * Kernel.NSRC + p < Kernel.NP * Kernel.NSRC;
            k.note[q * Kernel.NSRC + p] = false;
        }
    }

    /**
     * Drops every notification pending for p. The loop names all of note[] as its footprint: with
     * p's range only, KeY reads the loop's result through a range check it cannot resolve under
     * the quantifier of the postcondition (open at 621 nodes).
     */
    /*@ normal_behavior
      @ requires k != null && k.note != null && k.note.length == Kernel.NP * Kernel.NSRC;
      @ requires 0 <= p && p < Kernel.NP;
      @ ensures (\forall int e; p * Kernel.NSRC <= e && e < p * Kernel.NSRC + Kernel.NSRC; !k.note[e]);
      @ ensures (\forall int e; 0 <= e && e < Kernel.NP * Kernel.NSRC; k.note[e] ==> \old(k.note[e]));
      @ assignable k.note[*];
      @*/
    static void clearNotes(Kernel k, int p) {
        int base = p * Kernel.NSRC;
        /*@ loop_invariant 0 <= n && n <= Kernel.NSRC && 0 <= base && base + Kernel.NSRC <= Kernel.NP * Kernel.NSRC
          @   && base == p * Kernel.NSRC && (\forall int e; base <= e && e < base + n; !k.note[e])
          @   && (\forall int e; 0 <= e && e < Kernel.NP * Kernel.NSRC; k.note[e] ==> \old(k.note[e]));
          @ assignable k.note[*];
          @ decreases Kernel.NSRC - n;
          @*/
        for (int n = 0; n < Kernel.NSRC; n++) {
            //@ assert 0 <= base + n && base + n < Kernel.NP * Kernel.NSRC;
            k.note[base + n] = false;
        }
    }
}
