package dev.noreset.kernel.core;

/**
 * MINIX-style memory grants. Each process has NR_GRANTS entries (the glue copies them from
 * the process's grant table on SYS_SETGRANT); a grant id is seq * NR_GRANTS + index, so a
 * reused entry (new seq) invalidates old ids. resolve() validates a safecopy completely (every
 * link of an indirect chain, rights, bounds without overflow, liveness by endpoint) before
 * the glue moves a single byte, and names the granter and the address range it resolved to.
 */
public final class Grants {
    /** Largest sequence number, so that seq * NR_GRANTS + index stays a positive int. */
    static final int MAX_SEQ = (Integer.MAX_VALUE - Abi.NR_GRANTS) / Abi.NR_GRANTS;

    private Grants() { }

    // Preservation of wellFormed() is one frame case: setDirect writes no conjunct's footprint (see
    // Sched.tick).
    /*@ public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + owner] && k.pr[Kernel.PRIV + owner] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= owner && owner < Kernel.NP && k.used[owner] && 0 <= index && index < Abi.NR_GRANTS;
      @ requires 1 <= seq && seq <= MAX_SEQ && 0 <= addr && 0 <= size && size <= Integer.MAX_VALUE - addr;
      @ requires k.pv[Kernel.PV_GRANT + k.pr[Kernel.PRIV + owner]];
      @ ensures \result == Abi.OK && \invariant_for(k);
      @ ensures k.gb[Kernel.G_USED + owner * Abi.NR_GRANTS + index]
      @   && !k.gb[Kernel.G_IND + owner * Abi.NR_GRANTS + index];
      @ ensures k.gr[Kernel.G_SEQ + owner * Abi.NR_GRANTS + index] == seq;
      @ ensures k.gr[Kernel.G_ADDR + owner * Abi.NR_GRANTS + index] == addr
      @   && k.gr[Kernel.G_SIZE + owner * Abi.NR_GRANTS + index] == size;
      @ assignable k.gb[Kernel.G_USED + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_READ + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_WRITE + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_IND + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_SEQ + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_GRANTEE + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_ADDR + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_SIZE + owner * Abi.NR_GRANTS + index];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires owner < 0 || owner >= Kernel.NP || !k.used[owner] || index < 0 || index >= Abi.NR_GRANTS
      @   || seq < 1 || seq > MAX_SEQ || addr < 0 || size < 0 || size > Integer.MAX_VALUE - addr;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + owner] && k.pr[Kernel.PRIV + owner] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= owner && owner < Kernel.NP && k.used[owner] && 0 <= index && index < Abi.NR_GRANTS
      @   && 1 <= seq && seq <= MAX_SEQ && 0 <= addr && 0 <= size && size <= Integer.MAX_VALUE - addr;
      @ requires !k.pv[Kernel.PV_GRANT + k.pr[Kernel.PRIV + owner]];
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
      @ requires k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.gb[Kernel.G_USED + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_READ + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_WRITE + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_IND + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_SEQ + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_GRANTEE + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_ADDR + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_SIZE + owner * Abi.NR_GRANTS + index];
      @*/
    public static int setDirect(Kernel k, int owner, int index, int seq, boolean read, boolean write,
            int granteeEp, int addr, int size) {
        if (!validEntry(k, owner, index, seq) || addr < 0 || size < 0 || size > Integer.MAX_VALUE - addr) {
            return Abi.EINVAL;
        }
        if (!grantsAllowed(k, owner)) {
            return Abi.EPERM;
        }
        //@ assert 0 <= owner * Abi.NR_GRANTS + index && owner * Abi.NR_GRANTS + index < Kernel.NG;
        int g = owner * Abi.NR_GRANTS + index;
        k.gb[Kernel.G_USED + g] = true;
        k.gb[Kernel.G_READ + g] = read;
        k.gb[Kernel.G_WRITE + g] = write;
        k.gb[Kernel.G_IND + g] = false;
        k.gr[Kernel.G_SEQ + g] = seq;
        k.gr[Kernel.G_GRANTEE + g] = granteeEp;
        k.gr[Kernel.G_ADDR + g] = addr;
        k.gr[Kernel.G_SIZE + g] = size;
        return Abi.OK;
    }

