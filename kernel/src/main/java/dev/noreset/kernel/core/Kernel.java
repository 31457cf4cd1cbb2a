package dev.noreset.kernel.core;

/**
 * State of the verified core: process table, IPC and scheduler state, privilege records and
 * grant tables, with the class invariants every operation (Procs, Ipc, Sched, Privs, Grants)
 * preserves.
 *
 * <p>Why packed arrays: KeY reasons about distinct arrays only when told they are distinct,
 * and about objects in an array only through quantified aliasing facts. So most kinds of state
 * are one array laid out field-major ({@code pr[SENDTO + p]} is the send target of slot p):
 * a write to one field of one slot provably leaves every other field and slot alone by linear
 * arithmetic on the index. The exception is the process flags: one boolean array per flag
 * ({@code used[p]}, {@code sending[p]}, ...), because the IPC operations write several flags
 * of one or two slots and their "preserves wellFormed()" proofs read every flag of every slot.
 * In one flat array each such read after a call is a disjunction of index equations that KeY
 * splits on before it uses the ranges that refute them; with one array per flag a read of a
 * flag the call does not assign is decided by the arrays' distinctness (proofs/README, "The
 * per-flag layout"). Queues are not linked lists: a blocked sender records its target
 * and an enqueue stamp, so "a blocked sender sits in exactly one queue" holds by construction
 * and the FIFO head is the smallest stamp; run queues are likewise (priority, stamp).
 */
public final class Kernel {
    // ---- sizes (all derived from spec/abi) ----
    static final int NP = Abi.NR_PROCS;
    /** 32-bit words per message. */
    static final int MW = Abi.MESSAGE_SIZE / 4;
    static final int NPRIV = Abi.NR_PRIVS;
    static final int NSYS = Abi.NR_SYS_CALLS;
    /** IPC operation numbers 0..SENDA index the trap mask. */
    static final int NTRAP = Abi.SENDA + 1;
    /** IRQ lines of the PIC pair. */
    static final int NIRQ = 16;
    /** I/O port ranges per privilege record. */
    static final int NIO = 8;
    static final int AK = Abi.SENDA_MAX;
    static final int NA = NP * AK;
    static final int NG = NP * Abi.NR_GRANTS;
    /** Notification sources per receiver: slots 0..NP-1, then SYSTEM, HARDWARE, CLOCK. */
    static final int NSRC = NP + 3;
    static final int EP_SCALE = 1 << Abi.ENDPOINT_SLOT_BITS;
    /** Largest generation whose endpoints still fit a positive int. */
    static final int MAX_GEN = (1 << (31 - Abi.ENDPOINT_SLOT_BITS)) - 1;
    static final int MAX_QUANTUM = 1000;

    // ---- process record ints: pr[F + slot] ----
    static final int GEN = 0;
    static final int PRIO = NP;
    static final int QUANT = 2 * NP;
    static final int TICKS = 3 * NP;
    static final int PRIV = 4 * NP;
    static final int SENDTO = 5 * NP;
    /** Slot the process receives from, -1 for ANY. */
    static final int RECVFROM = 6 * NP;
    static final int RESULT = 7 * NP;
    static final int ACOUNT = 8 * NP;
    static final int PR_SIZE = 9 * NP;

    // ---- stamps: st[F + slot] ----
    static final int RUNSTAMP = 0;
    static final int SENDSTAMP = NP;

    // ---- SENDA tables: asy[F + slot * AK + i], ab[F + slot * AK + i] ----
    static final int A_DST = 0;
    static final int A_RES = NA;
    /** Endpoint the glue loaded for the entry; resolved to A_DST when SENDA runs. */
    static final int A_EP = 2 * NA;
    static final int A_VALID = 0;
    static final int A_PEND = NA;
    static final int A_DONE = 2 * NA;

    // ---- privilege records ----
    static final int PV_PRIO = 0;
    static final int PV_QUANT = NPRIV;
    static final int PV_IOCOUNT = 2 * NPRIV;
    static final int PV_IOLO = 3 * NPRIV;
    static final int PV_IOHI = 3 * NPRIV + NPRIV * NIO;
    static final int PVI_SIZE = 3 * NPRIV + 2 * NPRIV * NIO;
    static final int PV_IPC = 0;
    static final int PV_CALL = NPRIV * NP;
    static final int PV_TRAP = PV_CALL + NPRIV * NSYS;
    static final int PV_IRQ = PV_TRAP + NPRIV * NTRAP;
    static final int PV_GRANT = PV_IRQ + NPRIV * NIRQ;
    static final int PVB_SIZE = PV_GRANT + NPRIV;

