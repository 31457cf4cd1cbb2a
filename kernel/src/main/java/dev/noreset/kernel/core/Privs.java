package dev.noreset.kernel.core;

/**
 * Privilege records (MINIX struct priv): allowed IPC targets, trap operations and kernel
 * calls, I/O port ranges, IRQ lines, grant rights, priority and quantum. Record 0 is shared
 * by all user processes. Setters serve the boot image table and SYS_PRIVCTL; the checks
 * serve the kernel-call dispatcher (range, then mask, then handler).
 */
public final class Privs {
    private Privs() { }

    // Preservation of wellFormed(): one frame case, and one for wfRange (see Sched.tick).
    /*@ public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + slot] && k.pr[Kernel.PRIV + slot] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= slot && slot < Kernel.NP && k.used[slot] && 0 <= priv && priv < Kernel.NPRIV;
      @ ensures \result == Abi.OK && \invariant_for(k) && k.pr[Kernel.PRIV + slot] == priv;
      @ assignable k.pr[Kernel.PRIV + slot];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires slot < 0 || slot >= Kernel.NP || !k.used[slot] || priv < 0 || priv >= Kernel.NPRIV;
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
      @ requires k.wfRunq() && k.wfFree() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ ensures k.wfRunq() && k.wfFree() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv() && k.wfReply();
      @ assignable k.pr[Kernel.PRIV + slot];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfRange();
      @ ensures k.wfRange();
      @ assignable k.pr[Kernel.PRIV + slot];
      @*/
    public static int setPriv(Kernel k, int slot, int priv) {
        if (!k.isLive(slot) || priv < 0 || priv >= Kernel.NPRIV) {
            return Abi.EINVAL;
        }
        k.pr[Kernel.PRIV + slot] = priv;
        return Abi.OK;
    }

    // Preservation of wellFormed() is one frame case (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= priv && priv < Kernel.NPRIV && 0 <= target && target < Kernel.NP;
      @ ensures \result == Abi.OK && \invariant_for(k)
      @   && k.pv[Kernel.PV_IPC + priv * Kernel.NP + target] == on;
      @ assignable k.pv[Kernel.PV_IPC + priv * Kernel.NP + target];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires priv < 0 || priv >= Kernel.NPRIV || target < 0 || target >= Kernel.NP;
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
      @ assignable k.pv[Kernel.PV_IPC + priv * Kernel.NP + target];
      @*/
    public static int allowIpc(Kernel k, int priv, int target, boolean on) {
        if (priv < 0 || priv >= Kernel.NPRIV || target < 0 || target >= Kernel.NP) {
            return Abi.EINVAL;
        }
        //@ assert 0 <= priv * Kernel.NP + target && priv * Kernel.NP + target < Kernel.NPRIV * Kernel.NP;
        k.pv[Kernel.PV_IPC + priv * Kernel.NP + target] = on;
        return Abi.OK;
    }

    // Preservation of wellFormed() is one frame case (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= priv && priv < Kernel.NPRIV && 0 <= call && call < Kernel.NSYS;
      @ ensures \result == Abi.OK && \invariant_for(k)
      @   && k.pv[Kernel.PV_CALL + priv * Kernel.NSYS + call] == on;
      @ assignable k.pv[Kernel.PV_CALL + priv * Kernel.NSYS + call];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires priv < 0 || priv >= Kernel.NPRIV || call < 0 || call >= Kernel.NSYS;
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
      @ assignable k.pv[Kernel.PV_CALL + priv * Kernel.NSYS + call];
      @*/
    public static int allowCall(Kernel k, int priv, int call, boolean on) {
        if (priv < 0 || priv >= Kernel.NPRIV || call < 0 || call >= Kernel.NSYS) {
            return Abi.EINVAL;
        }
        //@ assert 0 <= priv * Kernel.NSYS + call && priv * Kernel.NSYS + call < Kernel.NPRIV * Kernel.NSYS;
        k.pv[Kernel.PV_CALL + priv * Kernel.NSYS + call] = on;
        return Abi.OK;
    }

    // Preservation of wellFormed() is one frame case (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= priv && priv < Kernel.NPRIV && 0 <= op && op < Kernel.NTRAP;
      @ ensures \result == Abi.OK && \invariant_for(k)
      @   && k.pv[Kernel.PV_TRAP + priv * Kernel.NTRAP + op] == on;
      @ assignable k.pv[Kernel.PV_TRAP + priv * Kernel.NTRAP + op];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires priv < 0 || priv >= Kernel.NPRIV || op < 0 || op >= Kernel.NTRAP;
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
      @ assignable k.pv[Kernel.PV_TRAP + priv * Kernel.NTRAP + op];
      @*/
    public static int allowTrap(Kernel k, int priv, int op, boolean on) {
        if (priv < 0 || priv >= Kernel.NPRIV || op < 0 || op >= Kernel.NTRAP) {
            return Abi.EINVAL;
        }
        //@ assert 0 <= priv * Kernel.NTRAP + op && priv * Kernel.NTRAP + op < Kernel.NPRIV * Kernel.NTRAP;
        k.pv[Kernel.PV_TRAP + priv * Kernel.NTRAP + op] = on;
        return Abi.OK;
    }

