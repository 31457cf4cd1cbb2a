package dev.noreset.kernel.core;

/** Layout probe, three conjuncts and five flags written: one array per flag. */
final class ProbeA2 {
    static final int N = 64;

    boolean[] used;
    boolean[] sending;
    boolean[] receiving;
    boolean[] stopped;
    boolean[] runq;
    boolean[] gotmsg;
    boolean[] ready;
    boolean[] reply;
    int[] res;
    /*@ invariant used != null && used.length == N && sending != null && sending.length == N
      @   && receiving != null && receiving.length == N && stopped != null && stopped.length == N
      @   && runq != null && runq.length == N && gotmsg != null && gotmsg.length == N && ready != null && ready.length == N && reply != null && reply.length == N && res != null && res.length == N;
      @ invariant used != sending && used != receiving && used != stopped && used != runq && used != gotmsg && used != ready && used != reply && sending != receiving && sending != stopped && sending != runq && sending != gotmsg && sending != ready && sending != reply && receiving != stopped && receiving != runq && receiving != gotmsg && receiving != ready && receiving != reply && stopped != runq && stopped != gotmsg && stopped != ready && stopped != reply && runq != gotmsg && runq != ready && runq != reply && gotmsg != ready && gotmsg != reply && ready != reply;
      @*/

    /*@ normal_behavior
      @ ensures wf();
      @ assignable \nothing;
      @*/
    ProbeA2() {
        boolean[] u = Fresh.flags(N);
        boolean[] se = Fresh.flags(N);
        boolean[] rc = Fresh.flags(N);
        boolean[] st = Fresh.flags(N);
        boolean[] rq = Fresh.flags(N);
        boolean[] gm = Fresh.flags(N);
        boolean[] rd = Fresh.flags(N);
        boolean[] rp = Fresh.flags(N);
        int[] r = Fresh.ints(N);
        used = u;
        sending = se;
        receiving = rc;
        stopped = st;
        runq = rq;
        gotmsg = gm;
        ready = rd;
        reply = rp;
        res = r;
    }

    /*@ public model_behavior
      @ accessible this.used, this.sending, this.receiving, this.stopped, this.runq, used[*], sending[*], receiving[*], stopped[*], runq[*];
      @ public helper model boolean wf1() {
      @   return (\forall int p; 0 <= p && p < N; runq[p] <==> used[p] && !sending[p] && !receiving[p] && !stopped[p]);
      @ }
      @*/

    /*@ public model_behavior
      @ accessible this.used, this.sending, this.receiving, this.stopped, this.runq, used[*], sending[*],
      @   receiving[*], stopped[*], runq[*], this.ready, this.reply, ready[*], reply[*];
      @ public helper model boolean wf() {
      @   return (\forall int p; 0 <= p && p < N; runq[p] <==> used[p] && !sending[p] && !receiving[p] && !stopped[p])
      @     && (\forall int p; 0 <= p && p < N; !used[p] ==> !sending[p] && !receiving[p] && !stopped[p] && !reply[p] && !ready[p])
      @     && (\forall int p; 0 <= p && p < N; reply[p] ==> receiving[p]);
      @ }
      @*/

    /*@ normal_behavior
      @ requires \invariant_for(this) && 0 <= d && d < N;
      @ ensures !receiving[d] && gotmsg[d] && ready[d] && !reply[d] && res[d] == 0;
      @ ensures runq[d] == (used[d] && !sending[d] && !receiving[d] && !stopped[d]);
      @ assignable receiving[d], gotmsg[d], ready[d], reply[d], runq[d], res[d];
      @*/
    /*@ helper @*/ void wake(int d) {
        receiving[d] = false;
        gotmsg[d] = true;
        ready[d] = true;
        reply[d] = false;
        res[d] = 0;
        runq[d] = used[d] && !sending[d] && !receiving[d] && !stopped[d];
    }

    /*@ normal_behavior
      @ requires wf() && 0 <= d && d < N;
      @ ensures wf();
      @ assignable used[*], sending[*], receiving[*], stopped[*], runq[*], gotmsg[*], ready[*], reply[*], res[*];
      @*/
    void op(int d) {
        if (used[d] && receiving[d]) {
            wake(d);
        }
    }
}
