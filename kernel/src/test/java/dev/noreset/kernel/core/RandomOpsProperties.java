package dev.noreset.kernel.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random operation sequences (IPC of every kind, deaths, respawns, scheduling, memory,
 * grants) against the core. After every step: the JML invariants (CoreInvariants) and a
 * reference model of message delivery: every delivered message was sent to this receiver's
 * current endpoint, carries its sender's endpoint as source, arrives at most once, never
 * after its sender died, and per (sender, receiver) in send order.
 */
class RandomOpsProperties {
    static final int N = 10;

    /** A message in flight: who sent it (slot and endpoint at send time) to which endpoint. */
    record Sent(int sender, int senderEp, int dstEp, long id) { }

    static final class Run {
        final World w = new World().sys(N);
        final Memory mem = new Memory(128, 8);
        final Random rnd;
        final Map<Long, Sent> inFlight = new HashMap<>();
        final Set<Long> dead = new HashSet<>();
        final Map<Long, Long> lastIdPair = new HashMap<>();
        final Map<Integer, List<Long>> asyncOf = new HashMap<>();
        final java.util.ArrayDeque<String> trace = new java.util.ArrayDeque<>();
        long nextId = 1;
        int delivered;
        int notes;

        Run(long seed) {
            rnd = new Random(seed);
        }

        int liveEp() {
            return w.k.endpointOf(rnd.nextInt(N));
        }

        int runnable() {
            List<Integer> r = new ArrayList<>();
            for (int p = 0; p < N; p++) {
                if (w.k.isRunnable(p)) {
                    r.add(p);
                }
            }
            return r.isEmpty() ? -1 : r.get(rnd.nextInt(r.size()));
        }

        long tag(int c, int dstEp) {
            long id = nextId++;
            w.k.setMsgWord(c, 1, 1);
            w.k.setMsgWord(c, 2, (int) id);
            inFlight.put(id, new Sent(c, w.k.endpointOf(c), dstEp, id));
            return id;
        }

        void step() {
            Kernel k = w.k;
            int c = runnable();
            int op = rnd.nextInt(16);
            if (c < 0) {
                op = 15; // nobody can trap: respawn or wake someone by killing
            }
            trace.addLast("op " + op + " caller " + c + " flags " + java.util.Arrays.toString(flagsOf()));
            if (trace.size() > 12) {
                trace.removeFirst();
            }
            switch (op) {
                case 0, 1 -> {
                    int d = liveEp();
                    long id = tag(c, d);
                    int r = Ipc.send(k, c, d);
                    if (r != Abi.OK) {
                        inFlight.remove(id);
                    }
                }
                case 2 -> {
                    int d = liveEp();
                    long id = tag(c, d);
                    if (Ipc.sendnb(k, c, d) != Abi.OK) {
                        inFlight.remove(id);
                    }
                }
                case 3 -> {
                    int d = liveEp();
                    long id = tag(c, d);
                    if (Ipc.sendrec(k, c, d) != Abi.OK) {
                        inFlight.remove(id);
                    }
                }
                case 4, 5, 6 -> Ipc.receive(k, c, rnd.nextBoolean() ? Abi.ANY : liveEp());
                case 7 -> Ipc.notify(k, c, liveEp());
                case 8 -> {
                    // A new table replaces the old one: its undelivered entries must never arrive.
                    for (long old : asyncOf.computeIfAbsent(c, x -> new ArrayList<>())) {
                        if (inFlight.containsKey(old)) {
                            dead.add(old);
                        }
                    }
                    asyncOf.get(c).clear();
                    int n = rnd.nextInt(3) + 1;
                    for (int i = 0; i < n; i++) {
                        int d = liveEp();
                        Async.setAsyncEntry(k, c, i, d, true);
                        long id = nextId++;
                        Async.setAsyncWord(k, c, i, 1, 2);
                        Async.setAsyncWord(k, c, i, 2, (int) id);
                        inFlight.put(id, new Sent(c, k.endpointOf(c), d, id));
                        asyncOf.get(c).add(id);
                    }
                    Async.senda(k, c, n);
                }
                case 9 -> Sched.tick(k, c);
                case 10 -> Ipc.notifyFromKernel(k, rnd.nextInt(N), Abi.CLOCK);
                case 11 -> memoryStep(c);
                case 12 -> grantStep(c);
                case 13 -> Sched.setPriority(k, c, rnd.nextInt(Abi.NR_PRIORITIES));
                case 14 -> {
                    if (rnd.nextInt(4) == 0) {
                        Procs.stop(k, c);
                    }
                }
                default -> lifeStep();
            }
            try {
                collect();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; last steps: " + trace, e);
            }
            CoreInvariants.check(k);
            CoreInvariants.check(mem);
            int next = Sched.pickNext(k);
            if (next >= 0 && !k.isRunnable(next)) {
                throw new AssertionError("pickNext chose a blocked process");
            }
        }