    // Preservation of wellFormed() is one frame case (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= priv && priv < Kernel.NPRIV && 0 <= irq && irq < Kernel.NIRQ;
      @ ensures \result == Abi.OK && \invariant_for(k)
      @   && k.pv[Kernel.PV_IRQ + priv * Kernel.NIRQ + irq] == on;
      @ assignable k.pv[Kernel.PV_IRQ + priv * Kernel.NIRQ + irq];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires priv < 0 || priv >= Kernel.NPRIV || irq < 0 || irq >= Kernel.NIRQ;
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
      @ assignable k.pv[Kernel.PV_IRQ + priv * Kernel.NIRQ + irq];
      @*/
    public static int allowIrq(Kernel k, int priv, int irq, boolean on) {
        if (priv < 0 || priv >= Kernel.NPRIV || irq < 0 || irq >= Kernel.NIRQ) {
            return Abi.EINVAL;
        }
        //@ assert 0 <= priv * Kernel.NIRQ + irq && priv * Kernel.NIRQ + irq < Kernel.NPRIV * Kernel.NIRQ;
        k.pv[Kernel.PV_IRQ + priv * Kernel.NIRQ + irq] = on;
        return Abi.OK;
    }

    // Preservation of wellFormed() is one frame case (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= priv && priv < Kernel.NPRIV;
      @ ensures \result == Abi.OK && \invariant_for(k) && k.pv[Kernel.PV_GRANT + priv] == on;
      @ assignable k.pv[Kernel.PV_GRANT + priv];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires priv < 0 || priv >= Kernel.NPRIV;
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
      @ assignable k.pv[Kernel.PV_GRANT + priv];
      @*/
    public static int allowGrants(Kernel k, int priv, boolean on) {
        if (priv < 0 || priv >= Kernel.NPRIV) {
            return Abi.EINVAL;
        }
        k.pv[Kernel.PV_GRANT + priv] = on;
        return Abi.OK;
    }

    // Preservation of wellFormed(): one frame case, and one for wfPriv (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= priv && priv < Kernel.NPRIV && 0 <= prio && prio < Abi.NR_PRIORITIES
      @   && 1 <= quantum && quantum <= Kernel.MAX_QUANTUM;
      @ ensures \result == Abi.OK && \invariant_for(k);
      @ ensures k.pvi[Kernel.PV_PRIO + priv] == prio && k.pvi[Kernel.PV_QUANT + priv] == quantum;
      @ assignable k.pvi[Kernel.PV_PRIO + priv], k.pvi[Kernel.PV_QUANT + priv];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires priv < 0 || priv >= Kernel.NPRIV || prio < 0 || prio >= Abi.NR_PRIORITIES
      @   || quantum < 1 || quantum > Kernel.MAX_QUANTUM;
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
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfReply();
      @ ensures k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfReply();
      @ assignable k.pvi[Kernel.PV_PRIO + priv], k.pvi[Kernel.PV_QUANT + priv];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfPriv();
      @ ensures k.wfPriv();
      @ assignable k.pvi[Kernel.PV_PRIO + priv], k.pvi[Kernel.PV_QUANT + priv];
      @*/
    public static int setSchedLimits(Kernel k, int priv, int prio, int quantum) {
        if (priv < 0 || priv >= Kernel.NPRIV || prio < 0 || prio >= Abi.NR_PRIORITIES
                || quantum < 1 || quantum > Kernel.MAX_QUANTUM) {
            return Abi.EINVAL;
        }
        k.pvi[Kernel.PV_PRIO + priv] = prio;
        k.pvi[Kernel.PV_QUANT + priv] = quantum;
        return Abi.OK;
    }