    // ---- last index of each region that a footprint or assignable clause names ----
    // KeY replaces a constant by its value but leaves "X + NP - 1" to its arithmetic rules, which
    // then run wherever the bound is instantiated, in every proof that applies a footprint.
    // Kernel.wellFormed()'s dependency proof: 11,934 -> 8,799 nodes (proofs/README, "Region ends").
    static final int GEN_END = GEN + NP - 1;
    static final int PRIO_END = PRIO + NP - 1;
    static final int QUANT_END = QUANT + NP - 1;
    static final int TICKS_END = TICKS + NP - 1;
    static final int PRIV_END = PRIV + NP - 1;
    static final int SENDTO_END = SENDTO + NP - 1;
    static final int RECVFROM_END = RECVFROM + NP - 1;
    static final int ACOUNT_END = ACOUNT + NP - 1;
    static final int A_DST_END = A_DST + NA - 1;
    static final int A_RES_END = A_RES + NA - 1;
    static final int A_PEND_END = A_PEND + NA - 1;
    static final int A_DONE_END = A_DONE + NA - 1;
    static final int PV_PRIO_END = PV_PRIO + NPRIV - 1;
    static final int PV_QUANT_END = PV_QUANT + NPRIV - 1;
    static final int PV_IOCOUNT_END = PV_IOCOUNT + NPRIV - 1;

    // ---- grant tables: gr[F + owner * NR_GRANTS + index] ----
    static final int G_SEQ = 0;
    static final int G_GRANTEE = NG;
    static final int G_ADDR = 2 * NG;
    static final int G_SIZE = 3 * NG;
    static final int G_FROM = 4 * NG;
    static final int G_FROMID = 5 * NG;
    static final int G_USED = 0;
    static final int G_READ = NG;
    static final int G_WRITE = 2 * NG;
    static final int G_IND = 3 * NG;

    /*@ spec_public @*/ final int[] pr;
    // ---- process flags, one array per flag, indexed by slot ----
    /** The slot holds a process. */
    /*@ spec_public @*/ final boolean[] used;
    /*@ spec_public @*/ final boolean[] sending;
    /*@ spec_public @*/ final boolean[] receiving;
    /*@ spec_public @*/ final boolean[] stopped;
    /*@ spec_public @*/ final boolean[] runq;
    /** SENDREC in progress: only the destination's reply (not a notification) ends it. */
    /*@ spec_public @*/ final boolean[] reply;
    /** An IPC result is waiting for the glue... */
    /*@ spec_public @*/ final boolean[] ready;
    /** ...and it came with a message in the buffer. */
    /*@ spec_public @*/ final boolean[] gotMsg;
    // ---- everything else ----
    /*@ spec_public @*/ final long[] st;
    /*@ spec_public @*/ final int[] msg;
    /*@ spec_public @*/ final boolean[] note;
    /*@ spec_public @*/ final int[] asy;
    /*@ spec_public @*/ final boolean[] ab;
    /*@ spec_public @*/ final int[] amsg;
    /*@ spec_public @*/ final int[] pvi;
    /*@ spec_public @*/ final boolean[] pv;
    /*@ spec_public @*/ final int[] gr;
    /*@ spec_public @*/ final boolean[] gb;
    /** Enqueue clock for run-queue and sender FIFO stamps. */
    /*@ spec_public @*/ long clock;
    /*@ spec_public @*/ int resolvedGranter;
    /*@ spec_public @*/ int resolvedAddr;
    /*@ spec_public @*/ int lastAsyncSender;
    /*@ spec_public @*/ int lastAsyncIndex;

