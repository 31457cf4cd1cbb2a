package dev.noreset.kernel.core;

/**
 * Message passing with MINIX 3 semantics: SEND, RECEIVE, SENDREC, NOTIFY, SENDNB, and the
 * deadlock check. (SENDA lives in Async.) Every entry point checks, in this order, the
 * caller, the operation against the caller's trap mask, the peer endpoint, the IPC target
 * mask and deadlock, and only then changes state. TLA+: Ipc.tla Send / Receive / Notify.
 */
public final class Ipc {
    private Ipc() { }

    /** The caller is a live process that is running (so not blocked). */
    /*@ public normal_behavior
      @ requires k != null && k.used != null && k.used.length == Kernel.NP && k.sending != null
      @   && k.sending.length == Kernel.NP && k.receiving != null && k.receiving.length == Kernel.NP
      @   && k.stopped != null && k.stopped.length == Kernel.NP && k.runq != null
      @   && k.runq.length == Kernel.NP && k.reply != null && k.reply.length == Kernel.NP && k.ready != null
      @   && k.ready.length == Kernel.NP && k.gotMsg != null && k.gotMsg.length == Kernel.NP;
      @ ensures \result == (0 <= caller && caller < Kernel.NP && k.runq[caller]);
      @ assignable \strictly_nothing;
      @*/
    static boolean validCaller(Kernel k, int caller) {
        return 0 <= caller && caller < Kernel.NP && k.runq[caller];
    }

    /** A privilege index outside the table (ruled out by wellFormed) allows nothing. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.pv != null
      @   && k.pv.length == Kernel.PVB_SIZE && 0 <= caller && caller < Kernel.NP && 0 <= op
      @   && op < Kernel.NTRAP;
      @ ensures \result == (0 <= k.pr[Kernel.PRIV + caller] && k.pr[Kernel.PRIV + caller] < Kernel.NPRIV
      @   && k.pv[Kernel.PV_TRAP + k.pr[Kernel.PRIV + caller] * Kernel.NTRAP + op]);
      @ assignable \strictly_nothing;
      @*/
    static boolean trapAllowed(Kernel k, int caller, int op) {
        int v = k.pr[Kernel.PRIV + caller];
        if (v < 0 || v >= Kernel.NPRIV) {
            return false;
        }
        //@ assert 0 <= v * Kernel.NTRAP + op && v * Kernel.NTRAP + op < Kernel.NPRIV * Kernel.NTRAP;
        return k.pv[Kernel.PV_TRAP + v * Kernel.NTRAP + op];
    }

    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.pv != null
      @   && k.pv.length == Kernel.PVB_SIZE && 0 <= caller && caller < Kernel.NP && 0 <= dst
      @   && dst < Kernel.NP;
      @ ensures \result == (0 <= k.pr[Kernel.PRIV + caller] && k.pr[Kernel.PRIV + caller] < Kernel.NPRIV
      @   && k.pv[Kernel.PV_IPC + k.pr[Kernel.PRIV + caller] * Kernel.NP + dst]);
      @ assignable \strictly_nothing;
      @*/
    static boolean ipcAllowed(Kernel k, int caller, int dst) {
        int v = k.pr[Kernel.PRIV + caller];
        if (v < 0 || v >= Kernel.NPRIV) {
            return false;
        }
        //@ assert 0 <= v * Kernel.NP + dst && v * Kernel.NP + dst < Kernel.NPRIV * Kernel.NP;
        return k.pv[Kernel.PV_IPC + v * Kernel.NP + dst];
    }

    // The small helpers below (complete, copyMsg, notifyMsg, sourceEndpoint; Sched.requeue) carry
    // contracts that need only the shape facts they touch, not \invariant_for(k), so a caller's
    // proof applies the contract in one step instead of running the body on every path: Procs.spawn's
    // functional proof went from 11,132 to 6,070 nodes (proofs/README, "How the proofs are shaped").
    /** Ends p's pending IPC with a result for the glue to hand to p. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && 0 <= p && p < Kernel.NP;
      @ requires k.used != k.ready && k.used != k.gotMsg && k.sending != k.ready && k.sending != k.gotMsg
      @   && k.receiving != k.ready && k.receiving != k.gotMsg && k.stopped != k.ready
      @   && k.stopped != k.gotMsg && k.runq != k.ready && k.runq != k.gotMsg && k.reply != k.ready
      @   && k.reply != k.gotMsg && k.ready != k.gotMsg;
      @ ensures k.pr[Kernel.RESULT + p] == result && k.ready[p]
      @   && k.gotMsg[p] == gotMsg;
      @ assignable k.pr[Kernel.RESULT + p], k.ready[p], k.gotMsg[p];
      @*/
    static void complete(Kernel k, int p, int result, boolean gotMsg) {
        k.pr[Kernel.RESULT + p] = result;
        k.ready[p] = true;
        k.gotMsg[p] = gotMsg;
    }

    /**
     * Receiver r is blocked in a receive that a message from s would satisfy. A SENDREC whose
     * send is still queued is not receiving yet (MINIX WILLRECEIVE).
     */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && 0 <= r && r < Kernel.NP;
      @ ensures \result == (k.receiving[r] && !k.sending[r]
      @   && (k.pr[Kernel.RECVFROM + r] == -1 || k.pr[Kernel.RECVFROM + r] == s));
      @ assignable \strictly_nothing;
      @*/
    static boolean waitsFor(Kernel k, int r, int s) {
        return k.receiving[r] && !k.sending[r]
                && (k.pr[Kernel.RECVFROM + r] == -1 || k.pr[Kernel.RECVFROM + r] == s);
    }

    /** Copies s's message buffer into r's and stamps the source endpoint (r != s). */
    /*@ public normal_behavior
      @ requires k != null && k.msg != null && k.msg.length == Kernel.NP * Kernel.MW && k.pr != null
      @   && k.pr.length == Kernel.PR_SIZE && k.pr != k.msg && 0 <= s && s < Kernel.NP && 0 <= r
      @   && r < Kernel.NP && r != s;
      @ ensures (\forall int i; r * Kernel.MW < i && i < r * Kernel.MW + Kernel.MW;
      @   k.msg[i] == \old(k.msg[i - r * Kernel.MW + s * Kernel.MW]));
      @ ensures 0 <= k.pr[Kernel.GEN + s] && k.pr[Kernel.GEN + s] <= Kernel.MAX_GEN
      @   ==> k.msg[r * Kernel.MW] == k.pr[Kernel.GEN + s] * Kernel.EP_SCALE + s;
      @ assignable k.msg[r * Kernel.MW .. r * Kernel.MW + Kernel.MW - 1];
      @*/
    static void copyMsg(Kernel k, int s, int r) {
        int rb = r * Kernel.MW;
        int sb = s * Kernel.MW;
        /*@ loop_invariant 0 <= w && w <= Kernel.MW
          @   && 0 <= rb && rb + Kernel.MW <= Kernel.NP * Kernel.MW && 0 <= sb
          @   && sb + Kernel.MW <= Kernel.NP * Kernel.MW
          @   && (\forall int i; rb <= i && i < rb + w; k.msg[i] == \old(k.msg[i - rb + sb]));
          @ assignable k.msg[rb .. rb + Kernel.MW - 1];
          @ decreases Kernel.MW - w;
          @*/
        for (int w = 0; w < Kernel.MW; w++) {
            //@ assert 0 <= rb + w && rb + w < Kernel.NP * Kernel.MW && 0 <= sb + w && sb + w < Kernel.NP * Kernel.MW;
            k.msg[rb + w] = k.msg[sb + w];
        }
        k.msg[rb] = Kernel.ep(k.pr[Kernel.GEN + s], s);
    }