    // Preservation of wellFormed(): one frame case, and one for wfPriv (see Sched.tick).
    /*@ public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= priv && priv < Kernel.NPRIV && 0 <= first && first <= last && last <= 65535
      @   && 0 <= k.pvi[Kernel.PV_IOCOUNT + priv] && k.pvi[Kernel.PV_IOCOUNT + priv] < Kernel.NIO;
      @ ensures \result == Abi.OK && \invariant_for(k);
      @ ensures k.pvi[Kernel.PV_IOCOUNT + priv] == \old(k.pvi[Kernel.PV_IOCOUNT + priv]) + 1;
      @ ensures k.pvi[Kernel.PV_IOLO + priv * Kernel.NIO + \old(k.pvi[Kernel.PV_IOCOUNT + priv])] == first;
      @ ensures k.pvi[Kernel.PV_IOHI + priv * Kernel.NIO + \old(k.pvi[Kernel.PV_IOCOUNT + priv])] == last;
      @ assignable k.pvi[Kernel.PV_IOCOUNT + priv],
      @   k.pvi[Kernel.PV_IOLO + priv * Kernel.NIO + k.pvi[Kernel.PV_IOCOUNT + priv]],
      @   k.pvi[Kernel.PV_IOHI + priv * Kernel.NIO + k.pvi[Kernel.PV_IOCOUNT + priv]];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires priv < 0 || priv >= Kernel.NPRIV || first < 0 || first > last || last > 65535;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= priv && priv < Kernel.NPRIV && 0 <= first && first <= last && last <= 65535
      @   && (k.pvi[Kernel.PV_IOCOUNT + priv] < 0 || k.pvi[Kernel.PV_IOCOUNT + priv] >= Kernel.NIO);
      @ ensures \result == Abi.ENOMEM;
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
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfReply();
      @ ensures k.wfRunq() && k.wfFree() && k.wfRange() && k.wfTicks() && k.wfStamp() && k.wfSend()
      @   && k.wfRecv() && k.wfNote() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfReply();
      @ assignable k.pvi[Kernel.PV_IOCOUNT + priv],
      @   k.pvi[Kernel.PV_IOLO + priv * Kernel.NIO + k.pvi[Kernel.PV_IOCOUNT + priv]],
      @   k.pvi[Kernel.PV_IOHI + priv * Kernel.NIO + k.pvi[Kernel.PV_IOCOUNT + priv]];
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k) && k.wfPriv();
      @ ensures k.wfPriv();
      @ assignable k.pvi[Kernel.PV_IOCOUNT + priv],
      @   k.pvi[Kernel.PV_IOLO + priv * Kernel.NIO + k.pvi[Kernel.PV_IOCOUNT + priv]],
      @   k.pvi[Kernel.PV_IOHI + priv * Kernel.NIO + k.pvi[Kernel.PV_IOCOUNT + priv]];
      @*/
    public static int addIoRange(Kernel k, int priv, int first, int last) {
        if (priv < 0 || priv >= Kernel.NPRIV || first < 0 || first > last || last > 65535) {
            return Abi.EINVAL;
        }
        int n = k.pvi[Kernel.PV_IOCOUNT + priv];
        // A negative count only exists in a state wellFormed() rules out; refusing it keeps
        // the index below in range without that precondition.
        if (n < 0 || n >= Kernel.NIO) {
            return Abi.ENOMEM;
        }
        //@ assert 0 <= priv * Kernel.NIO + n && priv * Kernel.NIO + n < Kernel.NPRIV * Kernel.NIO;
        k.pvi[Kernel.PV_IOLO + priv * Kernel.NIO + n] = first;
        k.pvi[Kernel.PV_IOHI + priv * Kernel.NIO + n] = last;
        k.pvi[Kernel.PV_IOCOUNT + priv] = n + 1;
        return Abi.OK;
    }

    /*@ public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + caller] && k.pr[Kernel.PRIV + caller] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && 0 <= nr && nr < Kernel.NSYS;
      @ ensures \result == Abi.OK <==> k.pv[Kernel.PV_CALL + k.pr[Kernel.PRIV + caller] * Kernel.NSYS + nr];
      @ ensures \result == Abi.OK || \result == Abi.ECALLDENIED;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && (nr < 0 || nr >= Kernel.NSYS);
      @ ensures \result == Abi.ENOSYS;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires caller < 0 || caller >= Kernel.NP || !k.used[caller];
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @*/
    public static int checkKernelCall(Kernel k, int caller, int nr) {
        if (caller < 0 || caller >= Kernel.NP || !k.used[caller]) {
            return Abi.EINVAL;
        }
        if (nr < 0 || nr >= Kernel.NSYS) {
            return Abi.ENOSYS;
        }
        int v = k.pr[Kernel.PRIV + caller];
        if (v < 0 || v >= Kernel.NPRIV) {
            return Abi.ECALLDENIED;
        }
        //@ assert 0 <= v * Kernel.NSYS + nr && v * Kernel.NSYS + nr < Kernel.NPRIV * Kernel.NSYS;
        return k.pv[Kernel.PV_CALL + v * Kernel.NSYS + nr] ? Abi.OK : Abi.ECALLDENIED;
    }