    // Flat clauses on purpose: KeY's JML parser slows down exponentially with parenthesis depth.
    //@ public invariant pr != null && pr.length == PR_SIZE && used != null && used.length == NP;
    //@ public invariant sending != null && sending.length == NP && receiving != null && receiving.length == NP;
    //@ public invariant stopped != null && stopped.length == NP && runq != null && runq.length == NP;
    //@ public invariant reply != null && reply.length == NP && ready != null && ready.length == NP;
    //@ public invariant gotMsg != null && gotMsg.length == NP;
    //@ public invariant st != null && st.length == 2 * NP && msg != null && msg.length == NP * MW;
    //@ public invariant note != null && note.length == NP * NSRC && asy != null && asy.length == 3 * NA;
    //@ public invariant ab != null && ab.length == 3 * NA && amsg != null && amsg.length == NA * MW;
    //@ public invariant pvi != null && pvi.length == PVI_SIZE && pv != null && pv.length == PVB_SIZE;
    //@ public invariant gr != null && gr.length == 6 * NG && gb != null && gb.length == 4 * NG;
    //@ public invariant pr != msg && pr != asy && pr != amsg && pr != pvi && pr != gr && msg != asy;
    //@ public invariant msg != amsg && msg != pvi && msg != gr && asy != amsg && asy != pvi && asy != gr;
    //@ public invariant amsg != pvi && amsg != gr && pvi != gr;
    //@ public invariant used != note && sending != note && receiving != note && stopped != note;
    //@ public invariant runq != note && reply != note && ready != note && gotMsg != note;
    //@ public invariant used != ab && sending != ab && receiving != ab && stopped != ab;
    //@ public invariant runq != ab && reply != ab && ready != ab && gotMsg != ab;
    //@ public invariant used != pv && sending != pv && receiving != pv && stopped != pv;
    //@ public invariant runq != pv && reply != pv && ready != pv && gotMsg != pv;
    //@ public invariant used != gb && sending != gb && receiving != gb && stopped != gb;
    //@ public invariant runq != gb && reply != gb && ready != gb && gotMsg != gb;
    //@ public invariant note != ab && note != pv && note != gb && ab != pv && ab != gb && pv != gb;
    //@ public invariant 0 <= clock;
    //@ public invariant used != sending && used != receiving && used != stopped && used != runq && used != reply && used != ready && used != gotMsg;
    //@ public invariant sending != receiving && sending != stopped && sending != runq && sending != reply && sending != ready && sending != gotMsg;
    //@ public invariant receiving != stopped && receiving != runq && receiving != reply && receiving != ready && receiving != gotMsg;
    //@ public invariant stopped != runq && stopped != reply && stopped != ready && stopped != gotMsg;
    //@ public invariant runq != reply && runq != ready && runq != gotMsg;
    //@ public invariant reply != ready && reply != gotMsg;
    //@ public invariant ready != gotMsg;

    /**
     * The kernel's state invariants (MINIX "runnable" data invariant, queue and notification
     * hygiene, ranges). Stated as a model predicate rather than as class invariants so that
     * the cheap shape invariants above do not drag these quantified formulas into every proof:
     * each operation has a functional contract and a separate "preserves wellFormed" contract
     * (proofs/index.tsv lists which of those KeY closes). CoreInvariants mirrors it for tests.
     * Conjuncts: runnable <=> in run queue; free slots carry no state; ranges; a blocked sender
     * waits on a live other; a receiver waits for ANY or a live other; reply pending =>
     * receiving; notify bits only between live processes; pending SENDA entries name live
     * processes; privilege record ranges. The footprint is listed in the order KeY sorts a
     * union of locations into (by field name, a field before its elements, array ranges last):
     * listed in another order, KeY spends most of its dependency proof sorting the union
     * (proofs/README "Footprints in KeY's order").
     */
    /*@ public model_behavior
      @ accessible this.ab, this.asy, this.clock, this.note, note[*], this.pr, this.pvi, this.ready, ready[*],
      @   this.receiving, receiving[*], this.reply, reply[*], this.runq, runq[*], this.sending,
      @   sending[*], this.st, st[*], this.stopped, stopped[*], this.used, used[*],
      @   ab[A_PEND .. A_PEND_END], asy[A_DST .. A_DST_END], pr[GEN .. RECVFROM_END],
      @   pr[ACOUNT .. ACOUNT_END], pvi[PV_PRIO .. PV_IOCOUNT_END];
      @ public model boolean wellFormed() {
      @   return wfRunq() && wfFree() && wfRange() && wfTicks() && wfStamp() && wfSend()
      @     && wfRecv() && wfNote() && wfAsyncSrc() && wfAsyncDst() && wfPriv() && wfReply();
      @ }
      @*/

