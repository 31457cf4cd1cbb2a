package dev.noreset.proofs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * proofs/index.tsv: every contract with its expected outcome and last recorded proof size.
 * Outcomes are compared exactly ("proved" must stay proved; "open" may become proved, which
 * is reported so the index can be updated). Node and branch counts are informational: KeY is
 * deterministic for identical inputs, but any legitimate code change moves them, so they are
 * recorded and printed, never a reason to fail.
 */
final class ProofIndex {
    static final String HEADER = "# contract\texpected\tnodes\tbranches\tstrategy\tseconds";
    /** KeY unfolds model methods and invariants by their definitions (class axioms free). */
    static final String EXPAND = "expand";
    /**
     * Class axioms off: a model predicate is never unfolded, only related across states by
     * its proved dependency contract. Soundness is the same (fewer rules, not more); it keeps
     * a proof that writes nothing a predicate reads from unfolding twelve quantified formulas.
     */
    static final String NO_EXPAND = "noexpand";
    /** Class axioms applied only after every other rule is exhausted on a goal. */
    static final String DELAYED = "delayed";
    /**
     * For the dependency contract of a conjunction of predicates: {@link DepsTactic} unfolds the
     * predicate once on both heaps and applies the conjuncts' proved dependency contracts, then
     * auto mode runs with class axioms off.
     */
    static final String DEPS = "deps";

    final Map<String, String[]> rows = new LinkedHashMap<>();

    static ProofIndex read(Path file) throws IOException {
        ProofIndex ix = new ProofIndex();
        if (!Files.isRegularFile(file)) {
            return ix;
        }
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 4 || f.length > 6 || !(f[1].equals("proved") || f[1].equals("open"))
                    || f.length >= 5 && !isStrategy(f[4])) {
                throw new IllegalArgumentException(file + ":" + lineNo
                        + ": expected 'contract<TAB>proved|open<TAB>nodes<TAB>branches[<TAB>expand|delayed|noexpand|deps[<TAB>seconds]]'");
            }
            ix.rows.put(f[0], f);
        }
        return ix;
    }

    /** The strategy a row asks for; rows without the column (and unknown contracts) expand. */
    static String strategyOf(String[] row) {
        return row != null && row.length >= 5 ? row[4] : EXPAND;
    }

    static boolean isStrategy(String s) {
        return s.equals(EXPAND) || s.equals(DELAYED) || s.equals(NO_EXPAND) || s.equals(DEPS);
    }

    static String checkStrategy(String s) {
        if (!isStrategy(s)) {
            throw new IllegalArgumentException("--strategy must be expand, delayed, noexpand or deps, not " + s);
        }
        return s;
    }

    /** Differences between this index and a run; {@code complete} when every contract ran. */
    List<String> compare(List<ProofRunner.Result> results, boolean complete) {
        List<String> problems = new ArrayList<>();
        Map<String, ProofRunner.Result> seen = new LinkedHashMap<>();
        for (ProofRunner.Result r : results) {
            seen.put(r.name, r);
            String[] row = rows.get(r.name);
            if (row == null) {
                problems.add("not in proofs/index.tsv: " + r.name + " (" + r.status + ")");
            } else if (row[1].equals("proved") && !r.status.equals("proved")) {
                problems.add("REGRESSION expected proved, got " + r.status + ": " + r.name);
            } else if (row[1].equals("open") && r.status.equals("proved")) {
                System.out.println("proofs: note: now proved, update the index: " + r.name);
            }
        }
        if (complete) {
            for (String name : rows.keySet()) {
                if (!seen.containsKey(name)) {
                    problems.add("listed in proofs/index.tsv but gone: " + name);
                }
            }
        }
        return problems;
    }

    /**
     * Rewrites the index from a run. A filtered run ({@code complete} false) only updates the
     * rows it ran and keeps the others; a complete run also drops rows of contracts now gone.
     */
    static void write(Path file, List<ProofRunner.Result> results, ProofIndex old, boolean complete)
            throws IOException {
        Map<String, String> lines = new java.util.TreeMap<>();
        if (!complete) {
            for (String[] row : old.rows.values()) {
                lines.put(row[0], String.join("\t", row));
            }
        }
        for (ProofRunner.Result r : results) {
            String expected = r.status.equals("proved") ? "proved" : "open";
            // The seconds column is the search time (shard order, time budgets): a replay keeps the old one.
            String[] was = old.rows.get(r.name);
            String seconds = r.method.equals(ProofRunner.REPLAY) && was != null && was.length > 5 ? was[5]
                    : String.format(java.util.Locale.ROOT, "%.1f", r.seconds);
            lines.put(r.name, r.name + "\t" + expected + "\t" + r.nodes + "\t" + r.branches + "\t" + r.strategy
                    + "\t" + seconds);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Every JML contract of kernel/.../core with its expected KeY outcome (proofs/README.md).\n");
        sb.append(HEADER).append('\n');
        for (String line : lines.values()) {
            sb.append(line).append('\n');
        }
        Files.writeString(file, sb.toString());
    }
}
