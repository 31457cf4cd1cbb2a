package dev.noreset.tla.mbt;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.core.Kernel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The refinement mapping from the Java core's state to MessagePassing's variables, checked
 * after a step.  Per slot: alive, gen, run queue membership, send target, receive source,
 * the caller's result and every result the step changed, the message a receiver got
 * (source endpoint, notification or message, and which message id); globally the number of
 * messages pending (blocked senders plus SENDA entries); per receiver its queue of blocked
 * senders in order (the kernel orders them by enqueue stamp) and its pending notification bits
 * (read through the test-side {@code MbtProbe}, as the core has no public query for them).
 */
final class Refinement {
    private Refinement() {
    }

    /** null when the kernel matches the model state {@code after}, else what differs. */
    @SuppressWarnings("unchecked")
    static String check(Map<String, Object> before, Map<String, Object> after, KernelAdapter a,
                        int actor, String actorResult) {
        Kernel k = a.k;
        Map<Object, Object> procs = (Map<Object, Object>) after.get("proc");
        Map<Object, Object> oldProcs = (Map<Object, Object>) before.get("proc");
        Set<Integer> runq = (Set<Integer>) after.get("runq");
        Map<Object, Object> fate = (Map<Object, Object>) after.get("fate");
        Map<Object, Object> oldFate = (Map<Object, Object>) before.get("fate");
        int sending = 0;
        for (Map.Entry<Object, Object> en : procs.entrySet()) {
            int s = (Integer) en.getKey();
            Map<String, Object> r = (Map<String, Object>) en.getValue();
            Map<String, Object> old = (Map<String, Object>) oldProcs.get(s);
            String where = "slot " + s + ": ";
            if ((Boolean) r.get("alive") != k.isLive(s)) {
                return where + "alive is " + r.get("alive") + " in the model, " + k.isLive(s) + " in the kernel";
            }
            if ((Integer) r.get("gen") != k.generation(s)) {
                return where + "gen " + r.get("gen") + " in the model, " + k.generation(s) + " in the kernel";
            }
            if (runq.contains(s) != k.isRunnable(s)) {
                return where + "runnable " + runq.contains(s) + " in the model, " + k.isRunnable(s) + " in the kernel";
            }
            List<Integer> sendTo = (List<Integer>) r.get("sendTo");
            boolean modelSending = sendTo.get(0) != 0;
            if (modelSending != k.isSending(s) || (modelSending && sendTo.get(0) != k.sendTarget(s))) {
                return where + "sendTo " + sendTo + " in the model, kernel sending=" + k.isSending(s)
                        + " to slot " + k.sendTarget(s);
            }
            sending += modelSending ? 1 : 0;
            List<Integer> recvFrom = (List<Integer>) r.get("recvFrom");
            boolean modelRecv = recvFrom.get(0) != 0 || recvFrom.get(1) == 1;
            // In the kernel a SENDREC still sending is RECEIVING too; the model enters the
            // receive part when the message is taken.
            boolean kernelRecv = k.isReceiving(s) && !k.isSending(s);
            int src = recvFrom.get(0) == 0 ? -1 : recvFrom.get(0);
            if (modelRecv != kernelRecv || (modelRecv && src != k.recvSource(s))) {
                return where + "recvFrom " + recvFrom + " in the model, kernel receiving=" + kernelRecv
                        + " from slot " + k.recvSource(s);
            }
            String result = (String) r.get("result");
            boolean changed = !result.equals(old.get("result")) || !r.get("got").equals(old.get("got"));
            if (s == actor) {
                if (!result.equals(actorResult)) {
                    return where + "the caller's result is " + result + " in the model, " + actorResult
                            + " in the kernel";
                }
            } else if (changed && !result.equals("NONE")) {
                String kr = k.resultReady(s) ? KernelAdapter.name(k.ipcResult(s)) : "no result";
                if (!result.equals(kr)) {
                    return where + "woken with " + result + " in the model, " + kr + " in the kernel";
                }
            }
            Map<String, Object> got = (Map<String, Object>) r.get("got");
            if ((s == actor || changed) && !"none".equals(got.get("kind"))) {
                String g = gotDiff(k, s, got, fate, oldFate);
                if (g != null) {
                    return where + g;
                }
            }
        }
        String q = queuesAndNotifications(after, k, procs.keySet());
        if (q != null) {
            return q;
        }
        long pending = fate.values().stream().filter("pending"::equals).count();
        int kernelPending = sending + a.pendingAsync();
        if (pending != kernelPending) {
            return pending + " messages pending in the model, " + kernelPending + " in the kernel";
        }
        if (Boolean.TRUE.equals(after.get("stray"))) {
            return "the model reached a stray delivery (NoStaleDelivery), which TLC rules out";
        }
        return null;
    }

