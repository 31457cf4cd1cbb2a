package dev.noreset.kernel.core;

import java.util.Random;

/**
 * Hostile callers: every core entry point called with random arguments on behalf of an
 * unprivileged process (user privilege record, nothing allowed). Every call must return a
 * result code (never throw), no IPC or check from the unprivileged caller may succeed, and
 * every invariant must hold afterwards.
 *
 * <p>Run a million calls (it needs only the kernel's classes and test classes):
 * {@code mvn -q -Dnr.out=target-x -pl kernel -am test-compile} then
 * {@code java -cp kernel/target-x/classes:kernel/target-x/test-classes dev.noreset.kernel.core.HostileCalls 1000000 [seed]}
 */
public final class HostileCalls {
    static final int UNPRIV = 9;
    final Random rnd;
    final World w = new World().sys(4);
    final Memory mem = new Memory(256, 16);
    long calls;
    long errors;

    HostileCalls(long seed) {
        rnd = new Random(seed);
        Privs.setSchedLimits(w.k, World.USER, 8, 3);
        if (Procs.spawn(w.k, UNPRIV, World.USER) < 0) {
            throw new IllegalStateException("cannot spawn the unprivileged process");
        }
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        long t0 = System.nanoTime();
        HostileCalls h = new HostileCalls(seed);
        h.run(n, 1);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("hostile: %d random calls, %d error results, 0 exceptions, invariants held (seed %d, %.1f s)%n",
                h.calls, h.errors, seed, s);
    }

    /** Runs n calls, checking every invariant after every {@code checkEvery}-th call. */
    void run(long n, int checkEvery) {
        for (long i = 0; i < n; i++) {
            int r = oneCall();
            calls++;
            if (r < 0) {
                errors++;
            }
            if (i % checkEvery == 0) {
                CoreInvariants.check(w.k);
                CoreInvariants.check(mem);
            }
        }
        CoreInvariants.check(w.k);
        CoreInvariants.check(mem);
    }

    int arg() {
        switch (rnd.nextInt(6)) {
            case 0: return rnd.nextInt();
            case 1: return rnd.nextInt(80) - 8;
            case 2: return w.k.endpointOf(rnd.nextInt(Abi.NR_PROCS));
            case 3: return rnd.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            case 4: return rnd.nextInt(3) - 1 + (rnd.nextBoolean() ? Abi.ANY : Abi.HARDWARE);
            default: return rnd.nextInt(1 << 20);
        }
    }

    /** One random entry point; IPC and checks are on behalf of the unprivileged process. */
    int oneCall() {
        Kernel k = w.k;
        int c = UNPRIV;
        int r;
        switch (rnd.nextInt(22)) {
            case 0: r = denied(Ipc.send(k, c, arg())); break;
            case 1: r = denied(Ipc.sendnb(k, c, arg())); break;
            case 2: r = denied(Ipc.sendrec(k, c, arg())); break;
            case 3: r = denied(Ipc.receive(k, c, arg())); break;
            case 4: r = denied(Ipc.notify(k, c, arg())); break;
            case 5: r = denied(Async.senda(k, c, arg())); break;
            case 6: r = Async.setAsyncEntry(k, c, arg(), arg(), rnd.nextBoolean()); break;
            case 7: r = Async.setAsyncWord(k, c, arg(), arg(), arg()); break;
            case 8: r = denied(Privs.checkKernelCall(k, c, arg())); break;
            case 9: r = denied(Privs.checkIo(k, c, arg(), arg())); break;
            case 10: r = denied(Privs.checkIrq(k, c, arg())); break;
            case 11: r = denied(Grants.setDirect(k, c, arg(), arg(), rnd.nextBoolean(), rnd.nextBoolean(), arg(), arg(), arg())); break;
            case 12: r = denied(Grants.setIndirect(k, c, arg(), arg(), true, true, arg(), arg(), arg())); break;
            case 13: r = denied(Grants.resolve(k, c, arg(), arg(), arg(), arg(), rnd.nextBoolean())); break;
            case 14: r = Sched.tick(k, c); break;
            case 15: r = Sched.setPriority(k, c, arg()); break;
            case 16: r = Ipc.notifyFromKernel(k, arg(), arg()); break;
            case 17: r = mem.map(c, arg(), arg(), rnd.nextBoolean()); break;
            case 18: r = mem.unmap(c, arg()); break;
            case 19: r = mem.freeFrame(arg()); break;
            case 20: r = memAlloc(); break;
            default: r = queries(); break;
        }
        k.clearResult(c);
        for (int p = 0; p < 4; p++) {
            k.clearResult(p);
        }
        return r;
    }

    private int memAlloc() {
        int f = mem.allocFrame(UNPRIV, rnd.nextBoolean() ? Memory.USER : rnd.nextInt(5) - 1);
        if (f >= 0 && rnd.nextInt(4) == 0) {
            return mem.releaseProcess(UNPRIV);
        }
        return f;
    }

    private int queries() {
        Kernel k = w.k;
        int a = arg();
        int sum = k.endpointOf(a) + k.slotOf(a) + k.flags(a) + k.sendTarget(a) + k.recvSource(a) + k.privOf(a)
                + k.priority(a) + k.generation(a) + k.ipcResult(a) + k.msgWord(a, arg()) + k.asyncResult(a, arg())
                + Sched.pickNext(k) + mem.lookup(a, arg()) + mem.frameKind(a) + mem.frameOwner(a);
        return sum == Integer.MIN_VALUE ? -1 : 0;
    }

    /** An operation on behalf of the unprivileged process must fail. */
    private static int denied(int r) {
        if (r >= 0) {
            throw new AssertionError("unprivileged call succeeded: " + r);
        }
        if (!(r == Abi.EINVAL || r == Abi.ETRAPDENIED || r == Abi.ECALLDENIED || r == Abi.EPERM || r == Abi.ENOSYS
                || r == Abi.EDEADSRCDST)) {
            throw new AssertionError("unexpected error code for an unprivileged call: " + r);
        }
        return r;
    }
}
