package dev.noreset.kernel.core;

/**
 * SENDA: a table of messages owned by the sender, delivered when each receiver next
 * receives, with a result per entry. The glue loads the user table into the kernel copy
 * (setAsyncEntry / setAsyncWord) and writes AMF_DONE and the result back from
 * Kernel.asyncDone / asyncResult. TLA+: Ipc.tla SendA / ReceiveAsync.
 */
public final class Async {
    private Async() { }

    // Preservation of wellFormed(): one frame case, and one each for wfAsyncSrc and wfAsyncDst (see
    // Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && 0 <= i && i < Kernel.AK;
      @ ensures \result == Abi.OK && \invariant_for(k);
      @ ensures k.asy[Kernel.A_EP + caller * Kernel.AK + i] == dstEp
      @   && k.ab[Kernel.A_VALID + caller * Kernel.AK + i] == valid;
      @ ensures !k.ab[Kernel.A_PEND + caller * Kernel.AK + i]
      @   && !k.ab[Kernel.A_DONE + caller * Kernel.AK + i];
      @ assignable k.asy[Kernel.A_EP + caller * Kernel.AK + i], k.ab[Kernel.A_VALID + caller * Kernel.AK + i],
      @   k.ab[Kernel.A_PEND + caller * Kernel.AK + i], k.ab[Kernel.A_DONE + caller * Kernel.AK + i];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires caller < 0 || caller >= Kernel.NP || !k.used[caller] || i < 0 || i >= Kernel.AK;
      @ ensures \result == Abi.EINVAL;
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
      @ requires k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfPriv() && k.wfReply();
      @ assignable k.asy[Kernel.A_EP + caller * Kernel.AK + i], k.ab[Kernel.A_VALID + caller * Kernel.AK + i],
      @   k.ab[Kernel.A_PEND + caller * Kernel.AK + i], k.ab[Kernel.A_DONE + caller * Kernel.AK + i];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncSrc();
      @ ensures k.wfAsyncSrc();
      @ assignable k.asy[Kernel.A_EP + caller * Kernel.AK + i], k.ab[Kernel.A_VALID + caller * Kernel.AK + i],
      @   k.ab[Kernel.A_PEND + caller * Kernel.AK + i], k.ab[Kernel.A_DONE + caller * Kernel.AK + i];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncDst();
      @ ensures k.wfAsyncDst();
      @ assignable k.asy[Kernel.A_EP + caller * Kernel.AK + i], k.ab[Kernel.A_VALID + caller * Kernel.AK + i],
      @   k.ab[Kernel.A_PEND + caller * Kernel.AK + i], k.ab[Kernel.A_DONE + caller * Kernel.AK + i];
      @*/
    public static int setAsyncEntry(Kernel k, int caller, int i, int dstEp, boolean valid) {
        if (caller < 0 || caller >= Kernel.NP || !k.used[caller] || i < 0 || i >= Kernel.AK) {
            return Abi.EINVAL;
        }
        //@ assert 0 <= caller * Kernel.AK + i && caller * Kernel.AK + i < Kernel.NA;
        int a = caller * Kernel.AK + i;
        k.asy[Kernel.A_EP + a] = dstEp;
        k.ab[Kernel.A_VALID + a] = valid;
        k.ab[Kernel.A_PEND + a] = false;
        k.ab[Kernel.A_DONE + a] = false;
        return Abi.OK;
    }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && 0 <= i && i < Kernel.AK && 0 <= w && w < Kernel.MW;
      @ ensures \result == Abi.OK && k.amsg[(caller * Kernel.AK + i) * Kernel.MW + w] == v;
      @ assignable k.amsg[(caller * Kernel.AK + i) * Kernel.MW + w];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires caller < 0 || caller >= Kernel.NP || i < 0 || i >= Kernel.AK || w < 0 || w >= Kernel.MW;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @*/
    public static int setAsyncWord(Kernel k, int caller, int i, int w, int v) {
        if (caller < 0 || caller >= Kernel.NP || i < 0 || i >= Kernel.AK || w < 0 || w >= Kernel.MW) {
            return Abi.EINVAL;
        }
        //@ assert 0 <= caller * Kernel.AK + i && caller * Kernel.AK + i < Kernel.NA;
        //@ assert 0 <= (caller * Kernel.AK + i) * Kernel.MW + w && (caller * Kernel.AK + i) * Kernel.MW + w < Kernel.NA * Kernel.MW;
        k.amsg[(caller * Kernel.AK + i) * Kernel.MW + w] = v;
        return Abi.OK;
    }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires caller < 0 || caller >= Kernel.NP || !k.runq[caller];
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + caller] && k.pr[Kernel.PRIV + caller] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller];
      @ requires count < 0 || count > Kernel.AK;
      @ requires k.pv[Kernel.PV_TRAP + k.pr[Kernel.PRIV + caller] * Kernel.NTRAP + Abi.SENDA];
      @ ensures \result == Abi.E2BIG;
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
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller];
      @ ensures \invariant_for(k);
      @ ensures \result == Abi.OK || \result == Abi.E2BIG || \result == Abi.ETRAPDENIED;
      @ ensures \result == Abi.OK ==> k.ready[caller] && k.runq[caller]
      @   && k.pr[Kernel.ACOUNT + caller] == count;
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.asy[*], k.ab[*], k.clock;
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
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.asy[*], k.ab[*], k.clock;
      @*/
    public static int senda(Kernel k, int caller, int count) {
        if (!Ipc.validCaller(k, caller)) {
            return Abi.EINVAL;
        }
        if (!Ipc.trapAllowed(k, caller, Abi.SENDA)) {
            return Abi.ETRAPDENIED;
        }
        if (count < 0 || count > Kernel.AK) {
            return Abi.E2BIG;
        }
        resetTable(k, caller, count);
        startEntries(k, caller, 0, count);
        sendaDone(k, caller);
        return Abi.OK;
    }

    /**
     * A new table replaces the old one: forget what is still pending and record its size. The
     * footprint names what it writes, so only the conjuncts that read the pending bits or the
     * table sizes need a case.
     */
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && 0 <= count && count <= Kernel.AK;
      @ ensures \invariant_for(k) && k.pr[Kernel.ACOUNT + caller] == count;
      @ assignable k.ab[Kernel.A_PEND .. Kernel.A_DONE_END], k.pr[Kernel.ACOUNT .. Kernel.ACOUNT_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree() && k.wfRunq();
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller] && 0 <= count && count <= Kernel.AK;
      @ ensures k.wfFree();
      @ assignable k.ab[Kernel.A_PEND .. Kernel.A_DONE_END], k.pr[Kernel.ACOUNT .. Kernel.ACOUNT_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfTicks();
      @ requires 0 <= caller && caller < Kernel.NP && 0 <= count && count <= Kernel.AK;
      @ ensures k.wfTicks();
      @ assignable k.ab[Kernel.A_PEND .. Kernel.A_DONE_END], k.pr[Kernel.ACOUNT .. Kernel.ACOUNT_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncSrc();
      @ requires 0 <= caller && caller < Kernel.NP && 0 <= count && count <= Kernel.AK;
      @ ensures k.wfAsyncSrc();
      @ assignable k.ab[Kernel.A_PEND .. Kernel.A_DONE_END], k.pr[Kernel.ACOUNT .. Kernel.ACOUNT_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncDst();
      @ requires 0 <= caller && caller < Kernel.NP && 0 <= count && count <= Kernel.AK;
      @ ensures k.wfAsyncDst();
      @ assignable k.ab[Kernel.A_PEND .. Kernel.A_DONE_END], k.pr[Kernel.ACOUNT .. Kernel.ACOUNT_END];
      @*/
    static void resetTable(Kernel k, int caller, int count) {
        int base = caller * Kernel.AK;
        /*@ loop_invariant 0 <= j && j <= Kernel.AK
          @   && 0 <= base && base + Kernel.AK <= Kernel.NA
          @   && (\forall int t; 0 <= t && t < j; !k.ab[Kernel.A_PEND + base + t])
          @   && (\forall int e; 0 <= e && e < Kernel.NA; k.ab[Kernel.A_PEND + e] ==> \old(k.ab[Kernel.A_PEND + e]));
          @ assignable k.ab[Kernel.A_PEND + base .. Kernel.A_PEND + base + Kernel.AK - 1],
          @   k.ab[Kernel.A_DONE + base .. Kernel.A_DONE + base + Kernel.AK - 1];
          @ decreases Kernel.AK - j;
          @*/
        for (int j = 0; j < Kernel.AK; j++) {
            //@ assert 0 <= base + j && base + j < Kernel.NA;
            k.ab[Kernel.A_PEND + base + j] = false;
            k.ab[Kernel.A_DONE + base + j] = false;
        }
        k.pr[Kernel.ACOUNT + caller] = count;
    }

    /** SENDA's own result: the caller goes on at once, with OK. */
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k) && 0 <= caller && caller < Kernel.NP;
      @ ensures \invariant_for(k) && k.ready[caller];
      @ assignable k.pr[Kernel.RESULT + caller], k.ready[caller], k.gotMsg[caller];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree() && k.wfRunq();
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller];
      @ ensures k.wfFree();
      @ assignable k.pr[Kernel.RESULT + caller], k.ready[caller], k.gotMsg[caller];
      @*/
    static void sendaDone(Kernel k, int caller) {
        Ipc.complete(k, caller, Abi.OK, false);
    }

    /**
     * startEntry for entries from .. count - 1 of the caller's table, in order. Recursion (at most
     * AK deep) instead of a loop, and one contract case that assumes every conjunct of
     * wellFormed() and ensures every one: its proof only composes contracts (startEntry's cases
     * and its own, by induction), with no conjunct unfolded, and every premise of every case it
     * applies holds, so none of them leaves a case split behind (proofs/README, "Composition").
     */
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
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller] && 0 <= from && from <= count && count <= Kernel.AK;
      @ ensures \invariant_for(k);
      @ ensures k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.runq[caller] == \old(k.runq[caller])
      @   && k.pr[Kernel.ACOUNT + caller] == \old(k.pr[Kernel.ACOUNT + caller]);
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.msg[*], k.clock,
      @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_DST .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ measured_by count - from;
      @*/
    static void startEntries(Kernel k, int caller, int from, int count) {
        if (from < count) {
            startEntry(k, caller, from);
            startEntries(k, caller, from + 1, count);
        }
    }

    /**
     * Validates entry i of the caller's table and delivers it now, leaves it pending, or fails it.
     * It writes the receiver's flags, result and message and the caller's entry, never the
     * caller's run-queue bit or table size. The footprint names those regions, so the conjuncts of
     * wellFormed() that read none of them (wfRange, wfTicks, wfSend, wfNote, wfPriv) carry over
     * by their dependency contracts; the others have a case each.
     */
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && 0 <= i && i < Kernel.AK;
      @ ensures \invariant_for(k);
      @ ensures \old(k.clock) <= k.clock;
      @ ensures k.runq[caller] == \old(k.runq[caller])
      @   && k.pr[Kernel.ACOUNT + caller] == \old(k.pr[Kernel.ACOUNT + caller]);
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.msg[*], k.clock,
      @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_DST .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller] && 0 <= i && i < Kernel.AK;
      @ ensures k.wfRunq();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.msg[*], k.clock,
      @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_DST .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree() && k.wfRunq();
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller] && 0 <= i && i < Kernel.AK;
      @ ensures k.wfFree();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.msg[*], k.clock,
      @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_DST .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller] && 0 <= i && i < Kernel.AK;
      @ ensures k.wfStamp();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.msg[*], k.clock,
      @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_DST .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRecv();
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller] && 0 <= i && i < Kernel.AK;
      @ ensures k.wfRecv();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.msg[*], k.clock,
      @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_DST .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncSrc() && k.wfRunq();
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller] && 0 <= i && i < Kernel.AK;
      @ ensures k.wfAsyncSrc();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.msg[*], k.clock,
      @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_DST .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncDst();
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller] && 0 <= i && i < Kernel.AK;
      @ ensures k.wfAsyncDst();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.msg[*], k.clock,
      @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_DST .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfReply();
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller] && 0 <= i && i < Kernel.AK;
      @ ensures k.wfReply();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.msg[*], k.clock,
      @   k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_DST .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @*/
    static void startEntry(Kernel k, int caller, int i) {
        //@ assert 0 <= caller * Kernel.AK + i && caller * Kernel.AK + i < Kernel.NA;
        int a = caller * Kernel.AK + i;
        if (!k.ab[Kernel.A_VALID + a]) {
            return;
        }
        int e = k.asy[Kernel.A_EP + a];
        // No live endpoint lies outside [0, MAX_GEN * EP_SCALE + NP), so slotOf would say -1 there
        // too; the range test also gives KeY the int range of the heap value passed to slotOf.
        int d = Abi.EDEADSRCDST;
        if (0 <= e && e < Kernel.MAX_GEN * Kernel.EP_SCALE + Kernel.NP) {
            d = Ipc.liveOther(k, caller, e);
        }
        int res;
        if (d < 0) {
            res = d;
        } else if (!Ipc.ipcAllowed(k, caller, d)) {
            res = Abi.ECALLDENIED;
        } else if (Ipc.waitsFor(k, d, caller)) {
            copyEntry(k, caller, i, d);
            Ipc.wake(k, d);
            res = Abi.OK;
        } else {
            // Entry a is the caller's: below p * AK + AK for no p < caller, and below p * AK for
            // every p > caller. (wfAsyncSrc's case needs this; KeY does not find it from the ranges.)
            //@ assert (\forall int p; 0 <= p && p < caller; p * Kernel.AK + Kernel.AK <= a);
            //@ assert (\forall int p; caller < p && p < Kernel.NP; a < p * Kernel.AK);
            k.asy[Kernel.A_DST + a] = d;
            k.ab[Kernel.A_PEND + a] = true;
            return;
        }
        k.asy[Kernel.A_RES + a] = res;
        k.ab[Kernel.A_DONE + a] = true;
    }

    /** Copies entry i of p's table into r's buffer with p's endpoint as the source. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.msg != null
      @   && k.msg.length == Kernel.NP * Kernel.MW && k.amsg != null && k.amsg.length == Kernel.NA * Kernel.MW
      @   && k.msg != k.amsg && k.pr != k.msg;
      @ requires 0 <= p && p < Kernel.NP && 0 <= i && i < Kernel.AK && 0 <= r && r < Kernel.NP;
      @ assignable k.msg[r * Kernel.MW .. r * Kernel.MW + Kernel.MW - 1];
      @*/
    static void copyEntry(Kernel k, int p, int i, int r) {
        //@ assert 0 <= p * Kernel.AK + i && p * Kernel.AK + i < Kernel.NA;
        int src = (p * Kernel.AK + i) * Kernel.MW;
        int rb = r * Kernel.MW;
        /*@ loop_invariant 0 <= w && w <= Kernel.MW
          @   && 0 <= rb && rb + Kernel.MW <= Kernel.NP * Kernel.MW && 0 <= src
          @   && src + Kernel.MW <= Kernel.NA * Kernel.MW
          @   && (\forall int j; 0 <= j && j < w; k.msg[rb + j] == k.amsg[src + j]);
          @ assignable k.msg[rb .. rb + Kernel.MW - 1];
          @ decreases Kernel.MW - w;
          @*/
        for (int w = 0; w < Kernel.MW; w++) {
            //@ assert 0 <= rb + w && rb + w < Kernel.NP * Kernel.MW && 0 <= src + w && src + w < Kernel.NA * Kernel.MW;
            k.msg[rb + w] = k.amsg[src + w];
        }
        k.msg[rb] = Kernel.ep(k.pr[Kernel.GEN + p], p);
    }

    /**
     * Receive side: if a pending SENDA entry to r from s (ANY = -1) exists, delivers the
     * lowest (sender, index) one into r's buffer, marks it done and returns true.
     */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.msg != null
      @   && k.msg.length == Kernel.NP * Kernel.MW && k.amsg != null && k.amsg.length == Kernel.NA * Kernel.MW
      @   && k.msg != k.amsg && k.pr != k.msg && k.ab != null && k.ab.length == 3 * Kernel.NA
      @   && k.asy != null && k.asy.length == 3 * Kernel.NA && k.asy != k.pr && k.asy != k.msg
      @   && k.asy != k.amsg;
      @ requires 0 <= r && r < Kernel.NP && -1 <= s && s < Kernel.NP;
      @ ensures (\forall int e; 0 <= e && e < Kernel.NA; k.ab[Kernel.A_PEND + e] ==> \old(k.ab[Kernel.A_PEND + e]));
      @ assignable k.msg[r * Kernel.MW .. r * Kernel.MW + Kernel.MW - 1], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END], k.lastAsyncSender, k.lastAsyncIndex;
      @*/
    static boolean takePending(Kernel k, int r, int s) {
        int p = senderWithPending(k, r, s);
        if (p < 0) {
            return false;
        }
        int i = pendingIndex(k, p, r);
        if (i < 0) {
            return false;
        }
        //@ assert 0 <= p * Kernel.AK + i && p * Kernel.AK + i < Kernel.NA;
        int a = p * Kernel.AK + i;
        copyEntry(k, p, i, r);
        k.ab[Kernel.A_PEND + a] = false;
        k.ab[Kernel.A_DONE + a] = true;
        k.asy[Kernel.A_RES + a] = Abi.OK;
        k.lastAsyncSender = p;
        k.lastAsyncIndex = i;
        return true;
    }

    /**
     * Lowest sender slot matching s with a pending entry for r, or -1. A sender whose table is
     * empty (ACOUNT 0) is skipped without looking at its entries: senda clears every entry
     * before it sets ACOUNT, marks pending only entries below ACOUNT, and exit clears the table
     * before it zeroes ACOUNT, so such a sender has nothing pending. (The MBT and the property
     * tests compare this against the model; it keeps RECEIVE from ANY from reading 512 flags.)
     */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.ab != null
      @   && k.ab.length == 3 * Kernel.NA && k.asy != null && k.asy.length == 3 * Kernel.NA;
      @ ensures -1 <= \result && \result < Kernel.NP;
      @ assignable \strictly_nothing;
      @*/
    static int senderWithPending(Kernel k, int r, int s) {
        /*@ loop_invariant 0 <= p && p <= Kernel.NP;
          @ assignable \strictly_nothing;
          @ decreases Kernel.NP - p;
          @*/
        for (int p = 0; p < Kernel.NP; p++) {
            if ((s == -1 || p == s) && k.pr[Kernel.ACOUNT + p] != 0 && pendingIndex(k, p, r) >= 0) {
                return p;
            }
        }
        return -1;
    }

    /** Lowest index of a pending entry of p's table addressed to r, or -1. */
    /*@ public normal_behavior
      @ requires k != null && k.ab != null && k.ab.length == 3 * Kernel.NA && k.asy != null
      @   && k.asy.length == 3 * Kernel.NA && 0 <= p && p < Kernel.NP;
      @ ensures -1 <= \result && \result < Kernel.AK;
      @ assignable \strictly_nothing;
      @*/
    static int pendingIndex(Kernel k, int p, int r) {
        /*@ loop_invariant 0 <= i && i <= Kernel.AK;
          @ assignable \strictly_nothing;
          @ decreases Kernel.AK - i;
          @*/
        for (int i = 0; i < Kernel.AK; i++) {
            //@ assert 0 <= p * Kernel.AK + i && p * Kernel.AK + i < Kernel.NA;
            if (k.ab[Kernel.A_PEND + p * Kernel.AK + i] && k.asy[Kernel.A_DST + p * Kernel.AK + i] == r) {
                return i;
            }
        }
        return -1;
    }

    /** p died: its entries still pending for p fail with EDEADSRCDST (senders learn it). */
    /*@ normal_behavior
      @ requires k != null && k.ab != null && k.ab.length == 3 * Kernel.NA && k.asy != null
      @   && k.asy.length == 3 * Kernel.NA;
      @ requires 0 <= p && p < Kernel.NP;
      @ ensures (\forall int t; 0 <= t && t < Kernel.NA;
      @   k.ab[Kernel.A_PEND + t] == (\old(k.ab[Kernel.A_PEND + t]) && k.asy[Kernel.A_DST + t] != p));
      @ assignable k.ab[Kernel.A_PEND .. Kernel.A_PEND_END],
      @   k.ab[Kernel.A_DONE .. Kernel.A_DONE_END], k.asy[Kernel.A_RES .. Kernel.A_RES_END];
      @*/
    static void dropTo(Kernel k, int p) {
        /*@ loop_invariant 0 <= a && a <= Kernel.NA
          @   && (\forall int t; 0 <= t && t < a;
          @        k.ab[Kernel.A_PEND + t] == (\old(k.ab[Kernel.A_PEND + t]) && k.asy[Kernel.A_DST + t] != p))
          @   && (\forall int t; a <= t && t < Kernel.NA; k.ab[Kernel.A_PEND + t] == \old(k.ab[Kernel.A_PEND + t]));
          @ assignable k.ab[Kernel.A_PEND .. Kernel.A_PEND_END],
          @   k.ab[Kernel.A_DONE .. Kernel.A_DONE_END], k.asy[Kernel.A_RES .. Kernel.A_RES_END];
          @ decreases Kernel.NA - a;
          @*/
        for (int a = 0; a < Kernel.NA; a++) {
            if (k.ab[Kernel.A_PEND + a] && k.asy[Kernel.A_DST + a] == p) {
                k.ab[Kernel.A_PEND + a] = false;
                k.ab[Kernel.A_DONE + a] = true;
                k.asy[Kernel.A_RES + a] = Abi.EDEADSRCDST;
            }
        }
    }

    /** p died: its own table is gone. */
    /*@ normal_behavior
      @ requires k != null && k.ab != null && k.ab.length == 3 * Kernel.NA && 0 <= p && p < Kernel.NP;
      @ ensures (\forall int e; p * Kernel.AK <= e && e < p * Kernel.AK + Kernel.AK;
      @   !k.ab[Kernel.A_PEND + e] && !k.ab[Kernel.A_VALID + e]);
      @ assignable k.ab[Kernel.A_PEND + p * Kernel.AK .. Kernel.A_PEND + p * Kernel.AK + Kernel.AK - 1],
      @   k.ab[Kernel.A_VALID + p * Kernel.AK .. Kernel.A_VALID + p * Kernel.AK + Kernel.AK - 1];
      @*/
    static void dropFrom(Kernel k, int p) {
        int base = p * Kernel.AK;
        /*@ loop_invariant 0 <= i && i <= Kernel.AK && 0 <= base && base + Kernel.AK <= Kernel.NA && base == p * Kernel.AK
          @   && (\forall int e; base <= e && e < base + i; !k.ab[Kernel.A_PEND + e] && !k.ab[Kernel.A_VALID + e]);
          @ assignable k.ab[Kernel.A_PEND + base .. Kernel.A_PEND + base + Kernel.AK - 1],
          @   k.ab[Kernel.A_VALID + base .. Kernel.A_VALID + base + Kernel.AK - 1];
          @ decreases Kernel.AK - i;
          @*/
        for (int i = 0; i < Kernel.AK; i++) {
            //@ assert 0 <= base + i && base + i < Kernel.NA;
            k.ab[Kernel.A_PEND + base + i] = false;
            k.ab[Kernel.A_VALID + base + i] = false;
        }
    }
}