        int[] flagsOf() {
            int[] f = new int[N];
            for (int p = 0; p < N; p++) {
                f[p] = w.k.isLive(p) ? w.k.flags(p) : -1;
            }
            return f;
        }

        void lifeStep() {
            Kernel k = w.k;
            int p = rnd.nextInt(N);
            if (k.isLive(p)) {
                if (rnd.nextBoolean() && k.isStopped(p)) {
                    Procs.resume(k, p);
                    return;
                }
                int ep = k.endpointOf(p);
                Procs.exit(k, p);
                mem.releaseProcess(p);
                for (Sent s : inFlight.values()) {
                    if (s.sender == p && s.senderEp == ep) {
                        dead.add(s.id);
                    }
                }
            } else {
                Procs.spawn(k, p, World.SYS);
            }
        }

        void memoryStep(int c) {
            int f = mem.allocFrame(c, Memory.USER);
            if (f >= 0) {
                int r = mem.map(c, rnd.nextInt(16), f, rnd.nextBoolean());
                if (r != Abi.OK) {
                    mem.freeFrame(f);
                } else if (rnd.nextBoolean()) {
                    mem.share(f);
                    mem.map((c + 1) % N, rnd.nextInt(16), f, false);
                }
            }
            if (rnd.nextInt(3) == 0) {
                mem.unmap(c, rnd.nextInt(16));
            }
        }

        void grantStep(int c) {
            Kernel k = w.k;
            int g = rnd.nextInt(N);
            int seq = rnd.nextInt(3) + 1;
            if (k.isLive(g)) {
                Grants.setDirect(k, g, 0, seq, true, rnd.nextBoolean(), k.endpointOf(c), 4096, 8192);
                int r = Grants.resolve(k, c, k.endpointOf(g), seq * Abi.NR_GRANTS, 100, 50, false);
                if (r == Abi.OK && (k.resolvedGranter() != g || k.resolvedAddr() != 4196)) {
                    throw new AssertionError("grant resolved wrongly");
                }
                if (r != Abi.OK && r != Abi.EPERM) {
                    throw new AssertionError("unexpected grant result " + r);
                }
                if (Grants.resolve(k, c, k.endpointOf(g), seq * Abi.NR_GRANTS, 8000, 500, false) == Abi.OK) {
                    throw new AssertionError("grant bounds not enforced");
                }
            }
        }

        /** The glue's part: hand out completed results and check every delivered message. */
        void collect() {
            Kernel k = w.k;
            for (int p = 0; p < N; p++) {
                if (!k.resultReady(p)) {
                    continue;
                }
                if (k.messageReceived(p)) {
                    int type = k.msgWord(p, 1);
                    if (type == Abi.NOTIFY_MESSAGE) {
                        notes++;
                    } else {
                        long id = k.msgWord(p, 2);
                        Sent s = inFlight.remove(id);
                        if (s == null) {
                            throw new AssertionError("message " + id + " delivered twice or never sent, to " + p
                                    + " from " + k.msgWord(p, 0) + " type " + type);
                        }
                        if (dead.contains(id)) {
                            throw new AssertionError("message " + id + " of a dead sender was delivered");
                        }
                        if (s.dstEp != k.endpointOf(p)) {
                            throw new AssertionError("message " + id + " reached the wrong process " + p + " sent by "
                                    + s.sender + " to ep " + s.dstEp + " type " + type);
                        }
                        if (k.msgWord(p, 0) != s.senderEp) {
                            throw new AssertionError("source not stamped with the sender's endpoint");
                        }
                        long pair = ((long) s.sender << 32) | p;
                        Long last = lastIdPair.put(pair, id);
                        if (last != null && last > id && type == 1) {
                            throw new AssertionError("synchronous messages from one sender overtook each other");
                        }
                        delivered++;
                    }
                }
                k.clearResult(p);
            }
        }
    }

    @Property(tries = 60)
    void invariantsAndDeliveryHoldUnderRandomOperations(@ForAll long seed) {
        Run run = new Run(seed);
        for (int i = 0; i < 400; i++) {
            run.step();
        }
    }

    @Property(tries = 5)
    void longRunsDeliverMessages(@ForAll long seed) {
        Run run = new Run(seed);
        for (int i = 0; i < 3000; i++) {
            run.step();
        }
        if (run.delivered == 0) {
            throw new AssertionError("no message was ever delivered: the generator is not exercising IPC");
        }
    }
}