    /** Runnable (live, not blocked, not stopped) exactly when in the run queue. */
    /*@ public model_behavior
      @ accessible this.receiving, receiving[*], this.runq, runq[*], this.sending, sending[*], this.stopped,
      @   stopped[*], this.used, used[*];
      @ public helper model boolean wfRunq() {
      @   return (\forall int p; 0 <= p && p < NP;
      @       runq[p] <==> used[p] && !sending[p] && !receiving[p] && !stopped[p]);
      @ }
      @*/

    /** A free slot is not blocked, stopped or replying, holds no result and owns no SENDA entries. */
    /*@ public model_behavior
      @ accessible this.pr, this.ready, ready[*], this.receiving, receiving[*], this.reply, reply[*],
      @   this.sending, sending[*], this.stopped, stopped[*], this.used, used[*],
      @   pr[ACOUNT .. ACOUNT_END];
      @ public helper model boolean wfFree() {
      @   return (\forall int p; 0 <= p && p < NP; !used[p] ==> !sending[p]
      @       && !receiving[p] && !stopped[p] && !reply[p] && !ready[p] && pr[ACOUNT + p] == 0);
      @ }
      @*/

    /** Generation, priority and privilege id ranges. */
    /*@ public model_behavior
      @ accessible this.pr, pr[GEN .. GEN_END], pr[PRIO .. PRIO_END], pr[PRIV .. PRIV_END];
      @ public helper model boolean wfRange() {
      @   return (\forall int p; 0 <= p && p < NP; 0 <= pr[GEN + p] && pr[GEN + p] <= MAX_GEN
      @       && 0 <= pr[PRIO + p] && pr[PRIO + p] < Abi.NR_PRIORITIES && 0 <= pr[PRIV + p]
      @   && pr[PRIV + p] < NPRIV);
      @ }
      @*/

    /** Ticks within the quantum, quantum and SENDA count ranges. */
    /*@ public model_behavior
      @ accessible this.pr, pr[TICKS .. TICKS_END], pr[QUANT .. QUANT_END], pr[ACOUNT .. ACOUNT_END];
      @ public helper model boolean wfTicks() {
      @   return (\forall int p; 0 <= p && p < NP; 0 <= pr[TICKS + p] && pr[TICKS + p] <= pr[QUANT + p]
      @       && pr[QUANT + p] <= MAX_QUANTUM && 0 <= pr[ACOUNT + p] && pr[ACOUNT + p] <= AK);
      @ }
      @*/

    /** Stamps never run ahead of the clock. */
    /*@ public model_behavior
      @ accessible this.clock, this.st, st[*];
      @ public helper model boolean wfStamp() {
      @   return (\forall int p; 0 <= p && p < NP; 0 <= st[RUNSTAMP + p] && st[RUNSTAMP + p] <= clock
      @       && 0 <= st[SENDSTAMP + p] && st[SENDSTAMP + p] <= clock);
      @ }
      @*/

    /** A blocked sender waits on a live other process. */
    /*@ public model_behavior
      @ accessible this.pr, this.sending, sending[*], this.used, used[*], pr[SENDTO .. SENDTO_END];
      @ public helper model boolean wfSend() {
      @   return (\forall int p; 0 <= p && p < NP; sending[p] ==> 0 <= pr[SENDTO + p]
      @       && pr[SENDTO + p] < NP && pr[SENDTO + p] != p && used[pr[SENDTO + p]]);
      @ }
      @*/

    /** A receiver waits for ANY or a live other process. */
    /*@ public model_behavior
      @ accessible this.pr, this.receiving, receiving[*], this.used, used[*], pr[RECVFROM .. RECVFROM_END];
      @ public helper model boolean wfRecv() {
      @   return (\forall int p; 0 <= p && p < NP; receiving[p] && pr[RECVFROM + p] != -1
      @       ==> 0 <= pr[RECVFROM + p] && pr[RECVFROM + p] < NP && pr[RECVFROM + p] != p
      @   && used[pr[RECVFROM + p]]);
      @ }
      @*/

    /** Notification bits only between live processes (kernel sources need a live receiver only). */
    /*@ public model_behavior
      @ accessible this.note, note[*], this.used, used[*];
      @ public helper model boolean wfNote() {
      @   return (\forall int d; 0 <= d && d < NP; (\forall int s; 0 <= s && s < NSRC;
      @       note[d * NSRC + s] ==> used[d] && s >= NP || used[d] && used[s]));
      @ }
      @*/