    /** Writes a notification message from source endpoint src into r's buffer. */
    /*@ public normal_behavior
      @ requires k != null && k.msg != null && k.msg.length == Kernel.NP * Kernel.MW && 0 <= r
      @   && r < Kernel.NP;
      @ ensures k.msg[r * Kernel.MW] == src && k.msg[r * Kernel.MW + 1] == Abi.NOTIFY_MESSAGE;
      @ assignable k.msg[r * Kernel.MW .. r * Kernel.MW + Kernel.MW - 1];
      @*/
    static void notifyMsg(Kernel k, int r, int src) {
        int rb = r * Kernel.MW;
        /*@ loop_invariant 2 <= w && w <= Kernel.MW && 0 <= rb && rb + Kernel.MW <= Kernel.NP * Kernel.MW;
          @ assignable k.msg[rb + 2 .. rb + Kernel.MW - 1];
          @ decreases Kernel.MW - w;
          @*/
        for (int w = 2; w < Kernel.MW; w++) {
            //@ assert 0 <= rb + w && rb + w < Kernel.NP * Kernel.MW;
            k.msg[rb + w] = 0;
        }
        k.msg[rb] = src;
        k.msg[rb + 1] = Abi.NOTIFY_MESSAGE;
    }

    /**
     * Would blocking c on d close a cycle? Follows the chain of blocked processes (a sender
     * to its target, a receiver to its one source) from d; a chain longer than the table is
     * refused too, which is conservative (the check never lets a cycle form).
     */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && 0 <= d && d < Kernel.NP;
      @ assignable \strictly_nothing;
      @*/
    static boolean deadlock(Kernel k, int c, int d) {
        int x = d;
        /*@ loop_invariant 0 <= n && n <= Kernel.NP && 0 <= x && x < Kernel.NP;
          @ loop_invariant n == 0 && x == d || k.sending[d]
          @   || k.receiving[d] && k.pr[Kernel.RECVFROM + d] >= 0;
          @ assignable \strictly_nothing;
          @ decreases Kernel.NP - n;
          @*/
        for (int n = 0; n < Kernel.NP; n++) {
            int next;
            if (k.sending[x]) {
                next = k.pr[Kernel.SENDTO + x];
            } else if (k.receiving[x] && k.pr[Kernel.RECVFROM + x] >= 0) {
                next = k.pr[Kernel.RECVFROM + x];
            } else {
                return false;
            }
            if (next == c) {
                return true;
            }
            if (next < 0 || next >= Kernel.NP) {
                // Only in states wellFormed rules out: a chain that leaves the table ends.
                return false;
            }
            x = next;
        }
        return true;
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
      @ requires !k.pv[Kernel.PV_TRAP + k.pr[Kernel.PRIV + caller] * Kernel.NTRAP + Abi.SEND];
      @ ensures \result == Abi.ETRAPDENIED;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + caller] && k.pr[Kernel.PRIV + caller] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller];
      @ requires k.pv[Kernel.PV_TRAP + k.pr[Kernel.PRIV + caller] * Kernel.NTRAP + Abi.SEND];
      @ ensures \invariant_for(k);
      @ ensures \result == Abi.OK || \result == Abi.EDEADSRCDST || \result == Abi.EINVAL
      @   || \result == Abi.ECALLDENIED || \result == Abi.ELOCKED;
      @ ensures \result == Abi.OK ==> k.ready[caller] || k.sending[caller];
      @ ensures \result != Abi.OK ==> (\forall int i; 0 <= i && i < Kernel.NP; k.used[i] == \old(k.used[i]) && k.sending[i] == \old(k.sending[i]) && k.receiving[i] == \old(k.receiving[i]) && k.stopped[i] == \old(k.stopped[i]) && k.runq[i] == \old(k.runq[i]) && k.reply[i] == \old(k.reply[i]) && k.ready[i] == \old(k.ready[i]) && k.gotMsg[i] == \old(k.gotMsg[i]));
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
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
      @ requires k.wfRange() && k.wfTicks() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv();
      @ ensures k.wfRange() && k.wfTicks() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ ensures k.wfRunq();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree() && k.wfRunq();
      @ ensures k.wfFree();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfSend();
      @ ensures k.wfSend();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRecv();
      @ ensures k.wfRecv();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfReply();
      @ ensures k.wfReply();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @*/
    public static int send(Kernel k, int caller, int dstEp) {
        return sendOp(k, caller, dstEp, Abi.SEND);
    }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires caller < 0 || caller >= Kernel.NP || !k.runq[caller];
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller];
      @ ensures \invariant_for(k);
      @ ensures \result == Abi.OK || \result == Abi.EDEADSRCDST || \result == Abi.EINVAL
      @   || \result == Abi.ECALLDENIED || \result == Abi.ENOTREADY || \result == Abi.ETRAPDENIED;
      @ ensures \result == Abi.OK ==> k.ready[caller] && k.runq[caller];
      @ ensures \result != Abi.OK ==> (\forall int i; 0 <= i && i < Kernel.NP; k.used[i] == \old(k.used[i]) && k.sending[i] == \old(k.sending[i]) && k.receiving[i] == \old(k.receiving[i]) && k.stopped[i] == \old(k.stopped[i]) && k.runq[i] == \old(k.runq[i]) && k.reply[i] == \old(k.reply[i]) && k.ready[i] == \old(k.ready[i]) && k.gotMsg[i] == \old(k.gotMsg[i]));
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
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
      @ requires k.wfRange() && k.wfTicks() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv();
      @ ensures k.wfRange() && k.wfTicks() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ ensures k.wfRunq();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree() && k.wfRunq();
      @ ensures k.wfFree();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfSend();
      @ ensures k.wfSend();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRecv();
      @ ensures k.wfRecv();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfReply();
      @ ensures k.wfReply();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.clock;
      @*/
    public static int sendnb(Kernel k, int caller, int dstEp) {
        return sendOp(k, caller, dstEp, Abi.SENDNB);
    }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires caller < 0 || caller >= Kernel.NP || !k.runq[caller];
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
      @ ensures \result == Abi.OK || \result == Abi.EDEADSRCDST || \result == Abi.EINVAL
      @   || \result == Abi.ECALLDENIED || \result == Abi.ELOCKED || \result == Abi.ETRAPDENIED;
      @ ensures \result == Abi.OK ==> k.ready[caller] || k.reply[caller];
      @ ensures \result != Abi.OK ==> (\forall int i; 0 <= i && i < Kernel.NP; k.used[i] == \old(k.used[i]) && k.sending[i] == \old(k.sending[i]) && k.receiving[i] == \old(k.receiving[i]) && k.stopped[i] == \old(k.stopped[i]) && k.runq[i] == \old(k.runq[i]) && k.reply[i] == \old(k.reply[i]) && k.ready[i] == \old(k.ready[i]) && k.gotMsg[i] == \old(k.gotMsg[i]));
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
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
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
      @*/
    public static int sendrec(Kernel k, int caller, int dstEp) {
        // sendOp checks the caller again; checking here first keeps the EINVAL case's proof off
        // the contracts of the two phases.
        if (!validCaller(k, caller)) {
            return Abi.EINVAL;
        }
        int r = sendrecSend(k, caller, dstEp);
        if (r != Abi.OK) {
            return r;
        }
        return awaitReply(k, caller, k.pr[Kernel.SENDTO + caller]);
    }

    /**
     * SENDREC's send phase: SEND's per-conjunct cases, plus what the reply phase needs once the
     * send went out (delivered or queued): SENDTO names a live other process, and the caller is
     * live. The footprint names the regions it writes, so the conjuncts that read none of them
     * (wfRange, wfTicks, wfNote, wfAsyncSrc, wfAsyncDst, wfPriv) carry over by their dependency
     * contracts and need no frame case: a frame case restates every shape fact in its premise, and
     * sendrec's proof carries each premise of each case in the footprint of the call.
     */
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires caller < 0 || caller >= Kernel.NP || !k.runq[caller];
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller];
      @ ensures \invariant_for(k);
      @ ensures \result == Abi.OK || \result == Abi.EDEADSRCDST || \result == Abi.EINVAL
      @   || \result == Abi.ECALLDENIED || \result == Abi.ELOCKED || \result == Abi.ETRAPDENIED;
      @ ensures \result == Abi.OK ==> 0 <= k.pr[Kernel.SENDTO + caller] && k.pr[Kernel.SENDTO + caller] < Kernel.NP
      @   && k.pr[Kernel.SENDTO + caller] != caller && k.used[k.pr[Kernel.SENDTO + caller]];
      @ ensures \result != Abi.OK ==> (\forall int i; 0 <= i && i < Kernel.NP; k.used[i] == \old(k.used[i]) && k.sending[i] == \old(k.sending[i]) && k.receiving[i] == \old(k.receiving[i]) && k.stopped[i] == \old(k.stopped[i]) && k.runq[i] == \old(k.runq[i]) && k.reply[i] == \old(k.reply[i]) && k.ready[i] == \old(k.ready[i]) && k.gotMsg[i] == \old(k.gotMsg[i]));
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.st[*],
      @   k.clock, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.pr[Kernel.SENDTO .. Kernel.SENDTO_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller];
      @ ensures k.used[caller];
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.st[*],
      @   k.clock, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.pr[Kernel.SENDTO .. Kernel.SENDTO_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ ensures k.wfRunq();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.st[*],
      @   k.clock, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.pr[Kernel.SENDTO .. Kernel.SENDTO_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree() && k.wfRunq();
      @ ensures k.wfFree();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.st[*],
      @   k.clock, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.pr[Kernel.SENDTO .. Kernel.SENDTO_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.st[*],
      @   k.clock, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.pr[Kernel.SENDTO .. Kernel.SENDTO_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfSend();
      @ ensures k.wfSend();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.st[*],
      @   k.clock, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.pr[Kernel.SENDTO .. Kernel.SENDTO_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRecv();
      @ ensures k.wfRecv();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.st[*],
      @   k.clock, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.pr[Kernel.SENDTO .. Kernel.SENDTO_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfReply();
      @ ensures k.wfReply();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.st[*],
      @   k.clock, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1], k.pr[Kernel.SENDTO .. Kernel.SENDTO_END];
      @*/
    static int sendrecSend(Kernel k, int caller, int dstEp) {
        return sendOp(k, caller, dstEp, Abi.SENDREC);
    }

    /**
     * SENDREC's reply phase, once its send went out to d (SENDTO): a receive from d that a
     * notification cannot satisfy. If the send is still queued, the receive starts when d takes
     * it. The footprint names the regions receiveFrom may write, so the conjuncts of
     * wellFormed() that read none of them (wfRange, wfTicks, wfNote, wfPriv) carry over by their
     * dependency contracts; the others have a case each.
     */
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && 0 <= d && d < Kernel.NP
      @   && d != caller;
      @ ensures \invariant_for(k) && \result == Abi.OK;
      @ ensures k.ready[caller] || k.reply[caller];
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.clock,
      @   k.lastAsyncIndex, k.lastAsyncSender, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1],
      @   k.pr[Kernel.RECVFROM .. Kernel.RECVFROM_END], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && 0 <= d && d < Kernel.NP
      @   && d != caller
      @   && k.used[d];
      @ ensures k.wfRunq();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.clock,
      @   k.lastAsyncIndex, k.lastAsyncSender, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1],
      @   k.pr[Kernel.RECVFROM .. Kernel.RECVFROM_END], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree() && k.wfRunq();
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && 0 <= d && d < Kernel.NP
      @   && d != caller
      @   && k.used[d];
      @ ensures k.wfFree();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.clock,
      @   k.lastAsyncIndex, k.lastAsyncSender, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1],
      @   k.pr[Kernel.RECVFROM .. Kernel.RECVFROM_END], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && 0 <= d && d < Kernel.NP
      @   && d != caller
      @   && k.used[d];
      @ ensures k.wfStamp();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.clock,
      @   k.lastAsyncIndex, k.lastAsyncSender, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1],
      @   k.pr[Kernel.RECVFROM .. Kernel.RECVFROM_END], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfSend();
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && 0 <= d && d < Kernel.NP
      @   && d != caller
      @   && k.used[d];
      @ ensures k.wfSend();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.clock,
      @   k.lastAsyncIndex, k.lastAsyncSender, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1],
      @   k.pr[Kernel.RECVFROM .. Kernel.RECVFROM_END], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRecv();
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && 0 <= d && d < Kernel.NP
      @   && d != caller
      @   && k.used[d];
      @ ensures k.wfRecv();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.clock,
      @   k.lastAsyncIndex, k.lastAsyncSender, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1],
      @   k.pr[Kernel.RECVFROM .. Kernel.RECVFROM_END], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncSrc();
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && 0 <= d && d < Kernel.NP
      @   && d != caller
      @   && k.used[d];
      @ ensures k.wfAsyncSrc();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.clock,
      @   k.lastAsyncIndex, k.lastAsyncSender, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1],
      @   k.pr[Kernel.RECVFROM .. Kernel.RECVFROM_END], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncDst();
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && 0 <= d && d < Kernel.NP
      @   && d != caller
      @   && k.used[d];
      @ ensures k.wfAsyncDst();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.clock,
      @   k.lastAsyncIndex, k.lastAsyncSender, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1],
      @   k.pr[Kernel.RECVFROM .. Kernel.RECVFROM_END], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfReply();
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && 0 <= d && d < Kernel.NP
      @   && d != caller
      @   && k.used[d];
      @ ensures k.wfReply();
      @ assignable k.gotMsg[*], k.ready[*], k.receiving[*], k.reply[*], k.runq[*], k.sending[*], k.msg[*], k.clock,
      @   k.lastAsyncIndex, k.lastAsyncSender, k.pr[Kernel.RESULT .. Kernel.RESULT + Kernel.NP - 1],
      @   k.pr[Kernel.RECVFROM .. Kernel.RECVFROM_END], k.st[Kernel.RUNSTAMP .. Kernel.RUNSTAMP + Kernel.NP - 1],
      @   k.asy[Kernel.A_RES .. Kernel.A_RES_END], k.ab[Kernel.A_PEND .. Kernel.A_DONE_END];
      @*/
    static int awaitReply(Kernel k, int caller, int d) {
        if (k.sending[caller]) {
            k.receiving[caller] = true;
            k.reply[caller] = true;
            k.pr[Kernel.RECVFROM + caller] = d;
            return Abi.OK;
        }
        k.ready[caller] = false;
        return receiveFrom(k, caller, d, true);
    }

    /**
     * The live slot endpoint ep names, if it is not the caller's; else EDEADSRCDST (no live
     * process has that endpoint) or EINVAL (the caller itself). The contract leaves out how the
     * endpoint encodes the slot: given slotOf's equation, KeY rewrites the slot as an expression
     * in the endpoint in every array index of the caller's proof.
     */
    /*@ public normal_behavior
      @ requires k != null && k.used != null && k.used.length == Kernel.NP && k.sending != null
      @   && k.sending.length == Kernel.NP && k.receiving != null && k.receiving.length == Kernel.NP
      @   && k.stopped != null && k.stopped.length == Kernel.NP && k.runq != null
      @   && k.runq.length == Kernel.NP && k.reply != null && k.reply.length == Kernel.NP && k.ready != null
      @   && k.ready.length == Kernel.NP && k.gotMsg != null && k.gotMsg.length == Kernel.NP && k.pr != null
      @   && k.pr.length == Kernel.PR_SIZE && 0 <= caller && caller < Kernel.NP;
      @ ensures \result >= 0 ==> \result < Kernel.NP && k.used[\result] && \result != caller;
      @ ensures \result < 0 ==> \result == Abi.EDEADSRCDST || \result == Abi.EINVAL;
      @ assignable \strictly_nothing;
      @*/
    static int liveOther(Kernel k, int caller, int ep) {
        int s = k.slotOf(ep);
        if (s < 0) {
            return Abi.EDEADSRCDST;
        }
        if (s == caller) {
            return Abi.EINVAL;
        }
        return s;
    }

    /** Hands s's message to d, which waitsFor it, and wakes d (s != d). */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && k.st != null && k.st.length == 2 * Kernel.NP && k.msg != null
      @   && k.msg.length == Kernel.NP * Kernel.MW && k.pr != k.msg && 0 <= k.clock;
      @ requires 0 <= s && s < Kernel.NP && 0 <= d && d < Kernel.NP && s != d;
      @ requires k.used != k.receiving && k.used != k.runq && k.used != k.reply && k.used != k.ready
      @   && k.used != k.gotMsg && k.sending != k.receiving && k.sending != k.runq && k.sending != k.reply
      @   && k.sending != k.ready && k.sending != k.gotMsg && k.receiving != k.stopped
      @   && k.receiving != k.runq && k.receiving != k.reply && k.receiving != k.ready
      @   && k.receiving != k.gotMsg && k.stopped != k.runq && k.stopped != k.reply && k.stopped != k.ready
      @   && k.stopped != k.gotMsg && k.runq != k.reply && k.runq != k.ready && k.runq != k.gotMsg
      @   && k.reply != k.ready && k.reply != k.gotMsg && k.ready != k.gotMsg;
      @ ensures !k.receiving[d] && !k.reply[d] && k.ready[d]
      @   && k.gotMsg[d] && k.pr[Kernel.RESULT + d] == Abi.OK;
      @ ensures k.runq[d] == (k.used[d] && !k.sending[d]
      @   && !k.receiving[d] && !k.stopped[d]);
      @ ensures \old(k.clock) <= k.clock;
      @ ensures k.st[Kernel.RUNSTAMP + d] == \old(k.st[Kernel.RUNSTAMP + d]) || k.st[Kernel.RUNSTAMP + d] == k.clock;
      @ assignable k.msg[d * Kernel.MW .. d * Kernel.MW + Kernel.MW - 1], k.receiving[d],
      @   k.reply[d], k.pr[Kernel.RESULT + d], k.ready[d], k.gotMsg[d],
      @   k.runq[d], k.st[Kernel.RUNSTAMP + d], k.clock;
      @*/
    static void deliver(Kernel k, int s, int d) {
        copyMsg(k, s, d);
        wake(k, d);
    }

    /** Ends d's receive with a message now in its buffer (from SEND or SENDA) and requeues it. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && k.st != null && k.st.length == 2 * Kernel.NP && 0 <= k.clock;
      @ requires 0 <= d && d < Kernel.NP;
      @ requires k.used != k.receiving && k.used != k.runq && k.used != k.reply && k.used != k.ready
      @   && k.used != k.gotMsg && k.sending != k.receiving && k.sending != k.runq && k.sending != k.reply
      @   && k.sending != k.ready && k.sending != k.gotMsg && k.receiving != k.stopped
      @   && k.receiving != k.runq && k.receiving != k.reply && k.receiving != k.ready
      @   && k.receiving != k.gotMsg && k.stopped != k.runq && k.stopped != k.reply && k.stopped != k.ready
      @   && k.stopped != k.gotMsg && k.runq != k.reply && k.runq != k.ready && k.runq != k.gotMsg
      @   && k.reply != k.ready && k.reply != k.gotMsg && k.ready != k.gotMsg;
      @ ensures !k.receiving[d] && !k.reply[d] && k.ready[d]
      @   && k.gotMsg[d] && k.pr[Kernel.RESULT + d] == Abi.OK;
      @ ensures k.runq[d] == (k.used[d] && !k.sending[d]
      @   && !k.receiving[d] && !k.stopped[d]);
      @ ensures \old(k.clock) <= k.clock;
      @ ensures k.st[Kernel.RUNSTAMP + d] == \old(k.st[Kernel.RUNSTAMP + d]) || k.st[Kernel.RUNSTAMP + d] == k.clock;
      @ assignable k.receiving[d], k.reply[d], k.pr[Kernel.RESULT + d],
      @   k.ready[d], k.gotMsg[d], k.runq[d], k.st[Kernel.RUNSTAMP + d], k.clock;
      @*/
    static void wake(Kernel k, int d) {
        k.receiving[d] = false;
        k.reply[d] = false;
        complete(k, d, Abi.OK, true);
        Sched.requeue(k, d);
    }

    /** Shared body of SEND, SENDNB and SENDREC's send phase. */
    static int sendOp(Kernel k, int caller, int dstEp, int op) {
        if (!validCaller(k, caller)) {
            return Abi.EINVAL;
        }
        if (!trapAllowed(k, caller, op)) {
            return Abi.ETRAPDENIED;
        }
        int d = liveOther(k, caller, dstEp);
        if (d < 0) {
            return d;
        }
        if (!ipcAllowed(k, caller, d)) {
            return Abi.ECALLDENIED;
        }
        if (waitsFor(k, d, caller)) {
            deliver(k, caller, d);
            complete(k, caller, Abi.OK, false);
            k.pr[Kernel.SENDTO + caller] = d;
            return Abi.OK;
        }
        if (op == Abi.SENDNB) {
            return Abi.ENOTREADY;
        }
        if (deadlock(k, caller, d)) {
            return Abi.ELOCKED;
        }
        blockSend(k, caller, d);
        return Abi.OK;
    }

    /** Queues c's send to d (at the tail: the newest stamp) and takes c off the run queue. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && k.st != null && k.st.length == 2 * Kernel.NP && 0 <= k.clock;
      @ requires 0 <= c && c < Kernel.NP;
      @ requires k.used != k.sending && k.used != k.runq && k.sending != k.receiving && k.sending != k.stopped
      @   && k.sending != k.runq && k.sending != k.reply && k.sending != k.ready && k.sending != k.gotMsg
      @   && k.receiving != k.runq && k.stopped != k.runq && k.runq != k.reply && k.runq != k.ready
      @   && k.runq != k.gotMsg;
      @ ensures k.sending[c] && k.pr[Kernel.SENDTO + c] == d && !k.runq[c];
      @ ensures \old(k.clock) <= k.clock && 0 <= k.st[Kernel.SENDSTAMP + c]
      @   && k.st[Kernel.SENDSTAMP + c] <= k.clock;
      @ ensures k.st[Kernel.RUNSTAMP + c] == \old(k.st[Kernel.RUNSTAMP + c]) || k.st[Kernel.RUNSTAMP + c] == k.clock;
      @ assignable k.sending[c], k.pr[Kernel.SENDTO + c], k.st[Kernel.SENDSTAMP + c],
      @   k.runq[c], k.st[Kernel.RUNSTAMP + c], k.clock;
      @*/
    static void blockSend(Kernel k, int c, int d) {
        k.sending[c] = true;
        k.pr[Kernel.SENDTO + c] = d;
        k.st[Kernel.SENDSTAMP + c] = Sched.nextStamp(k);
        Sched.requeue(k, c);
    }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires caller < 0 || caller >= Kernel.NP || !k.runq[caller];
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller];
      @ ensures \invariant_for(k);
      @ ensures \result == Abi.OK || \result == Abi.EDEADSRCDST || \result == Abi.EINVAL
      @   || \result == Abi.ELOCKED || \result == Abi.ETRAPDENIED;
      @ ensures \result == Abi.OK ==> k.ready[caller] || k.receiving[caller];
      @ ensures \result != Abi.OK ==> (\forall int i; 0 <= i && i < Kernel.NP; k.used[i] == \old(k.used[i]) && k.sending[i] == \old(k.sending[i]) && k.receiving[i] == \old(k.receiving[i]) && k.stopped[i] == \old(k.stopped[i]) && k.runq[i] == \old(k.runq[i]) && k.reply[i] == \old(k.reply[i]) && k.ready[i] == \old(k.ready[i]) && k.gotMsg[i] == \old(k.gotMsg[i]));
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock,
      @   k.lastAsyncSender, k.lastAsyncIndex;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null && k.gotMsg.length == Kernel.NP
      @   && k.pv != null && k.pv.length == Kernel.PVB_SIZE && k.pvi != null && k.pvi.length == Kernel.PVI_SIZE;
      @ requires k.gb != null && k.gb.length == 4 * Kernel.NG && k.gr != null && k.gr.length == 6 * Kernel.NG
      @   && k.asy != null && k.asy.length == 3 * Kernel.NA && k.ab != null && k.ab.length == 3 * Kernel.NA
      @   && k.st != null && k.st.length == 2 * Kernel.NP && k.note != null && k.note.length == Kernel.NP * Kernel.NSRC
      @   && k.msg != null && k.msg.length == Kernel.NP * Kernel.MW && k.amsg != null && k.amsg.length == Kernel.NA * Kernel.MW;
      @ requires k.pr != k.asy && k.pr != k.pvi && k.pr != k.gr && k.asy != k.pvi && k.asy != k.gr && k.pvi != k.gr;
      @ requires k.pr != k.msg && k.msg != k.asy && k.msg != k.pvi && k.msg != k.gr && k.pr != k.amsg && k.msg != k.amsg && k.asy != k.amsg && k.amsg != k.pvi && k.amsg != k.gr;
      @ requires k.used != k.sending && k.used != k.receiving && k.used != k.stopped && k.used != k.runq && k.used != k.reply && k.used != k.ready && k.used != k.gotMsg && k.sending != k.receiving && k.sending != k.stopped && k.sending != k.runq && k.sending != k.reply && k.sending != k.ready && k.sending != k.gotMsg && k.receiving != k.stopped && k.receiving != k.runq && k.receiving != k.reply && k.receiving != k.ready && k.receiving != k.gotMsg && k.stopped != k.runq && k.stopped != k.reply && k.stopped != k.ready && k.stopped != k.gotMsg && k.runq != k.reply && k.runq != k.ready && k.runq != k.gotMsg && k.reply != k.ready && k.reply != k.gotMsg && k.ready != k.gotMsg;
      @ requires (k.used != k.note && k.sending != k.note && k.receiving != k.note && k.stopped != k.note && k.runq != k.note && k.reply != k.note && k.ready != k.note && k.gotMsg != k.note) && (k.used != k.ab && k.sending != k.ab && k.receiving != k.ab && k.stopped != k.ab && k.runq != k.ab && k.reply != k.ab && k.ready != k.ab && k.gotMsg != k.ab) && (k.used != k.gb && k.sending != k.gb && k.receiving != k.gb && k.stopped != k.gb && k.runq != k.gb && k.reply != k.gb && k.ready != k.gb && k.gotMsg != k.gb) && (k.used != k.pv && k.sending != k.pv && k.receiving != k.pv && k.stopped != k.pv && k.runq != k.pv && k.reply != k.pv && k.ready != k.pv && k.gotMsg != k.pv) && k.note != k.ab && k.note != k.gb && k.ab != k.gb && k.note != k.pv && k.ab != k.pv && k.pv != k.gb;
      @ requires 0 <= k.clock;
      @ requires k.wfRange() && k.wfTicks() && k.wfPriv();
      @ ensures k.wfRange() && k.wfTicks() && k.wfPriv();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ ensures k.wfRunq();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree() && k.wfRunq();
      @ ensures k.wfFree();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfSend();
      @ ensures k.wfSend();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRecv();
      @ ensures k.wfRecv();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfNote();
      @ ensures k.wfNote();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncSrc();
      @ ensures k.wfAsyncSrc();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfAsyncDst();
      @ ensures k.wfAsyncDst();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfReply();
      @ ensures k.wfReply();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.asy[*], k.ab[*], k.clock, k.lastAsyncSender,
      @   k.lastAsyncIndex;
      @*/
    public static int receive(Kernel k, int caller, int srcEp) {
        if (!validCaller(k, caller)) {
            return Abi.EINVAL;
        }
        if (!trapAllowed(k, caller, Abi.RECEIVE)) {
            return Abi.ETRAPDENIED;
        }
        int s = -1;
        if (srcEp != Abi.ANY) {
            s = liveOther(k, caller, srcEp);
            if (s < 0) {
                return s;
            }
        }
        return receiveFrom(k, caller, s, false);
    }

    /**
     * Receive for a running caller from slot s (or ANY = -1): pending notifications first
     * (unless a reply is awaited), then SENDA messages, then the oldest queued sender;
     * otherwise block (after the deadlock check, which a reply phase does not need).
     */
    static int receiveFrom(Kernel k, int caller, int s, boolean reply) {
        if (!reply) {
            int n = pendingNote(k, caller, s);
            if (n >= 0) {
                takeNote(k, caller, n);
                return Abi.OK;
            }
        }
        if (Async.takePending(k, caller, s)) {
            complete(k, caller, Abi.OK, true);
            return Abi.OK;
        }
        int q = oldestSender(k, caller, s);
        if (q >= 0) {
            takeSender(k, caller, q);
            return Abi.OK;
        }
        // A SENDREC's reply phase skips the check: its send was just delivered to s, which woke
        // s (not sending, not receiving), so no chain from s can lead back (MINIX checks once,
        // before the send).
        if (s >= 0 && !reply && deadlock(k, caller, s)) {
            return Abi.ELOCKED;
        }
        blockReceive(k, caller, s, reply);
        return Abi.OK;
    }

    /** r takes its pending notification from source index n. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && k.msg != null && k.msg.length == Kernel.NP * Kernel.MW
      @   && k.note != null && k.note.length == Kernel.NP * Kernel.NSRC;
      @ requires 0 <= r && r < Kernel.NP && 0 <= n && n < Kernel.NSRC;
      @ requires k.used != k.ready && k.used != k.gotMsg && k.sending != k.ready && k.sending != k.gotMsg
      @   && k.receiving != k.ready && k.receiving != k.gotMsg && k.stopped != k.ready
      @   && k.stopped != k.gotMsg && k.runq != k.ready && k.runq != k.gotMsg && k.reply != k.ready
      @   && k.reply != k.gotMsg && k.ready != k.gotMsg;
      @ ensures !k.note[r * Kernel.NSRC + n] && k.ready[r] && k.gotMsg[r]
      @   && k.pr[Kernel.RESULT + r] == Abi.OK && k.msg[r * Kernel.MW + 1] == Abi.NOTIFY_MESSAGE;
      @ assignable k.note[r * Kernel.NSRC + n], k.msg[r * Kernel.MW .. r * Kernel.MW + Kernel.MW - 1],
      @   k.pr[Kernel.RESULT + r], k.ready[r], k.gotMsg[r];
      @*/
    static void takeNote(Kernel k, int r, int n) {
        //@ assert 0 <= r * Kernel.NSRC + n && r * Kernel.NSRC + n < Kernel.NP * Kernel.NSRC;
        k.note[r * Kernel.NSRC + n] = false;
        notifyMsg(k, r, sourceEndpoint(k, n));
        complete(k, r, Abi.OK, true);
    }

    /** r takes the message of q, blocked sending to it, and q's send ends. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && k.st != null && k.st.length == 2 * Kernel.NP && k.msg != null
      @   && k.msg.length == Kernel.NP * Kernel.MW && k.pr != k.msg && 0 <= k.clock;
      @ requires 0 <= r && r < Kernel.NP && 0 <= q && q < Kernel.NP && q != r;
      @ requires k.used != k.sending && k.used != k.runq && k.used != k.ready && k.used != k.gotMsg
      @   && k.sending != k.receiving && k.sending != k.stopped && k.sending != k.runq && k.sending != k.reply
      @   && k.sending != k.ready && k.sending != k.gotMsg && k.receiving != k.runq && k.receiving != k.ready
      @   && k.receiving != k.gotMsg && k.stopped != k.runq && k.stopped != k.ready && k.stopped != k.gotMsg
      @   && k.runq != k.reply && k.runq != k.ready && k.runq != k.gotMsg && k.reply != k.ready
      @   && k.reply != k.gotMsg && k.ready != k.gotMsg;
      @ ensures k.ready[r] && k.gotMsg[r] && k.pr[Kernel.RESULT + r] == Abi.OK;
      @ ensures !k.sending[q] && \old(k.clock) <= k.clock;
      @ ensures k.runq[q] == (k.used[q] && !k.receiving[q] && !k.stopped[q]);
      @ ensures k.st[Kernel.RUNSTAMP + q] == \old(k.st[Kernel.RUNSTAMP + q]) || k.st[Kernel.RUNSTAMP + q] == k.clock;
      @ assignable k.msg[r * Kernel.MW .. r * Kernel.MW + Kernel.MW - 1], k.pr[Kernel.RESULT + r],
      @   k.ready[r], k.gotMsg[r], k.sending[q], k.pr[Kernel.RESULT + q],
      @   k.ready[q], k.gotMsg[q], k.runq[q], k.st[Kernel.RUNSTAMP + q], k.clock;
      @*/
    static void takeSender(Kernel k, int r, int q) {
        copyMsg(k, q, r);
        complete(k, r, Abi.OK, true);
        endSend(k, q);
    }

    /**
     * q's queued send was taken: q runs again, or, in a SENDREC, stays blocked for the reply
     * (its receive starts now; MINIX clears SENDING and keeps RECEIVING).
     */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && k.st != null && k.st.length == 2 * Kernel.NP && 0 <= k.clock;
      @ requires 0 <= q && q < Kernel.NP;
      @ requires k.used != k.sending && k.used != k.runq && k.used != k.ready && k.used != k.gotMsg
      @   && k.sending != k.receiving && k.sending != k.stopped && k.sending != k.runq && k.sending != k.reply
      @   && k.sending != k.ready && k.sending != k.gotMsg && k.receiving != k.runq && k.receiving != k.ready
      @   && k.receiving != k.gotMsg && k.stopped != k.runq && k.stopped != k.ready && k.stopped != k.gotMsg
      @   && k.runq != k.reply && k.runq != k.ready && k.runq != k.gotMsg && k.reply != k.ready
      @   && k.reply != k.gotMsg && k.ready != k.gotMsg;
      @ ensures !k.sending[q];
      @ ensures !k.receiving[q] ==> k.ready[q] && k.pr[Kernel.RESULT + q] == Abi.OK;
      @ ensures k.runq[q] == (k.used[q] && !k.receiving[q]
      @   && !k.stopped[q]);
      @ ensures \old(k.clock) <= k.clock;
      @ ensures k.st[Kernel.RUNSTAMP + q] == \old(k.st[Kernel.RUNSTAMP + q]) || k.st[Kernel.RUNSTAMP + q] == k.clock;
      @ assignable k.sending[q], k.pr[Kernel.RESULT + q], k.ready[q],
      @   k.gotMsg[q], k.runq[q], k.st[Kernel.RUNSTAMP + q], k.clock;
      @*/
    static void endSend(Kernel k, int q) {
        k.sending[q] = false;
        if (!k.receiving[q]) {
            complete(k, q, Abi.OK, false);
        }
        Sched.requeue(k, q);
    }

    /** c blocks receiving from s (ANY = -1), for a SENDREC reply when reply is set. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && k.st != null && k.st.length == 2 * Kernel.NP && 0 <= k.clock;
      @ requires 0 <= c && c < Kernel.NP;
      @ requires k.used != k.receiving && k.used != k.runq && k.used != k.reply && k.sending != k.receiving
      @   && k.sending != k.runq && k.sending != k.reply && k.receiving != k.stopped && k.receiving != k.runq
      @   && k.receiving != k.reply && k.receiving != k.ready && k.receiving != k.gotMsg
      @   && k.stopped != k.runq && k.stopped != k.reply && k.runq != k.reply && k.runq != k.ready
      @   && k.runq != k.gotMsg && k.reply != k.ready && k.reply != k.gotMsg;
      @ ensures k.receiving[c] && k.reply[c] == reply && k.pr[Kernel.RECVFROM + c] == s
      @   && !k.runq[c];
      @ ensures \old(k.clock) <= k.clock;
      @ ensures k.st[Kernel.RUNSTAMP + c] == \old(k.st[Kernel.RUNSTAMP + c]) || k.st[Kernel.RUNSTAMP + c] == k.clock;
      @ assignable k.receiving[c], k.reply[c], k.pr[Kernel.RECVFROM + c],
      @   k.runq[c], k.st[Kernel.RUNSTAMP + c], k.clock;
      @*/
    static void blockReceive(Kernel k, int c, int s, boolean reply) {
        k.receiving[c] = true;
        k.reply[c] = reply;
        k.pr[Kernel.RECVFROM + c] = s;
        Sched.requeue(k, c);
    }

    /** Endpoint that a notification source index (slot, or NP + kernel source) names. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && 0 <= n && n < Kernel.NSRC;
      @ ensures n < Kernel.NP && 0 <= k.pr[Kernel.GEN + n] && k.pr[Kernel.GEN + n] <= Kernel.MAX_GEN
      @   ==> \result == k.pr[Kernel.GEN + n] * Kernel.EP_SCALE + n;
      @ ensures n == Kernel.NP ==> \result == Abi.SYSTEM;
      @ ensures n == Kernel.NP + 1 ==> \result == Abi.HARDWARE;
      @ ensures n == Kernel.NP + 2 ==> \result == Abi.CLOCK;
      @ assignable \strictly_nothing;
      @*/
    static int sourceEndpoint(Kernel k, int n) {
        if (n < Kernel.NP) {
            return Kernel.ep(k.pr[Kernel.GEN + n], n);
        }
        if (n == Kernel.NP) {
            return Abi.SYSTEM;
        }
        if (n == Kernel.NP + 1) {
            return Abi.HARDWARE;
        }
        return Abi.CLOCK;
    }

    /** Lowest pending notification source for r matching s (ANY = -1), or -1. */
    /*@ public normal_behavior
      @ requires k != null && k.note != null && k.note.length == Kernel.NP * Kernel.NSRC
      @   && 0 <= r && r < Kernel.NP && -1 <= s && s < Kernel.NP;
      @ ensures \result == -1 || 0 <= \result && \result < Kernel.NSRC && k.note[r * Kernel.NSRC + \result];
      @ assignable \strictly_nothing;
      @*/
    static int pendingNote(Kernel k, int r, int s) {
        if (s >= 0) {
            //@ assert 0 <= r * Kernel.NSRC + s && r * Kernel.NSRC + s < Kernel.NP * Kernel.NSRC;
            return k.note[r * Kernel.NSRC + s] ? s : -1;
        }
        /*@ loop_invariant 0 <= n && n <= Kernel.NSRC
          @   && 0 <= r * Kernel.NSRC && r * Kernel.NSRC + Kernel.NSRC <= Kernel.NP * Kernel.NSRC;
          @ assignable \strictly_nothing;
          @ decreases Kernel.NSRC - n;
          @*/
        for (int n = 0; n < Kernel.NSRC; n++) {
            //@ assert 0 <= r * Kernel.NSRC + n && r * Kernel.NSRC + n < Kernel.NP * Kernel.NSRC;
            if (k.note[r * Kernel.NSRC + n]) {
                return n;
            }
        }
        return -1;
    }

    /** The head of r's sender queue (smallest stamp) among senders matching s, or -1. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && k.st != null && k.st.length == 2 * Kernel.NP;
      @ ensures \result == -1 || 0 <= \result && \result < Kernel.NP && \result != r
      @   && k.sending[\result] && k.pr[Kernel.SENDTO + \result] == r && (s == -1 || \result == s);
      @ assignable \strictly_nothing;
      @*/
    static int oldestSender(Kernel k, int r, int s) {
        int best = -1;
        /*@ loop_invariant 0 <= q && q <= Kernel.NP && -1 <= best && best < q
          @   && (best >= 0 ==> (best != r && k.sending[best] && k.pr[Kernel.SENDTO + best] == r
          @        && (s == -1 || best == s)));
          @ assignable \strictly_nothing;
          @ decreases Kernel.NP - q;
          @*/
        for (int q = 0; q < Kernel.NP; q++) {
            // q != r only matters in states wellFormed rules out (a running r is not sending).
            if (q != r && k.sending[q] && k.pr[Kernel.SENDTO + q] == r && (s == -1 || q == s)) {
                if (best == -1 || k.st[Kernel.SENDSTAMP + q] < k.st[Kernel.SENDSTAMP + best]) {
                    best = q;
                }
            }
        }
        return best;
    }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires caller < 0 || caller >= Kernel.NP || !k.runq[caller];
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && k.runq[caller];
      @ ensures \invariant_for(k);
      @ ensures \result == Abi.OK || \result == Abi.EDEADSRCDST || \result == Abi.EINVAL
      @   || \result == Abi.ECALLDENIED || \result == Abi.ETRAPDENIED;
      @ ensures \result == Abi.OK ==> k.ready[caller] && k.runq[caller];
      @ ensures \result != Abi.OK ==> (\forall int i; 0 <= i && i < Kernel.NP; k.used[i] == \old(k.used[i]) && k.sending[i] == \old(k.sending[i]) && k.receiving[i] == \old(k.receiving[i]) && k.stopped[i] == \old(k.stopped[i]) && k.runq[i] == \old(k.runq[i]) && k.reply[i] == \old(k.reply[i]) && k.ready[i] == \old(k.ready[i]) && k.gotMsg[i] == \old(k.gotMsg[i]));
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
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
      @ requires k.wfRange() && k.wfTicks() && k.wfSend() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv();
      @ ensures k.wfRange() && k.wfTicks() && k.wfSend() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ ensures k.wfRunq();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree() && k.wfRunq();
      @ ensures k.wfFree();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRecv();
      @ ensures k.wfRecv();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfNote() && k.wfRunq();
      @ ensures k.wfNote();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfReply();
      @ ensures k.wfReply();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @*/
    public static int notify(Kernel k, int caller, int dstEp) {
        if (!validCaller(k, caller)) {
            return Abi.EINVAL;
        }
        if (!trapAllowed(k, caller, Abi.NOTIFY)) {
            return Abi.ETRAPDENIED;
        }
        int d = liveOther(k, caller, dstEp);
        if (d < 0) {
            return d;
        }
        if (!ipcAllowed(k, caller, d)) {
            return Abi.ECALLDENIED;
        }
        postNote(k, d, caller);
        complete(k, caller, Abi.OK, false);
        return Abi.OK;
    }

    /**
     * Delivers a notification from source index n to d now, or leaves it pending. No contract
     * of its own: each caller runs the two paths, and each path applies a single-case contract.
     * (A helper contract with one case per outcome makes KeY combine the cases into one
     * conditional location set that every later heap read in the caller must take apart.)
     */
    static void postNote(Kernel k, int d, int n) {
        if (takesNote(k, d, n)) {
            deliverNote(k, d, n);
        } else {
            setNote(k, d, n);
        }
    }

    /**
     * Leaves a notification from source index n pending at d. The first postcondition is the
     * index lemma a caller's proof of wfNote needs: d * NSRC + n names one (receiver, source)
     * pair. KeY's integer procedures do not find it on their own (notify's wfNote case stayed
     * open at 30,000 steps); the two assertions split it into e < d and e > d, where it is linear.
     */
    /*@ public normal_behavior
      @ requires k != null && k.note != null && k.note.length == Kernel.NP * Kernel.NSRC;
      @ requires 0 <= d && d < Kernel.NP && 0 <= n && n < Kernel.NSRC;
      @ ensures (\forall int e; 0 <= e && e < Kernel.NP; (\forall int s; 0 <= s && s < Kernel.NSRC;
      @     e * Kernel.NSRC + s == d * Kernel.NSRC + n ==> e == d && s == n));
      @ ensures (\forall int e; 0 <= e && e < Kernel.NP; (\forall int s; 0 <= s && s < Kernel.NSRC;
      @     k.note[e * Kernel.NSRC + s] == (e == d && s == n || \old(k.note[e * Kernel.NSRC + s]))));
      @ assignable k.note[d * Kernel.NSRC + n];
      @*/
    static void setNote(Kernel k, int d, int n) {
        //@ assert 0 <= d * Kernel.NSRC + n && d * Kernel.NSRC + n < Kernel.NP * Kernel.NSRC;
        //@ assert (\forall int e; 0 <= e && e < d; e * Kernel.NSRC + Kernel.NSRC <= d * Kernel.NSRC);
        //@ assert (\forall int e; d < e && e < Kernel.NP; d * Kernel.NSRC + Kernel.NSRC <= e * Kernel.NSRC);
        k.note[d * Kernel.NSRC + n] = true;
    }

    /** d waitsFor a message from source index n and is not awaiting a SENDREC reply. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && 0 <= d && d < Kernel.NP;
      @ ensures \result == (k.receiving[d] && !k.sending[d] && !k.reply[d]
      @   && (k.pr[Kernel.RECVFROM + d] == -1 || k.pr[Kernel.RECVFROM + d] == n));
      @ assignable \strictly_nothing;
      @*/
    static boolean takesNote(Kernel k, int d, int n) {
        return waitsFor(k, d, n) && !k.reply[d];
    }

    /** Hands d, which takesNote from n, the notification message from n and wakes it. */
    /*@ public normal_behavior
      @ requires k != null && k.pr != null && k.pr.length == Kernel.PR_SIZE && k.used != null
      @   && k.used.length == Kernel.NP && k.sending != null && k.sending.length == Kernel.NP
      @   && k.receiving != null && k.receiving.length == Kernel.NP && k.stopped != null
      @   && k.stopped.length == Kernel.NP && k.runq != null && k.runq.length == Kernel.NP && k.reply != null
      @   && k.reply.length == Kernel.NP && k.ready != null && k.ready.length == Kernel.NP && k.gotMsg != null
      @   && k.gotMsg.length == Kernel.NP
      @    && k.st != null && k.st.length == 2 * Kernel.NP && k.msg != null
      @   && k.msg.length == Kernel.NP * Kernel.MW && k.pr != k.msg && 0 <= k.clock;
      @ requires 0 <= d && d < Kernel.NP && 0 <= n && n < Kernel.NSRC;
      @ requires k.used != k.receiving && k.used != k.runq && k.used != k.ready && k.used != k.gotMsg
      @   && k.sending != k.receiving && k.sending != k.runq && k.sending != k.ready && k.sending != k.gotMsg
      @   && k.receiving != k.stopped && k.receiving != k.runq && k.receiving != k.reply
      @   && k.receiving != k.ready && k.receiving != k.gotMsg && k.stopped != k.runq && k.stopped != k.ready
      @   && k.stopped != k.gotMsg && k.runq != k.reply && k.runq != k.ready && k.runq != k.gotMsg
      @   && k.reply != k.ready && k.reply != k.gotMsg && k.ready != k.gotMsg;
      @ ensures !k.receiving[d] && k.ready[d] && k.gotMsg[d]
      @   && k.pr[Kernel.RESULT + d] == Abi.OK && k.msg[d * Kernel.MW + 1] == Abi.NOTIFY_MESSAGE;
      @ ensures k.runq[d] == (k.used[d] && !k.sending[d]
      @   && !k.receiving[d] && !k.stopped[d]);
      @ ensures \old(k.clock) <= k.clock;
      @ ensures k.st[Kernel.RUNSTAMP + d] == \old(k.st[Kernel.RUNSTAMP + d]) || k.st[Kernel.RUNSTAMP + d] == k.clock;
      @ assignable k.msg[d * Kernel.MW .. d * Kernel.MW + Kernel.MW - 1], k.receiving[d],
      @   k.pr[Kernel.RESULT + d], k.ready[d], k.gotMsg[d], k.runq[d],
      @   k.st[Kernel.RUNSTAMP + d], k.clock;
      @*/
    static void deliverNote(Kernel k, int d, int n) {
        notifyMsg(k, d, sourceEndpoint(k, n));
        k.receiving[d] = false;
        complete(k, d, Abi.OK, true);
        Sched.requeue(k, d);
    }

    /** The notification source index of a kernel source endpoint (SYSTEM, HARDWARE, CLOCK), else -1. */
    /*@ public normal_behavior
      @ ensures source == Abi.SYSTEM ==> \result == Kernel.NP;
      @ ensures source == Abi.HARDWARE ==> \result == Kernel.NP + 1;
      @ ensures source == Abi.CLOCK ==> \result == Kernel.NP + 2;
      @ ensures source != Abi.SYSTEM && source != Abi.HARDWARE && source != Abi.CLOCK ==> \result == -1;
      @ assignable \strictly_nothing;
      @*/
    static int kernelSource(int source) {
        if (source == Abi.SYSTEM) {
            return Kernel.NP;
        }
        if (source == Abi.HARDWARE) {
            return Kernel.NP + 1;
        }
        if (source == Abi.CLOCK) {
            return Kernel.NP + 2;
        }
        return -1;
    }

    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= dst && dst < Kernel.NP && k.used[dst];
      @ requires source == Abi.SYSTEM || source == Abi.HARDWARE || source == Abi.CLOCK;
      @ ensures \invariant_for(k) && \result == Abi.OK;
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires dst < 0 || dst >= Kernel.NP || !k.used[dst]
      @   || source != Abi.SYSTEM && source != Abi.HARDWARE && source != Abi.CLOCK;
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
      @ requires k.wfRange() && k.wfTicks() && k.wfSend() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv();
      @ ensures k.wfRange() && k.wfTicks() && k.wfSend() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRunq();
      @ ensures k.wfRunq();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfFree() && k.wfRunq();
      @ ensures k.wfFree();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfStamp();
      @ ensures k.wfStamp();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRecv();
      @ ensures k.wfRecv();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfNote() && k.wfRunq();
      @ ensures k.wfNote();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfReply();
      @ ensures k.wfReply();
      @ assignable k.used[*], k.sending[*], k.receiving[*], k.stopped[*], k.runq[*], k.reply[*], k.ready[*],
      @   k.gotMsg[*], k.pr[*], k.st[*], k.msg[*], k.note[*], k.clock;
      @*/
    public static int notifyFromKernel(Kernel k, int dst, int source) {
        if (dst < 0 || dst >= Kernel.NP || !k.used[dst]) {
            return Abi.EINVAL;
        }
        int n = kernelSource(source);
        if (n < 0) {
            return Abi.EINVAL;
        }
        postNote(k, dst, n);
        return Abi.OK;
    }
}
