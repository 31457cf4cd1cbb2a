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
      @ requires k != null && \invariant_for(k) && k.wellFormed();
      @ ensures k.wellFormed();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.note[*], k.asy[*], k.ab[*], k.gb[*], k.clock;
      @*/
    public static int exit(Kernel k, int p) {
        if (p < 0 || p >= Kernel.NP || !k.used[p]) {
            return Abi.ESRCH;
        }
        // First cut every reference to p while p is still live (each step keeps the invariant),
        // then retire p itself. The assignable bounds stay written out: with Kernel's *_END
        // constants this proof grew (28,791 -> 29,061 nodes; proofs/README "Region ends").
        /*@ loop_invariant 0 <= q && q <= Kernel.NP && \invariant_for(k) && k.used[p];
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
      @ requires k != null && k.ab != null && k.ab.length == 3 * Kernel.NA && k.asy != null
      @   && k.asy.length == 3 * Kernel.NA;
      @ requires k.note != null && k.note.length == Kernel.NP * Kernel.NSRC && k.gb != null
      @   && k.gb.length == 4 * Kernel.NG;
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
      @ requires k != null && k.used != null && k.used.length == Kernel.NP && k.sending != null
      @   && k.sending.length == Kernel.NP && k.receiving != null && k.receiving.length == Kernel.NP
      @   && k.stopped != null && k.stopped.length == Kernel.NP && k.runq != null
      @   && k.runq.length == Kernel.NP && k.reply != null && k.reply.length == Kernel.NP && k.ready != null
      @   && k.ready.length == Kernel.NP && k.gotMsg != null && k.gotMsg.length == Kernel.NP && k.pr != null
      @   && k.pr.length == Kernel.PR_SIZE;
      @ requires 0 <= q && q < Kernel.NP;
      @ ensures !\result ==> (!k.sending[q] || k.pr[Kernel.SENDTO + q] != p)
      @   && (!k.receiving[q] || k.pr[Kernel.RECVFROM + q] != p);
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
      @ requires k != null && k.used != null && k.used.length == Kernel.NP && k.sending != null
      @   && k.sending.length == Kernel.NP && k.receiving != null && k.receiving.length == Kernel.NP
      @   && k.stopped != null && k.stopped.length == Kernel.NP && k.runq != null
      @   && k.runq.length == Kernel.NP && k.reply != null && k.reply.length == Kernel.NP && k.ready != null
      @   && k.ready.length == Kernel.NP && k.gotMsg != null && k.gotMsg.length == Kernel.NP && k.pr != null
      @   && k.pr.length == Kernel.PR_SIZE
      @   && k.st != null && k.st.length == 2 * Kernel.NP && 0 <= k.clock;
      @ requires 0 <= q && q < Kernel.NP;
      @ requires k.used != k.sending && k.used != k.receiving && k.used != k.runq && k.used != k.reply
      @   && k.used != k.ready && k.used != k.gotMsg && k.sending != k.receiving
      @   && k.sending != k.stopped && k.sending != k.runq && k.sending != k.reply
      @   && k.sending != k.ready && k.sending != k.gotMsg && k.receiving != k.stopped
      @   && k.receiving != k.runq && k.receiving != k.reply && k.receiving != k.ready
      @   && k.receiving != k.gotMsg && k.stopped != k.runq && k.stopped != k.reply
      @   && k.stopped != k.ready && k.stopped != k.gotMsg && k.runq != k.reply && k.runq != k.ready
      @   && k.runq != k.gotMsg && k.reply != k.ready && k.reply != k.gotMsg && k.ready != k.gotMsg;
      @ ensures !k.sending[q] && !k.receiving[q] && !k.reply[q];
      @ ensures k.ready[q] && k.pr[Kernel.RESULT + q] == Abi.EDEADSRCDST && \old(k.clock) <= k.clock;
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