    /**
     * A pending SENDA entry belongs to a live sender. Entry e of slot p's table is
     * A_PEND + e for p * AK <= e < p * AK + AK: quantifying over the absolute index e (not
     * p * AK + i) lets KeY match the array reads with the ground indices of a proof.
     */
    /*@ public model_behavior
      @ accessible this.ab, this.used, used[*], ab[A_PEND .. A_PEND_END];
      @ public helper model boolean wfAsyncSrc() {
      @   return (\forall int p; 0 <= p && p < NP; (\forall int e; p * AK <= e && e < p * AK + AK;
      @       ab[A_PEND + e] ==> used[p]));
      @ }
      @*/

    /** A pending SENDA entry names a live destination. */
    /*@ public model_behavior
      @ accessible this.ab, this.asy, this.used, used[*], ab[A_PEND .. A_PEND_END], asy[A_DST .. A_DST_END];
      @ public helper model boolean wfAsyncDst() {
      @   return (\forall int e; 0 <= e && e < NA; ab[A_PEND + e]
      @       ==> 0 <= asy[A_DST + e] && asy[A_DST + e] < NP && used[asy[A_DST + e]]);
      @ }
      @*/

    /** Privilege record ranges (I/O range count, priority, quantum). */
    /*@ public model_behavior
      @ accessible this.pvi, pvi[PV_PRIO .. PV_PRIO_END], pvi[PV_QUANT .. PV_QUANT_END],
      @   pvi[PV_IOCOUNT .. PV_IOCOUNT_END];
      @ public helper model boolean wfPriv() {
      @   return (\forall int v; 0 <= v && v < NPRIV; 0 <= pvi[PV_IOCOUNT + v] && pvi[PV_IOCOUNT + v] <= NIO
      @       && 0 <= pvi[PV_PRIO + v] && pvi[PV_PRIO + v] < Abi.NR_PRIORITIES
      @       && 0 <= pvi[PV_QUANT + v] && pvi[PV_QUANT + v] <= MAX_QUANTUM);
      @ }
      @*/

    /**
     * Nobody but p itself is blocked sending to p or receiving from p: what Procs.exit's loop
     * (wakeAll) establishes before the slot is retired. Not a conjunct of wellFormed(); a model
     * method so that exit's composing proofs see it as one atom (proofs/README "exit, closed").
     */
    /*@ public model_behavior
      @ accessible this.pr, this.receiving, receiving[*], this.sending, sending[*],
      @   pr[SENDTO .. SENDTO_END], pr[RECVFROM .. RECVFROM_END];
      @ public helper model boolean nobodyWaitsOn(int p) {
      @   return (\forall int t; 0 <= t && t < NP && t != p; (sending[t] ==> pr[SENDTO + t] != p)
      @       && (receiving[t] ==> pr[RECVFROM + t] != p));
      @ }
      @*/

    /** A pending SENDREC reply implies receiving. */
    /*@ public model_behavior
      @ accessible this.receiving, receiving[*], this.reply, reply[*];
      @ public helper model boolean wfReply() {
      @   return (\forall int p; 0 <= p && p < NP; reply[p] ==> receiving[p]);
      @ }
      @*/