    // Preservation of wellFormed() is one frame case, as for setDirect.
    /*@ public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + owner] && k.pr[Kernel.PRIV + owner] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= owner && owner < Kernel.NP && k.used[owner] && 0 <= index && index < Abi.NR_GRANTS;
      @ requires 1 <= seq && seq <= MAX_SEQ && k.pv[Kernel.PV_GRANT + k.pr[Kernel.PRIV + owner]];
      @ ensures \result == Abi.OK && \invariant_for(k);
      @ ensures k.gb[Kernel.G_USED + owner * Abi.NR_GRANTS + index]
      @   && k.gb[Kernel.G_IND + owner * Abi.NR_GRANTS + index];
      @ ensures k.gr[Kernel.G_FROM + owner * Abi.NR_GRANTS + index] == fromEp
      @   && k.gr[Kernel.G_FROMID + owner * Abi.NR_GRANTS + index] == fromId;
      @ assignable k.gb[Kernel.G_USED + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_READ + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_WRITE + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_IND + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_SEQ + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_GRANTEE + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_FROM + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_FROMID + owner * Abi.NR_GRANTS + index];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires owner < 0 || owner >= Kernel.NP || !k.used[owner] || index < 0 || index >= Abi.NR_GRANTS
      @   || seq < 1 || seq > MAX_SEQ;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + owner] && k.pr[Kernel.PRIV + owner] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= owner && owner < Kernel.NP && k.used[owner] && 0 <= index && index < Abi.NR_GRANTS
      @   && 1 <= seq && seq <= MAX_SEQ && !k.pv[Kernel.PV_GRANT + k.pr[Kernel.PRIV + owner]];
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
      @ requires k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.gb[Kernel.G_USED + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_READ + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_WRITE + owner * Abi.NR_GRANTS + index],
      @   k.gb[Kernel.G_IND + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_SEQ + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_GRANTEE + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_FROM + owner * Abi.NR_GRANTS + index],
      @   k.gr[Kernel.G_FROMID + owner * Abi.NR_GRANTS + index];
      @*/
    public static int setIndirect(Kernel k, int owner, int index, int seq, boolean read, boolean write,
            int granteeEp, int fromEp, int fromId) {
        if (!validEntry(k, owner, index, seq)) {
            return Abi.EINVAL;
        }
        if (!grantsAllowed(k, owner)) {
            return Abi.EPERM;
        }
        //@ assert 0 <= owner * Abi.NR_GRANTS + index && owner * Abi.NR_GRANTS + index < Kernel.NG;
        int g = owner * Abi.NR_GRANTS + index;
        k.gb[Kernel.G_USED + g] = true;
        k.gb[Kernel.G_READ + g] = read;
        k.gb[Kernel.G_WRITE + g] = write;
        k.gb[Kernel.G_IND + g] = true;
        k.gr[Kernel.G_SEQ + g] = seq;
        k.gr[Kernel.G_GRANTEE + g] = granteeEp;
        k.gr[Kernel.G_FROM + g] = fromEp;
        k.gr[Kernel.G_FROMID + g] = fromId;
        return Abi.OK;
    }

    // The guards below are queries with contracts: a caller's proof takes one branch per guard
    // instead of one per comparison (proofs/README, "How the proofs are shaped").
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.pv != null
      @   && k.pv.length == Kernel.PVB_SIZE && 0 <= p && p < Kernel.NP;
      @ ensures \result == (0 <= k.pr[Kernel.PRIV + p] && k.pr[Kernel.PRIV + p] < Kernel.NPRIV
      @   && k.pv[Kernel.PV_GRANT + k.pr[Kernel.PRIV + p]]);
      @ assignable \strictly_nothing;
      @*/
    static boolean grantsAllowed(Kernel k, int p) {
        int v = k.pr[Kernel.PRIV + p];
        return 0 <= v && v < Kernel.NPRIV && k.pv[Kernel.PV_GRANT + v];
    }

    /*@ public normal_behavior
      @ requires k != null && k.used != null && k.used.length == Kernel.NP && k.sending != null
      @   && k.sending.length == Kernel.NP && k.receiving != null && k.receiving.length == Kernel.NP
      @   && k.stopped != null && k.stopped.length == Kernel.NP && k.runq != null
      @   && k.runq.length == Kernel.NP && k.reply != null && k.reply.length == Kernel.NP && k.ready != null
      @   && k.ready.length == Kernel.NP && k.gotMsg != null && k.gotMsg.length == Kernel.NP;
      @ ensures \result == (0 <= owner && owner < Kernel.NP && k.used[owner] && 0 <= index
      @   && index < Abi.NR_GRANTS && 1 <= seq && seq <= MAX_SEQ);
      @ assignable \strictly_nothing;
      @*/
    static boolean validEntry(Kernel k, int owner, int index, int seq) {
        return 0 <= owner && owner < Kernel.NP && k.used[owner] && 0 <= index
                && index < Abi.NR_GRANTS && 1 <= seq && seq <= MAX_SEQ;
    }

