package dev.noreset.kernel.core;

/** Layout probe, three conjuncts and five flags written: one object per process, a field per flag. */
final class ProbeO2 {
    static final int N = 64;

    ProbeSlot[] s;
    /*@ invariant s != null && s.length == N && (\forall int p; 0 <= p && p < N; s[p] != null);
      @ invariant (\forall int p, q; 0 <= p && p < q && q < N; s[p] != s[q]);
      @*/

    /*@ normal_behavior
      @ ensures wf();
      @ assignable \nothing;
      @*/
    ProbeO2() {
        ProbeSlot[] a = new ProbeSlot[N];
        /*@ loop_invariant 0 <= i && i <= N;
          @ loop_invariant (\forall int j; 0 <= j && j < i; a[j] != null && \fresh(a[j])
          @   && !a[j].used && !a[j].sending && !a[j].receiving && !a[j].stopped && !a[j].runq
          @   && !a[j].reply && !a[j].ready);
          @ loop_invariant (\forall int j, k; 0 <= j && j < k && k < i; a[j] != a[k]);
          @ assignable a[*];
          @ decreases N - i;
          @*/
        for (int i = 0; i < N; i++) {
            a[i] = new ProbeSlot();
        }
        s = a;
    }

    /*@ public model_behavior
      @ accessible this.s, s[*], (\infinite_union int p; 0 <= p && p < N; s[p].*);
      @ public helper model boolean wf1() {
      @   return (\forall int p; 0 <= p && p < N; s[p].runq <==> s[p].used && !s[p].sending && !s[p].receiving && !s[p].stopped);
      @ }
      @*/

    /*@ public model_behavior
      @ accessible this.s, s[*], (\infinite_union int p; 0 <= p && p < N; s[p].*);
      @ public helper model boolean wf() {
      @   return (\forall int p; 0 <= p && p < N; s[p].runq <==> s[p].used && !s[p].sending && !s[p].receiving && !s[p].stopped)
      @     && (\forall int p; 0 <= p && p < N; !s[p].used ==> !s[p].sending && !s[p].receiving && !s[p].stopped && !s[p].reply && !s[p].ready)
      @     && (\forall int p; 0 <= p && p < N; s[p].reply ==> s[p].receiving);
      @ }
      @*/

    /*@ normal_behavior
      @ requires \invariant_for(this) && 0 <= d && d < N;
      @ ensures !s[d].receiving && s[d].gotmsg && s[d].ready && !s[d].reply && s[d].res == 0;
      @ ensures s[d].runq == (s[d].used && !s[d].sending && !s[d].receiving && !s[d].stopped);
      @ assignable s[d].receiving, s[d].gotmsg, s[d].ready, s[d].reply, s[d].runq, s[d].res;
      @*/
    /*@ helper @*/ void wake(int d) {
        ProbeSlot x = s[d];
        x.receiving = false;
        x.gotmsg = true;
        x.ready = true;
        x.reply = false;
        x.res = 0;
        x.runq = x.used && !x.sending && !x.receiving && !x.stopped;
    }

    /*@ normal_behavior
      @ requires wf() && 0 <= d && d < N;
      @ ensures wf();
      @ assignable s[d].receiving, s[d].gotmsg, s[d].ready, s[d].reply, s[d].runq, s[d].res;
      @*/
    void op(int d) {
        if (s[d].used && s[d].receiving) {
            wake(d);
        }
    }
}