    /*@ public normal_behavior
      @ ensures (\forall int p; 0 <= p && p < NP; !used[p]);
      @ ensures (\forall int v; 0 <= v && v < PVB_SIZE; !pv[v]);
      @ ensures clock == 0;
      @ ensures wellFormed();
      @ assignable \nothing;
      @*/
    public Kernel() {
        // Ordered for the prover, not for the reader. KeY reads a field by walking back over the
        // stores after it, and an array element over the allocations after that array's. So all
        // allocations come first, then the scalar fields, then the array fields, and the arrays
        // wellFormed() reads most (pb, pr) are allocated and stored last. Measured on "establishes
        // wellFormed()": 25,647 nodes as fields in declaration order, each stored as allocated;
        // 24,097 with all allocations first; 20,100 in this order (21,913 since that case and the
        // functional one are a single contract case; 20,106 without origin labels). Arrays whose
        // contents nothing here ensures reads come from Fresh.opaque*: 15,584 (Fresh's comment).
        boolean[] gb0 = Fresh.opaqueFlags(4 * NG);
        int[] gr0 = Fresh.opaqueInts(6 * NG);
        boolean[] pv0 = Fresh.flags(PVB_SIZE);
        int[] amsg0 = Fresh.opaqueInts(NA * MW);
        int[] msg0 = Fresh.opaqueInts(NP * MW);
        int[] pvi0 = Fresh.ints(PVI_SIZE);
        int[] asy0 = Fresh.opaqueInts(3 * NA);
        boolean[] ab0 = Fresh.flags(3 * NA);
        boolean[] note0 = Fresh.flags(NP * NSRC);
        long[] st0 = Fresh.stamps(2 * NP);
        int[] pr0 = Fresh.ints(PR_SIZE);
        boolean[] used0 = Fresh.flags(NP);
        boolean[] sending0 = Fresh.flags(NP);
        boolean[] receiving0 = Fresh.flags(NP);
        boolean[] stopped0 = Fresh.flags(NP);
        boolean[] runq0 = Fresh.flags(NP);
        boolean[] reply0 = Fresh.flags(NP);
        boolean[] ready0 = Fresh.flags(NP);
        boolean[] gotMsg0 = Fresh.flags(NP);
        clock = 0;
        resolvedGranter = -1;
        resolvedAddr = 0;
        lastAsyncSender = -1;
        lastAsyncIndex = -1;
        gb = gb0;
        gr = gr0;
        pv = pv0;
        amsg = amsg0;
        msg = msg0;
        pvi = pvi0;
        asy = asy0;
        ab = ab0;
        note = note0;
        st = st0;
        pr = pr0;
        used = used0;
        sending = sending0;
        receiving = receiving0;
        stopped = stopped0;
        runq = runq0;
        reply = reply0;
        ready = ready0;
        gotMsg = gotMsg0;
    }

    /**
     * Endpoint of (generation, slot); -1 outside the encodable range, which the state
     * invariant rules out but which keeps every caller free of overflow on its own.
     */
    static int ep(int gen, int slot) {
        if (gen < 0 || gen > MAX_GEN || slot < 0 || slot >= NP) {
            return -1;
        }
        //@ assert 0 <= gen * EP_SCALE + slot && gen * EP_SCALE + slot < MAX_GEN * EP_SCALE + NP;
        return gen * EP_SCALE + slot;
    }