    // Preservation of wellFormed() is one frame case (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= owner && owner < Kernel.NP && 0 <= index && index < Abi.NR_GRANTS;
      @ ensures \result == Abi.OK && \invariant_for(k)
      @   && !k.gb[Kernel.G_USED + owner * Abi.NR_GRANTS + index];
      @ assignable k.gb[Kernel.G_USED + owner * Abi.NR_GRANTS + index];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires owner < 0 || owner >= Kernel.NP || index < 0 || index >= Abi.NR_GRANTS;
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
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.gb[Kernel.G_USED + owner * Abi.NR_GRANTS + index];
      @*/
    public static int revoke(Kernel k, int owner, int index) {
        if (owner < 0 || owner >= Kernel.NP || index < 0 || index >= Abi.NR_GRANTS) {
            return Abi.EINVAL;
        }
        //@ assert 0 <= owner * Abi.NR_GRANTS + index && owner * Abi.NR_GRANTS + index < Kernel.NG;
        k.gb[Kernel.G_USED + owner * Abi.NR_GRANTS + index] = false;
        return Abi.OK;
    }

    /** Dead owner: all its grants go. */
    static void dropAll(Kernel k, int owner) {
        int base = owner * Abi.NR_GRANTS;
        /*@ loop_invariant 0 <= i && i <= Abi.NR_GRANTS && 0 <= base && base + Abi.NR_GRANTS <= Kernel.NG
          @   && (\forall int t; 0 <= t && t < i; !k.gb[Kernel.G_USED + base + t]);
          @ assignable k.gb[Kernel.G_USED + base .. Kernel.G_USED + base + Abi.NR_GRANTS - 1];
          @ decreases Abi.NR_GRANTS - i;
          @*/
        for (int i = 0; i < Abi.NR_GRANTS; i++) {
            //@ assert 0 <= base + i && base + i < Kernel.NG;
            k.gb[Kernel.G_USED + base + i] = false;
        }
    }

    /**
     * Resolves a grant for caller (direct or through indirect grants, at most GRANT_DEPTH_MAX
     * levels): on OK the granter's slot and the address in k.resolvedGranter, k.resolvedAddr.
     * Preservation of wellFormed() is one frame case (see Sched.tick).
     */
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ ensures \invariant_for(k);
      @ ensures \result == Abi.OK || \result == Abi.EPERM || \result == Abi.EINVAL || \result == Abi.EDEADSRCDST;
      @ ensures \result == Abi.OK ==> 0 <= k.resolvedGranter && k.resolvedGranter < Kernel.NP
      @   && k.used[k.resolvedGranter] && 0 <= k.resolvedAddr
      @   && bytes <= Integer.MAX_VALUE - k.resolvedAddr;
      @ ensures \result != Abi.OK ==> k.resolvedGranter == -1 && k.resolvedAddr == 0;
      @ assignable k.resolvedGranter, k.resolvedAddr;
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
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.resolvedGranter, k.resolvedAddr;
      @*/
    public static int resolve(Kernel k, int caller, int granterEp, int grantId, int offset, int bytes, boolean write) {
        return walkChain(k, caller, granterEp, grantId, offset, bytes, write);
    }

    /**
     * One step of the chain: the entry of g's table that grant id names, when it is in use, its
     * sequence number matches, it is granted to the requester's current endpoint and it allows
     * the access; else -1. A method of its own so that walkChain's proof applies this contract
     * once per iteration instead of splitting on each test (and on the division) in every path.
     */
    /*@ normal_behavior
      @ requires k.gb != null && k.gb.length == 4 * Kernel.NG && k.gr != null && k.gr.length == 6 * Kernel.NG;
      @ requires k.pr != null && k.pr.length == Kernel.PR_SIZE;
      @ requires 0 <= g && g < Kernel.NP && 0 <= id && 0 <= requester && requester < Kernel.NP;
      @ ensures \result == -1 || 0 <= \result && \result < Kernel.NG && k.gb[Kernel.G_USED + \result]
      @   && (write ==> k.gb[Kernel.G_WRITE + \result]) && (!write ==> k.gb[Kernel.G_READ + \result]);
      @ assignable \nothing;
      @*/
    static /*@ helper @*/ int matchEntry(Kernel k, int g, int id, int requester, boolean write) {
        //@ assert 0 <= id % Abi.NR_GRANTS && id % Abi.NR_GRANTS < Abi.NR_GRANTS;
        //@ assert 0 <= g * Abi.NR_GRANTS + id % Abi.NR_GRANTS && g * Abi.NR_GRANTS + id % Abi.NR_GRANTS < Kernel.NG;
        int e = g * Abi.NR_GRANTS + id % Abi.NR_GRANTS;
        if (!k.gb[Kernel.G_USED + e] || k.gr[Kernel.G_SEQ + e] != id / Abi.NR_GRANTS
                || k.gr[Kernel.G_GRANTEE + e] != Kernel.ep(k.pr[Kernel.GEN + requester], requester)
                || (write ? !k.gb[Kernel.G_WRITE + e] : !k.gb[Kernel.G_READ + e])) {
            return -1;
        }
        return e;
    }

