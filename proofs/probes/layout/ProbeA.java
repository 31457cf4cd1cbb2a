package dev.noreset.kernel.core;

/** Layout probe: one array per flag. */
final class ProbeA {
    static final int N = 64;

    boolean[] used;
    boolean[] sending;
    boolean[] receiving;
    boolean[] stopped;
    boolean[] runq;
    boolean[] gotmsg;
    int[] res;
    /*@ invariant used != null && used.length == N && sending != null && sending.length == N
      @   && receiving != null && receiving.length == N && stopped != null && stopped.length == N
      @   && runq != null && runq.length == N && gotmsg != null && gotmsg.length == N && res != null && res.length == N;
      @ invariant used != sending && used != receiving && used != stopped && used != runq && used != gotmsg
      @   && sending != receiving && sending != stopped && sending != runq && sending != gotmsg
      @   && receiving != stopped && receiving != runq && receiving != gotmsg && stopped != runq && stopped != gotmsg
      @   && runq != gotmsg;
      @*/

    /*@ public model_behavior
      @ accessible this.used, this.sending, this.receiving, this.stopped, this.runq, used[*], sending[*],
      @   receiving[*], stopped[*], runq[*];
      @ public helper model boolean wf() {
      @   return (\forall int p; 0 <= p && p < N; runq[p] <==> used[p] && !sending[p] && !receiving[p] && !stopped[p]);
      @ }
      @*/

    /*@ normal_behavior
      @ requires \invariant_for(this) && 0 <= d && d < N;
      @ ensures !receiving[d] && gotmsg[d] && res[d] == 0;
      @ ensures runq[d] == (used[d] && !sending[d] && !receiving[d] && !stopped[d]);
      @ assignable receiving[d], gotmsg[d], runq[d], res[d];
      @*/
    /*@ helper @*/ void wake(int d) {
        receiving[d] = false;
        gotmsg[d] = true;
        res[d] = 0;
        runq[d] = used[d] && !sending[d] && !receiving[d] && !stopped[d];
    }

    /*@ normal_behavior
      @ requires wf() && 0 <= d && d < N;
      @ ensures wf();
      @ assignable used[*], sending[*], receiving[*], stopped[*], runq[*], gotmsg[*], res[*];
      @*/
    void op(int d) {
        if (used[d] && receiving[d]) {
            wake(d);
        }
    }
}
