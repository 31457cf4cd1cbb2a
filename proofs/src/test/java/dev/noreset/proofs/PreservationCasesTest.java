package dev.noreset.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An operation's "preserves wellFormed()" may be stated as several contract cases: a frame case
 * for the conjuncts the operation does not write and one case per conjunct it writes (Sched.tick,
 * Ipc.notify, ...). Those cases only add up to preservation when together they ensure every
 * conjunct of Kernel.wellFormed() and assume nothing but \invariant_for(k), conjuncts of
 * wellFormed() and facts Kernel's class invariant states word for word. This test checks both
 * on the source text, so that a case cannot be narrowed or given a stronger premise unnoticed.
 * Only public operations are held to this: a helper's cases (Async.startEntry, Ipc.awaitReply)
 * may assume facts about its arguments and cover only the conjuncts it writes, and the proofs of
 * its callers check that they are enough.
 */
class PreservationCasesTest {
    private static final Path CORE = Path.of("..", "kernel", "src", "main", "java", "dev", "noreset", "kernel", "core");
    private static final Pattern SPEC_THEN_METHOD = Pattern.compile(
            "/\\*@(.*?)@\\*/\\s*((?:(?:public|static|private)\\s+)*)[\\w\\[\\]]+\\s+(\\w+)\\(", Pattern.DOTALL);
    private static final Pattern CONJUNCT = Pattern.compile("^k\\.(wf\\w+)\\(\\)$");
    private static final Set<String> INVARIANT = Set.of("k != null", "\\invariant_for(k)", "k.wellFormed()");

    @Test
    void preservationCasesCoverEveryConjunctAndAssumeOnlyTheInvariant() throws IOException {
        Set<String> all = conjunctsOfWellFormed();
        Set<String> shape = shapeFacts();
        assertTrue(all.size() >= 12, "wellFormed() conjuncts parsed: " + all);
        TreeMap<String, Set<String>> covered = new TreeMap<>();
        try (var files = Files.list(CORE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = SPEC_THEN_METHOD.matcher(Files.readString(f));
                while (m.find()) {
                    String method = f.getFileName().toString().replace(".java", "") + "." + m.group(3);
                    boolean operation = m.group(2).contains("public");
                    for (String c : m.group(1).split("@\\s*also\\b")) {
                        List<String> ensures = clauses(c, "ensures");
                        if (!operation || ensures.isEmpty() || !ensures.stream().allMatch(PreservationCasesTest::onlyConjuncts)) {
                            continue;
                        }
                        Set<String> got = covered.computeIfAbsent(method, x -> new LinkedHashSet<>());
                        for (String e : ensures) {
                            for (String a : atoms(e)) {
                                got.addAll(a.equals("k.wellFormed()") ? all : Set.of(conjunct(a)));
                            }
                        }
                        for (String r : clauses(c, "requires")) {
                            for (String a : atoms(r)) {
                                assertTrue(INVARIANT.contains(a) || shape.contains(a.replace("k.", "").replace("Kernel.", ""))
                                        || CONJUNCT.matcher(a).matches(),
                                        method + ": a preservation case assumes '" + a + "'");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(covered.containsKey("Ipc.notify") && covered.containsKey("Sched.tick"), covered.keySet().toString());
        covered.forEach((method, got) -> assertEquals(all, got, method + ": conjuncts its preservation cases ensure"));
    }

    private static Set<String> conjunctsOfWellFormed() throws IOException {
        String k = Files.readString(CORE.resolve("Kernel.java"));
        Matcher m = Pattern.compile("model boolean wellFormed\\(\\) \\{\\s*@\\s*return (.*?);", Pattern.DOTALL).matcher(k);
        assertTrue(m.find(), "Kernel.wellFormed() not found");
        Set<String> all = new LinkedHashSet<>();
        for (String a : m.group(1).replaceAll("\\s*@\\s*", " ").split("&&")) {
            all.add(a.trim().replace("()", ""));
        }
        return all;
    }

    /** The atoms of Kernel's class invariant (its shape facts), as written there. */
    private static Set<String> shapeFacts() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("//@ public invariant (.*);").matcher(Files.readString(CORE.resolve("Kernel.java")));
        while (m.find()) {
            out.addAll(atoms(m.group(1)));
        }
        assertTrue(out.contains("0 <= clock"), "Kernel's class invariant not parsed: " + out);
        return out;
    }

    private static boolean onlyConjuncts(String clause) {
        return atoms(clause).stream().allMatch(a -> a.equals("k.wellFormed()") || CONJUNCT.matcher(a).matches());
    }

    private static String conjunct(String atom) {
        Matcher m = CONJUNCT.matcher(atom);
        assertTrue(m.matches(), atom);
        return m.group(1);
    }

    /** The texts of one kind of clause in a specification case, continuation lines joined. */
    private static List<String> clauses(String specCase, String kind) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("@\\s*" + kind + "\\s+(.*?);", Pattern.DOTALL).matcher(specCase);
        while (m.find()) {
            out.add(m.group(1).replaceAll("\\s*@\\s+", " ").trim());
        }
        return out;
    }

    /** A clause split at its top-level &&, with the parentheses of a parenthesised conjunction dropped. */
    private static List<String> atoms(String clause) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < clause.length(); i++) {
            char ch = clause.charAt(i);
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (depth == 0 && clause.startsWith("&&", i)) {
                addAtom(out, clause.substring(start, i));
                start = i + 2;
            }
        }
        addAtom(out, clause.substring(start));
        return out;
    }

    private static void addAtom(List<String> out, String a) {
        String t = a.trim();
        if (t.startsWith("(") && t.endsWith(")") && !t.startsWith("(\\forall") && balanced(t.substring(1, t.length() - 1))) {
            out.addAll(atoms(t.substring(1, t.length() - 1)));
        } else {
            out.add(t);
        }
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char ch : s.toCharArray()) {
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
