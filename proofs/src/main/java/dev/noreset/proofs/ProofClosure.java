package dev.noreset.proofs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * KeY proves each contract modularly: a closed proof may apply the contracts of the methods it
 * calls and the dependency contracts of the predicates it reads, and is only as good as those.
 * This finds the proved contracts that rest, directly or through other proofs, on a contract
 * that is not proved, so the report never presents them as unconditional.
 */
final class ProofClosure {
    private ProofClosure() { }

    /** For each proved contract whose closure reaches an unproved one: those unproved contracts. */
    static Map<String, TreeSet<String>> restingOnOpen(List<ProofRunner.Result> results) {
        Map<String, ProofRunner.Result> byName = new HashMap<>();
        for (ProofRunner.Result r : results) {
            byName.put(r.name, r);
        }
        Map<String, TreeSet<String>> memo = new HashMap<>();
        Map<String, TreeSet<String>> out = new java.util.TreeMap<>();
        for (ProofRunner.Result r : results) {
            if (r.status.equals("proved")) {
                TreeSet<String> open = openBelow(r.name, byName, memo, new java.util.HashSet<>());
                if (!open.isEmpty()) {
                    out.put(r.name, open);
                }
            }
        }
        return out;
    }

    private static TreeSet<String> openBelow(String name, Map<String, ProofRunner.Result> byName,
            Map<String, TreeSet<String>> memo, java.util.Set<String> onPath) {
        TreeSet<String> known = memo.get(name);
        if (known != null) {
            return known;
        }
        TreeSet<String> open = new TreeSet<>();
        ProofRunner.Result r = byName.get(name);
        if (r != null && onPath.add(name)) {
            for (String used : r.uses) {
                if (used.equals(name)) {
                    continue;
                }
                ProofRunner.Result u = byName.get(used);
                if (u == null || !u.status.equals("proved")) {
                    // A contract this run did not attempt (filtered) counts as not proved here.
                    open.add(used);
                } else if (!onPath.contains(used)) {
                    open.addAll(openBelow(used, byName, memo, onPath));
                }
            }
            onPath.remove(name);
        }
        memo.put(name, open);
        return open;
    }
}