    // ---------------------------------------------------------------- queries

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP;
      @ ensures \result == (0 <= slot && slot < NP && used[slot]);
      @ assignable \strictly_nothing;
      @*/
    public /*@ helper @*/ boolean isLive(int slot) {
        return 0 <= slot && slot < NP && used[slot];
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP && pr != null
      @   && pr.length == PR_SIZE;
      @ ensures 0 <= slot && slot < NP && used[slot] && 0 <= pr[GEN + slot] && pr[GEN + slot] <= MAX_GEN
      @   ==> \result == pr[GEN + slot] * EP_SCALE + slot;
      @ ensures slot < 0 || slot >= NP || !used[slot] ==> \result == -1;
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int endpointOf(int slot) {
        if (0 <= slot && slot < NP && used[slot]) {
            return ep(pr[GEN + slot], slot);
        }
        return -1;
    }

    /**
     * The slot an endpoint names in its low bits, when that slot's current endpoint is exactly
     * this one; else -1. One check instead of slotOf's scan for every endpoint in use.
     */
    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP && pr != null
      @   && pr.length == PR_SIZE;
      @ ensures \result >= 0 ==> \result < NP && used[\result] && 0 <= pr[GEN + \result]
      @   && pr[GEN + \result] <= MAX_GEN && pr[GEN + \result] * EP_SCALE + \result == endpoint;
      @ ensures \result >= -1;
      @ assignable \strictly_nothing;
      @*/
    /*@ helper @*/ int slotGuess(int endpoint) {
        int s = endpoint & (EP_SCALE - 1);
        if (endpoint >= 0 && 0 <= s && s < NP && used[s] && ep(pr[GEN + s], s) == endpoint) {
            return s;
        }
        return -1;
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP && pr != null
      @   && pr.length == PR_SIZE;
      @ ensures \result >= 0 ==> \result < NP && used[\result]
      @   && pr[GEN + \result] * EP_SCALE + \result == endpoint;
      @ ensures \result == -1 <==> !(\exists int s; 0 <= s && s < NP; used[s] && 0 <= pr[GEN + s]
      @   && pr[GEN + s] <= MAX_GEN && pr[GEN + s] * EP_SCALE + s == endpoint);
      @ ensures \result >= -1;
      @ assignable \strictly_nothing;
      @*/
    public /*@ helper @*/ int slotOf(int endpoint) {
        int guess = slotGuess(endpoint);
        if (guess >= 0) {
            return guess;
        }
        /*@ loop_invariant 0 <= s && s <= NP;
          @ loop_invariant (\forall int t; 0 <= t && t < s; !used[t] || pr[GEN + t] < 0
          @   || pr[GEN + t] > MAX_GEN || pr[GEN + t] * EP_SCALE + t != endpoint);
          @ assignable \strictly_nothing;
          @ decreases NP - s;
          @*/
        for (int s = 0; s < NP; s++) {
            if (used[s] && endpoint >= 0 && ep(pr[GEN + s], s) == endpoint) {
                return s;
            }
        }
        return -1;
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP;
      @ ensures \result == (0 <= slot && slot < NP && runq[slot]);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ boolean isRunnable(int slot) {
        return 0 <= slot && slot < NP && runq[slot];
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP;
      @ ensures \result == (0 <= slot && slot < NP && sending[slot]);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ boolean isSending(int slot) {
        return 0 <= slot && slot < NP && sending[slot];
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP;
      @ ensures \result == (0 <= slot && slot < NP && receiving[slot]);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ boolean isReceiving(int slot) {
        return 0 <= slot && slot < NP && receiving[slot];
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP;
      @ ensures \result == (0 <= slot && slot < NP && stopped[slot]);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ boolean isStopped(int slot) {
        return 0 <= slot && slot < NP && stopped[slot];
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP;
      @ ensures slot < 0 || slot >= NP ==> \result == 0;
      @ ensures 0 <= slot && slot < NP ==> \result == (sending[slot] ? 1 : 0) + (receiving[slot] ? 2 : 0)
      @   + (stopped[slot] ? 4 : 0);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int flags(int slot) {
        if (slot < 0 || slot >= NP) {
            return 0;
        }
        int f = 0;
        if (sending[slot]) {
            f = f + 1;
        }
        if (receiving[slot]) {
            f = f + 2;
        }
        if (stopped[slot]) {
            f = f + 4;
        }
        return f;
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP && pr != null
      @   && pr.length == PR_SIZE;
      @ ensures \result == (0 <= slot && slot < NP && sending[slot] ? pr[SENDTO + slot] : -1);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int sendTarget(int slot) {
        return 0 <= slot && slot < NP && sending[slot] ? pr[SENDTO + slot] : -1;
    }

    /** Slot the process waits to receive from; -1 for ANY or when not receiving. */
    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP && pr != null
      @   && pr.length == PR_SIZE;
      @ ensures \result == (0 <= slot && slot < NP && receiving[slot] ? pr[RECVFROM + slot] : -1);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int recvSource(int slot) {
        return 0 <= slot && slot < NP && receiving[slot] ? pr[RECVFROM + slot] : -1;
    }

    /*@ public normal_behavior
      @ requires pr != null && pr.length == PR_SIZE;
      @ ensures \result == (0 <= slot && slot < NP ? pr[PRIV + slot] : -1);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int privOf(int slot) {
        return 0 <= slot && slot < NP ? pr[PRIV + slot] : -1;
    }

    /*@ public normal_behavior
      @ requires pr != null && pr.length == PR_SIZE;
      @ ensures \result == (0 <= slot && slot < NP ? pr[PRIO + slot] : -1);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int priority(int slot) {
        return 0 <= slot && slot < NP ? pr[PRIO + slot] : -1;
    }

    /*@ public normal_behavior
      @ requires pr != null && pr.length == PR_SIZE;
      @ ensures \result == (0 <= slot && slot < NP ? pr[GEN + slot] : -1);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int generation(int slot) {
        return 0 <= slot && slot < NP ? pr[GEN + slot] : -1;
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP;
      @ ensures \result == (0 <= slot && slot < NP && ready[slot]);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ boolean resultReady(int slot) {
        return 0 <= slot && slot < NP && ready[slot];
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP && pr != null
      @   && pr.length == PR_SIZE;
      @ ensures \result == (0 <= slot && slot < NP && ready[slot] ? pr[RESULT + slot] : Abi.OK);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int ipcResult(int slot) {
        return 0 <= slot && slot < NP && ready[slot] ? pr[RESULT + slot] : Abi.OK;
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP;
      @ ensures \result == (0 <= slot && slot < NP && ready[slot] && gotMsg[slot]);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ boolean messageReceived(int slot) {
        return 0 <= slot && slot < NP && ready[slot] && gotMsg[slot];
    }

    /*@ public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP;
      @ requires 0 <= slot && slot < NP;
      @ ensures !ready[slot] && !gotMsg[slot];
      @ assignable ready[slot], gotMsg[slot];
      @ also public normal_behavior
      @ requires used != null && used.length == NP && sending != null && sending.length == NP
      @   && receiving != null && receiving.length == NP && stopped != null && stopped.length == NP
      @   && runq != null && runq.length == NP && reply != null && reply.length == NP && ready != null
      @   && ready.length == NP && gotMsg != null && gotMsg.length == NP;
      @ requires slot < 0 || slot >= NP;
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ void clearResult(int slot) {
        if (0 <= slot && slot < NP) {
            ready[slot] = false;
            gotMsg[slot] = false;
        }
    }

    /*@ public normal_behavior
      @ requires msg != null && msg.length == NP * MW;
      @ ensures \result == (0 <= slot && slot < NP && 0 <= w && w < MW ? msg[slot * MW + w] : 0);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int msgWord(int slot, int w) {
        if (0 <= slot && slot < NP && 0 <= w && w < MW) {
            //@ assert 0 <= slot * MW + w && slot * MW + w < NP * MW;
            return msg[slot * MW + w];
        }
        return 0;
    }

    /*@ public normal_behavior
      @ requires msg != null && msg.length == NP * MW;
      @ requires 0 <= slot && slot < NP && 0 <= w && w < MW;
      @ ensures msg[slot * MW + w] == v;
      @ assignable msg[slot * MW + w];
      @ also public normal_behavior
      @ requires msg != null && msg.length == NP * MW;
      @ requires slot < 0 || slot >= NP || w < 0 || w >= MW;
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ void setMsgWord(int slot, int w, int v) {
        if (0 <= slot && slot < NP && 0 <= w && w < MW) {
            //@ assert 0 <= slot * MW + w && slot * MW + w < NP * MW;
            msg[slot * MW + w] = v;
        }
    }

    /*@ public normal_behavior
      @ ensures \result == resolvedGranter;
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int resolvedGranter() {
        return resolvedGranter;
    }

    /*@ public normal_behavior
      @ ensures \result == resolvedAddr;
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int resolvedAddr() {
        return resolvedAddr;
    }

    /*@ public normal_behavior
      @ ensures \result == lastAsyncSender;
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int lastAsyncSender() {
        return lastAsyncSender;
    }

    /*@ public normal_behavior
      @ ensures \result == lastAsyncIndex;
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int lastAsyncIndex() {
        return lastAsyncIndex;
    }

    /*@ public normal_behavior
      @ requires ab != null && ab.length == 3 * NA;
      @ ensures \result == (0 <= slot && slot < NP && 0 <= i && i < AK && ab[A_DONE + slot * AK + i]);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ boolean asyncDone(int slot, int i) {
        if (0 <= slot && slot < NP && 0 <= i && i < AK) {
            //@ assert 0 <= slot * AK + i && slot * AK + i < NA;
            return ab[A_DONE + slot * AK + i];
        }
        return false;
    }

    /*@ public normal_behavior
      @ requires asy != null && asy.length == 3 * NA;
      @ ensures \result == (0 <= slot && slot < NP && 0 <= i && i < AK ? asy[A_RES + slot * AK + i] : Abi.EINVAL);
      @ assignable \nothing;
      @*/
    public /*@ helper @*/ int asyncResult(int slot, int i) {
        if (0 <= slot && slot < NP && 0 <= i && i < AK) {
            //@ assert 0 <= slot * AK + i && slot * AK + i < NA;
            return asy[A_RES + slot * AK + i];
        }
        return Abi.EINVAL;
    }
}