    /**
     * The work of resolve: follows the grant chain, then records the result in k.resolvedGranter
     * and k.resolvedAddr. A method of its own so that resolve's preservation case applies this
     * contract instead of re-running the loop.
     */
    /*@ normal_behavior
      @ requires k != null && \invariant_for(k);
      @ ensures \invariant_for(k);
      @ ensures \result == Abi.OK || \result == Abi.EPERM || \result == Abi.EINVAL || \result == Abi.EDEADSRCDST;
      @ ensures \result == Abi.OK ==> 0 <= k.resolvedGranter && k.resolvedGranter < Kernel.NP
      @   && k.used[k.resolvedGranter] && 0 <= k.resolvedAddr
      @   && bytes <= Integer.MAX_VALUE - k.resolvedAddr;
      @ ensures \result != Abi.OK ==> k.resolvedGranter == -1 && k.resolvedAddr == 0;
      @ assignable k.resolvedGranter, k.resolvedAddr;
      @*/
    static int walkChain(Kernel k, int caller, int granterEp, int grantId, int offset, int bytes, boolean write) {
        if (caller < 0 || caller >= Kernel.NP || !k.used[caller]
                || !grantsAllowed(k, caller)) {
            k.resolvedGranter = -1;
            k.resolvedAddr = 0;
            return Abi.EPERM;
        }
        if (offset < 0 || bytes < 0 || grantId < 0) {
            k.resolvedGranter = -1;
            k.resolvedAddr = 0;
            return Abi.EINVAL;
        }
        int requester = caller;
        int ep = granterEp;
        int id = grantId;
        int result = Abi.EPERM;
        int outGranter = -1;
        int outAddr = 0;
        boolean searching = true;
        // assignable \nothing, not \strictly_nothing: the call to slotOf (assignable \nothing)
        // may in principle allocate, which \strictly_nothing would forbid.
        /*@ loop_invariant 0 <= depth && depth <= Abi.GRANT_DEPTH_MAX && 0 <= requester && requester < Kernel.NP
          @   && k.used[requester]
          @   && (searching ==> (result == Abi.EPERM && outGranter == -1 && outAddr == 0 && id >= 0))
          @   && (result == Abi.OK ==> (0 <= outGranter && outGranter < Kernel.NP && k.used[outGranter]
          @        && 0 <= outAddr && bytes <= Integer.MAX_VALUE - outAddr))
          @   && (result != Abi.OK ==> (outGranter == -1 && outAddr == 0))
          @   && (result == Abi.OK || result == Abi.EPERM || result == Abi.EINVAL || result == Abi.EDEADSRCDST);
          @ assignable \nothing;
          @ decreases Abi.GRANT_DEPTH_MAX - depth;
          @*/
        for (int depth = 0; depth < Abi.GRANT_DEPTH_MAX && searching; depth++) {
            int g = k.slotOf(ep);
            if (g < 0) {
                result = Abi.EDEADSRCDST;
                searching = false;
            } else {
                int e = matchEntry(k, g, id, requester, write);
                if (e < 0) {
                    searching = false;
                } else if (!k.gb[Kernel.G_IND + e]) {
                    int size = k.gr[Kernel.G_SIZE + e];
                    int addr = k.gr[Kernel.G_ADDR + e];
                    // OK iff offset + bytes <= size and addr + offset + bytes <= MAX_VALUE. The
                    // prover knows no int range for values read from the heap (size, addr), so
                    // they are only compared; all arithmetic is on the parameters until addr is
                    // bounded, and each sum of two variables has its bounds asserted first.
                    result = Abi.EINVAL;
                    if (offset <= size && bytes <= Integer.MAX_VALUE - offset) {
                        //@ assert 0 <= offset + bytes && offset + bytes <= Integer.MAX_VALUE;
                        if (offset + bytes <= size && addr >= 0) {
                            //@ assert 0 <= Integer.MAX_VALUE - offset - bytes && Integer.MAX_VALUE - offset - bytes <= Integer.MAX_VALUE;
                            if (addr <= Integer.MAX_VALUE - offset - bytes) {
                                //@ assert 0 <= addr + offset && addr + offset <= Integer.MAX_VALUE;
                                result = Abi.OK;
                                outGranter = g;
                                outAddr = addr + offset;
                            }
                        }
                    }
                    searching = false;
                } else {
                    // Indirect: g passes on a grant it holds, so g is the requester one level down.
                    requester = g;
                    ep = k.gr[Kernel.G_FROM + e];
                    id = k.gr[Kernel.G_FROMID + e];
                    if (id < 0) {
                        searching = false;
                    }
                }
            }
        }
        k.resolvedGranter = outGranter;
        k.resolvedAddr = outAddr;
        return result;
    }
}