    /*@ public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + caller] && k.pr[Kernel.PRIV + caller] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller] && 0 <= irq && irq < Kernel.NIRQ;
      @ ensures \result == Abi.OK <==> k.pv[Kernel.PV_IRQ + k.pr[Kernel.PRIV + caller] * Kernel.NIRQ + irq];
      @ ensures \result == Abi.OK || \result == Abi.EPERM;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires caller < 0 || caller >= Kernel.NP || !k.used[caller] || irq < 0 || irq >= Kernel.NIRQ;
      @ ensures \result == Abi.EPERM;
      @ assignable \nothing;
      @*/
    public static int checkIrq(Kernel k, int caller, int irq) {
        if (caller < 0 || caller >= Kernel.NP || !k.used[caller] || irq < 0 || irq >= Kernel.NIRQ) {
            return Abi.EPERM;
        }
        int v = k.pr[Kernel.PRIV + caller];
        if (v < 0 || v >= Kernel.NPRIV) {
            return Abi.EPERM;
        }
        //@ assert 0 <= v * Kernel.NIRQ + irq && v * Kernel.NIRQ + irq < Kernel.NPRIV * Kernel.NIRQ;
        return k.pv[Kernel.PV_IRQ + v * Kernel.NIRQ + irq] ? Abi.OK : Abi.EPERM;
    }

    /*@ public normal_behavior
      @ requires 0 <= k.pr[Kernel.PRIV + caller] && k.pr[Kernel.PRIV + caller] < Kernel.NPRIV;
      @ requires k != null && \invariant_for(k);
      @ requires 0 <= caller && caller < Kernel.NP && k.used[caller];
      @ requires 0 <= port && port <= 65535 && 1 <= bytes && bytes <= 4;
      @ ensures \result == Abi.OK <==> k.pvi[Kernel.PV_IOCOUNT + k.pr[Kernel.PRIV + caller]] <= Kernel.NIO
      @   && (\exists int a; Kernel.PV_IOLO + k.pr[Kernel.PRIV + caller] * Kernel.NIO <= a
      @     && a < Kernel.PV_IOLO + k.pr[Kernel.PRIV + caller] * Kernel.NIO + k.pvi[Kernel.PV_IOCOUNT + k.pr[Kernel.PRIV + caller]];
      @   k.pvi[a] <= port && port + bytes - 1 <= k.pvi[a + (Kernel.PV_IOHI - Kernel.PV_IOLO)]);
      @ ensures \result == Abi.OK || \result == Abi.EPERM;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires k != null && \invariant_for(k);
      @ requires caller < 0 || caller >= Kernel.NP || !k.used[caller]
      @   || port < 0 || port > 65535 || bytes < 1 || bytes > 4;
      @ ensures \result == Abi.EPERM;
      @ assignable \nothing;
      @*/
    public static int checkIo(Kernel k, int caller, int port, int bytes) {
        if (caller < 0 || caller >= Kernel.NP || !k.used[caller]
                || port < 0 || port > 65535 || bytes < 1 || bytes > 4) {
            return Abi.EPERM;
        }
        int v = k.pr[Kernel.PRIV + caller];
        if (v < 0 || v >= Kernel.NPRIV) {
            return Abi.EPERM;
        }
        int n = k.pvi[Kernel.PV_IOCOUNT + v];
        if (n < 0 || n > Kernel.NIO) {
            return Abi.EPERM;
        }
        //@ assert 1 <= port + bytes && port + bytes <= 65539;
        int last = port + bytes - 1;
        // The scan and its invariant run over absolute indices a of the PV_IOLO entries (the
        // matching PV_IOHI entry is a + (PV_IOHI - PV_IOLO)): a quantifier over pvi[j] is
        // instantiated by KeY directly, one over pvi[PV_IOLO + v * NIO + j] was not.
        int lo = Kernel.PV_IOLO + v * Kernel.NIO;
        //@ assert 0 <= lo + n && lo + n <= Kernel.PV_IOHI;
        int end = lo + n;
        /*@ loop_invariant lo <= a && a <= end;
          @ loop_invariant (\forall int j; lo <= j && j < a;
          @   k.pvi[j] > port || last > k.pvi[j + (Kernel.PV_IOHI - Kernel.PV_IOLO)]);
          @ assignable \strictly_nothing;
          @ decreases end - a;
          @*/
        for (int a = lo; a < end; a++) {
            if (k.pvi[a] <= port && last <= k.pvi[a + (Kernel.PV_IOHI - Kernel.PV_IOLO)]) {
                return Abi.OK;
            }
        }
        return Abi.EPERM;
    }
}
