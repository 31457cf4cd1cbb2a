package dev.noreset.tla.mbt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noreset.tla.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Model-based test of the kernel core: TLC explores MBTMessagePassing (MessagePassing with an
 * action label), random walks over that state graph are replayed against the Java core through
 * {@link KernelAdapter}, and {@link Refinement} compares the states after every step.
 */
class MessagePassingMbtTest {
    static final int BEHAVIOURS = 10_000;
    static final long SEED = 20261127L;

    @Test
    @SuppressWarnings("unchecked")
    void kernelCoreFollowsModelBehaviours() throws IOException {
        Path tla = Paths.get(System.getProperty("noreset.tla.dir", "."));
        long t0 = System.nanoTime();
        ModelWalker w = new ModelWalker(tla.resolve("MessagePassing"), "MBTMessagePassing", "MBTMessagePassing");
        w.explore();
        double exploreSecs = (System.nanoTime() - t0) / 1e9;
        Random rnd = new Random(SEED);
        Set<Integer> visited = new HashSet<>();
        Map<String, Integer> actions = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long steps = 0;
        int[] start = new int[1];
        for (int b = 0; b < BEHAVIOURS; b++) {
            List<ModelWalker.Edge> path = w.walk(rnd, 200, start);
            Map<String, Object> before = w.vars(start[0]);
            Set<Integer> slots = ((Map<Integer, Object>) (Map<?, ?>) before.get("proc")).keySet();
            KernelAdapter a = new KernelAdapter(slots);
            visited.add(start[0]);
            String diff = Refinement.check(before, before, a, -1, null);
            if (diff != null) {
                failures.add("behaviour " + b + " initial state: " + diff);
            }
            for (int i = 0; diff == null && i < path.size(); i++) {
                ModelWalker.Edge e = path.get(i);
                Map<String, Object> after = w.vars(e.to());
                String name = (String) e.label().get(0);
                int p = (Integer) e.label().get(1);
                String res = a.apply(name, p, (List<?>) e.label().get(2), (Integer) before.get("nextId"));
                String outcome = name + " -> " + ((Map<String, Object>) ((Map<Object, Object>) after.get("proc"))
                        .get(p)).get("result");
                actions.merge(outcome, 1, Integer::sum);
                diff = Refinement.check(before, after, a, p, res);
                if (diff != null) {
                    failures.add("behaviour " + b + " step " + (i + 1) + " " + e.label() + ": " + diff
                            + "; steps " + path.subList(0, i + 1).stream().map(x -> x.label().toString()).toList());
                }
                visited.add(e.to());
                before = after;
                steps++;
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("mbt: %d behaviours, %d steps, %d of %d model states visited, %d action outcomes,"
                        + " %d divergences (graph %d edges explored in %.1f s; total %.1f s)%n",
                BEHAVIOURS, steps, visited.size(), w.stateCount(), actions.size(), failures.size(),
                w.edgeCount(), exploreSecs, secs);
        System.out.println("mbt: action -> caller result counts: " + actions);
        writeEvidence(steps, visited.size(), w.stateCount(), w.edgeCount(), actions, failures, secs);
        assertTrue(failures.isEmpty(), () -> failures.size() + " behaviours diverge from the model; first: "
                + failures.get(0));
        assertTrue(steps >= BEHAVIOURS, "the walks replayed only " + steps + " steps");
        int caught = mutantsCaught(w, new Random(SEED + 1), 500);
        System.out.println("mbt: a core whose SENDNB blocks like SEND is caught in " + caught + " of 500 behaviours");
        assertTrue(caught > 0, "the refinement check did not notice a SENDNB that blocks");
    }

    /** Replays behaviours against a deliberately wrong core; returns how many the check flags. */
    @SuppressWarnings("unchecked")
    private static int mutantsCaught(ModelWalker w, Random rnd, int n) {
        int caught = 0;
        int[] start = new int[1];
        for (int b = 0; b < n; b++) {
            List<ModelWalker.Edge> path = w.walk(rnd, 200, start);
            Map<String, Object> before = w.vars(start[0]);
            KernelAdapter a = new KernelAdapter(((Map<Integer, Object>) (Map<?, ?>) before.get("proc")).keySet());
            a.mutantSendNbBlocks = true;
            for (ModelWalker.Edge e : path) {
                Map<String, Object> after = w.vars(e.to());
                int p = (Integer) e.label().get(1);
                String res = a.apply((String) e.label().get(0), p, (List<?>) e.label().get(2),
                        (Integer) before.get("nextId"));
                if (Refinement.check(before, after, a, p, res) != null) {
                    caught++;
                    break;
                }
                before = after;
            }
        }
        return caught;
    }

    private static void writeEvidence(long steps, int visited, int states, long edges, Map<String, Integer> actions,
                                      List<String> failures, double secs) throws IOException {
        Path out = Paths.get(System.getProperty("noreset.tla.out", "target")).resolve("evidence");
        Files.createDirectories(out);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("kind", "model-based-test");
        j.put("model", "MessagePassing");
        j.put("spec", "MBTMessagePassing");
        j.put("implementation", "dev.noreset.kernel.core (Ipc, Async, Procs)");
        j.put("behaviours", (long) BEHAVIOURS);
        j.put("seed", SEED);
        j.put("steps", steps);
        j.put("modelStates", (long) states);
        j.put("modelEdges", edges);
        j.put("statesVisited", (long) visited);
        Map<String, Object> acts = new LinkedHashMap<>(actions);
        j.put("actionOutcomes", acts);
        j.put("divergences", (long) failures.size());
        j.put("firstDivergences", failures.subList(0, Math.min(5, failures.size())));
        j.put("seconds", Math.round(secs * 10) / 10.0);
        j.put("passed", failures.isEmpty());
        Files.writeString(out.resolve("mbt-MessagePassing.json"), Json.write(j), StandardCharsets.UTF_8);
    }
}