    private static String gotDiff(Kernel k, int s, Map<String, Object> got, Map<Object, Object> fate,
                                  Map<Object, Object> oldFate) {
        if (!k.messageReceived(s)) {
            return "received " + got + " in the model, nothing in the kernel";
        }
        int srcEp = KernelAdapter.endpoint((List<?>) got.get("src"));
        if (k.msgWord(s, 0) != srcEp) {
            return "received from endpoint " + srcEp + " in the model, " + k.msgWord(s, 0) + " in the kernel";
        }
        boolean note = k.msgWord(s, 1) == Abi.NOTIFY_MESSAGE;
        if (note != "notify".equals(got.get("kind"))) {
            return "received a " + got.get("kind") + " in the model, " + (note ? "a notification" : "a message")
                    + " in the kernel";
        }
        if (!note) {
            int id = k.msgWord(s, 2);
            if (!"delivered".equals(fate.get(id)) || "delivered".equals(oldFate.get(id))) {
                return "the kernel delivered message " + id + ", which the model did not deliver in this step";
            }
        }
        return null;
    }

    /** queue[r] (oldest first) and notifyBits[r] of the model against the kernel, for every slot r. */
    @SuppressWarnings("unchecked")
    private static String queuesAndNotifications(Map<String, Object> after, Kernel k, Set<Object> slots) {
        Map<Object, Object> queue = (Map<Object, Object>) after.get("queue");
        Map<Object, Object> bits = (Map<Object, Object>) after.get("notifyBits");
        for (Object o : slots) {
            int r = (Integer) o;
            List<Integer> kernelQueue = new java.util.ArrayList<>();
            for (Object p : slots) {
                int s = (Integer) p;
                if (k.isSending(s) && k.sendTarget(s) == r) {
                    kernelQueue.add(s);
                }
            }
            kernelQueue.sort(java.util.Comparator.comparingLong(s -> dev.noreset.kernel.core.MbtProbe.sendStamp(k, s)));
            List<Object> modelQueue = sequence(queue.get(r));
            if (!kernelQueue.equals(modelQueue)) {
                return "slot " + r + ": send queue " + modelQueue + " in the model, " + kernelQueue + " in the kernel";
            }
            Set<Object> modelBits = bits.get(r) instanceof Set ? (Set<Object>) bits.get(r) : Set.of();
            for (Object p : slots) {
                int s = (Integer) p;
                boolean kernelBit = dev.noreset.kernel.core.MbtProbe.notifyPending(k, r, s);
                if (modelBits.contains(s) != kernelBit) {
                    return "slot " + r + ": notification from " + s + " pending " + modelBits.contains(s)
                            + " in the model, " + kernelBit + " in the kernel";
                }
            }
        }
        return null;
    }

    /** A TLA+ sequence as TLC holds it: a tuple, or a function with domain 1..n. */
    @SuppressWarnings("unchecked")
    private static List<Object> sequence(Object v) {
        if (v instanceof List) {
            return (List<Object>) v;
        }
        Map<Object, Object> f = (Map<Object, Object>) v;
        List<Object> l = new java.util.ArrayList<>();
        for (int i = 1; i <= f.size(); i++) {
            l.add(f.get(i));
        }
        return l;
    }
}
