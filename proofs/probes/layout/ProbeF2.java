package dev.noreset.kernel.core;

/** Layout probe, three conjuncts and five flags written: flags in one flat array at offsets (as Kernel.pb). */
final class ProbeF2 {
    static final int N = 64;
    static final int U = 0;
    static final int S = 64;
    static final int R = 128;
    static final int T = 192;
    static final int Q = 256;
    static final int G = 320;
    static final int Y = 384;
    static final int P = 448;
    static final int SIZE = 512;

    boolean[] b;
    int[] res;
    //@ invariant b != null && b.length == SIZE && res != null && res.length == N;

    /*@ normal_behavior
      @ ensures wf();
      @ assignable \nothing;
      @*/
    ProbeF2() {
        boolean[] f = Fresh.flags(SIZE);
        int[] r = Fresh.ints(N);
        b = f;
        res = r;
    }

    /*@ public model_behavior
      @ accessible this.b, b[*];
      @ public helper model boolean wf() {
      @   return (\forall int p; 0 <= p && p < N; b[Q + p] <==> b[U + p] && !b[S + p] && !b[R + p] && !b[T + p])
      @     && (\forall int p; 0 <= p && p < N; !b[U + p] ==> !b[S + p] && !b[R + p] && !b[T + p] && !b[P + p] && !b[Y + p])
      @     && (\forall int p; 0 <= p && p < N; b[P + p] ==> b[R + p]);
      @ }
      @*/

    /*@ normal_behavior
      @ requires b != null && b.length == SIZE && res != null && res.length == N && 0 <= d && d < N;
      @ ensures !b[R + d] && b[G + d] && b[Y + d] && !b[P + d] && res[d] == 0;
      @ ensures b[Q + d] == (b[U + d] && !b[S + d] && !b[R + d] && !b[T + d]);
      @ assignable b[R + d], b[G + d], b[Y + d], b[P + d], b[Q + d], res[d];
      @*/
    /*@ helper @*/ void wake(int d) {
        b[R + d] = false;
        b[G + d] = true;
        b[Y + d] = true;
        b[P + d] = false;
        res[d] = 0;
        b[Q + d] = b[U + d] && !b[S + d] && !b[R + d] && !b[T + d];
    }

    /*@ normal_behavior
      @ requires wf() && 0 <= d && d < N;
      @ ensures wf();
      @ assignable b[*], res[*];
      @*/
    void op(int d) {
        if (b[U + d] && b[R + d]) {
            wake(d);
        }
    }
}
