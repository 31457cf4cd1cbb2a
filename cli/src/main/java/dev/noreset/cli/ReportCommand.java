package dev.noreset.cli;

import dev.noreset.tla.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code noreset report}: the verification report, built only from the evidence files the last
 * {@code noreset verify} (or {@code mvn verify}) wrote. It never runs a prover itself and never
 * fills a gap: evidence that is missing is reported as missing.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the verification report (Markdown) from the evidence of the last verify run.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--root", description = "Repository root (default: found upwards from the working directory).")
    Path root;

    @Option(names = "--out", description = "Report file (default: <root>/<build>/noreset-report.md).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path r = root != null ? root : findRoot();
        if (!Files.isRegularFile(r.resolve("proofs/index.tsv"))) {
            throw new IllegalArgumentException(r + " is not a noreset repository (no proofs/index.tsv)");
        }
        String build = System.getenv().getOrDefault("NR_OUT", "target");
        Path file = out != null ? out : r.resolve(build).resolve("noreset-report.md");
        StringBuilder md = new StringBuilder();
        md.append("# noreset verification report\n\n");
        md.append("Written ").append(Instant.now()).append(" from the evidence under build folder `")
                .append(build).append("`").append(commit(r)).append(".\n\n");
        List<String> summary = new ArrayList<>();
        boolean ok = proofs(r.resolve("proofs").resolve(build).resolve("proofs").resolve("proofs-evidence.json"),
                r.resolve("proofs").resolve("index.tsv"), md, summary);
        ok &= models(r.resolve("tla").resolve(build).resolve("evidence"), md, summary);
        md.append("## Not in this report\n\nCPU conformance, the differential test against the host CPU, the "
                + "hostile-caller campaigns and the benchmarks print their figures when run "
                + "(`noreset conformance`, `noreset diff`, `noreset campaign hostile`, `noreset bench`); "
                + "they leave no evidence file yet.\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        for (String s : summary) {
            System.out.println("report: " + s);
        }
        System.out.println("report: written to " + file);
        return ok ? 0 : 1;
    }

    /** The KeY section; false when the evidence is missing or the run had problems. */
    static boolean proofs(Path evidence, Path index, StringBuilder md, List<String> summary) throws IOException {
        md.append("## Proofs (KeY)\n\n");
        Map<String, Object> j = readObject(evidence);
        if (j == null) {
            md.append("No evidence at `").append(evidence).append("`: run `noreset verify --proofs`.\n\n");
            summary.add("proofs: no evidence (run noreset verify --proofs)");
            return false;
        }
        List<?> contracts = (List<?>) j.getOrDefault("contracts", List.of());
        int proved = 0;
        Map<String, int[]> byClass = new TreeMap<>();
        List<String> open = new ArrayList<>();
        List<String> conditional = new ArrayList<>();
        List<String> tactic = new ArrayList<>();
        int replayed = 0;
        for (Object o : contracts) {
            Map<?, ?> c = (Map<?, ?>) o;
            String name = String.valueOf(c.get("name"));
            boolean p = "proved".equals(c.get("status"));
            if (p && c.get("restsOn") instanceof List<?> rests && !rests.isEmpty()) {
                conditional.add("- `" + name + "` applies " + rests.size() + " contract(s) not proved: `"
                        + String.join("`, `", rests.stream().map(String::valueOf).toList()) + "`");
            }
            int[] n = byClass.computeIfAbsent(className(name), k -> new int[2]);
            n[1]++;
            if (p) {
                proved++;
                n[0]++;
                if ("replay".equals(c.get("method"))) {
                    replayed++;
                }
                if ("deps".equals(c.get("strategy"))) {
                    tactic.add("- `" + name + "`");
                }
            } else {
                open.add("- " + c.get("status") + ", " + c.get("nodes") + " nodes: `" + name + "`");
            }
        }
        boolean runOk = Boolean.TRUE.equals(j.get("ok"));
        String line = String.format(Locale.ROOT, "%d proved / %d contracts, %s s", proved, contracts.size(),
                j.get("seconds")) + (conditional.isEmpty() ? "" : " (" + conditional.size() + " of them conditional)");
        md.append("**").append(line).append("** (KeY ").append(j.get("keyVersion")).append(", `")
                .append(j.get("intRules")).append("`, finished ").append(j.get("finished")).append("). ");
        md.append(runOk ? "Every contract had the outcome `proofs/index.tsv` expects.\n\n"
                : "The run did NOT match the index: " + j.get("problems") + "\n\n");
        md.append("Of the ").append(proved).append(" proofs, ").append(replayed)
                .append(" were checked by KeY step by step from stored certificates of earlier auto-mode proofs and ")
                .append(proved - replayed).append(" were found by auto mode in this run (`proofs/README.md`,")
                .append(" \"Certificates\").\n\n");
        md.append("| class | proved | contracts |\n|---|---:|---:|\n");
        for (Map.Entry<String, int[]> e : byClass.entrySet()) {
            md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()[0]).append(" | ")
                    .append(e.getValue()[1]).append(" |\n");
        }
        md.append('\n');
        md.append("What the proofs assume beyond KeY's Java semantics and the integer rules above: each")
                .append(" contract's own `requires`, nothing else (no `assume`, no axioms of our own). The")
                .append(" functional contracts of SENDREC, SENDA and process death (`Ipc.sendrec`, `Async.senda`,")
                .append(" `Procs.exit`) and every composed preservation case require the twelve conjuncts of")
                .append(" `Kernel.wellFormed()`; `new Kernel()` ensures them and every operation preserves them, so")
                .append(" every state the core's operations reach has them (`proofs/README.md`, \"Composition\").\n\n");
        if (!open.isEmpty()) {
            md.append("Not proved (each is a real contract, listed `open` in the index):\n\n");
            for (String s : open) {
                md.append(s).append('\n');
            }
            md.append("\nWhat was tried on them, and what it measured: `proofs/README.md`, sections \"How the proofs")
                    .append(" are shaped\" and \"Why the IPC preservation contracts stay open\".\n\n");
        }
        if (!tactic.isEmpty()) {
            md.append("Proved with a fixed tactic of KeY rules before auto mode, not by auto mode alone")
                    .append(" (`proofs/README.md`, \"The `deps` shape\"):\n\n");
            for (String s : tactic) {
                md.append(s).append('\n');
            }
            md.append('\n');
        }
        if (!conditional.isEmpty()) {
            md.append("Proved, but conditional: KeY proves contracts modularly, and these ").append(conditional.size())
                    .append(" proofs apply (directly or through other proofs) a contract that is itself not proved;")
                    .append(" they hold once those are proved:\n\n");
            for (String s : conditional) {
                md.append(s).append('\n');
            }
            md.append('\n');
        }
        md.append("Index: `").append(index).append("`; evidence: `").append(evidence).append("`.\n\n");
        summary.add("proofs: " + line + (runOk ? "" : " (MISMATCH with the index)"));
        return runOk;
    }

    /** The TLC section; false when there is no evidence or a configuration did not behave as expected. */
    static boolean models(Path dir, StringBuilder md, List<String> summary) throws IOException {
        md.append("## Models (TLC)\n\n");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
                ds.forEach(files::add);
            }
        }
        files.sort(null);
        if (files.isEmpty()) {
            md.append("No evidence in `").append(dir).append("`: run `noreset verify --models`.\n\n");
            summary.add("models: no evidence (run noreset verify --models)");
            return false;
        }
        md.append("| model | configuration | expected | TLC said | distinct states | depth | s | as expected |\n");
        md.append("|---|---|---|---|---:|---:|---:|---|\n");
        int passed = 0;
        int checked = 0;
        long states = 0;
        List<String> mbt = new ArrayList<>();
        for (Path f : files) {
            Map<String, Object> j = readObject(f);
            if (j == null) {
                continue;
            }
            if ("model-based-test".equals(j.get("kind"))) {
                mbt.add(String.format(Locale.ROOT, "- %s against `%s`: %s behaviours, %s steps, %s of %s model "
                        + "states visited, divergences: %s\n", j.get("spec"), j.get("implementation"),
                        j.get("behaviours"), j.get("steps"), j.get("statesVisited"), j.get("modelStates"),
                        j.getOrDefault("divergences", "not recorded")));
                continue;
            }
            if (!"tlc-model-check".equals(j.get("kind"))) {
                continue;
            }
            checked++;
            Map<?, ?> exp = (Map<?, ?>) j.get("expected");
            Map<?, ?> act = (Map<?, ?>) j.get("actual");
            boolean pass = Boolean.TRUE.equals(j.get("passed"));
            passed += pass ? 1 : 0;
            Object ds = j.get("distinctStates");
            states += ds instanceof Number n ? Math.max(0, n.longValue()) : 0;
            md.append("| ").append(j.get("model")).append(" | ").append(j.get("cfg")).append(" | ")
                    .append(outcome(exp)).append(" | ").append(outcome(act)).append(" | ").append(ds)
                    .append(" | ").append(j.get("depth")).append(" | ").append(j.get("seconds")).append(" | ")
                    .append(pass ? "yes" : "**NO**: " + j.get("problems")).append(" |\n");
        }
        md.append("\nA configuration expected to fail is a deliberately broken variant: it passes when TLC "
                + "finds the named violation.\n\n");
        if (!mbt.isEmpty()) {
            md.append("Model-based tests (random walks of the model replayed against the Java core):\n\n");
            mbt.forEach(md::append);
            md.append('\n');
        }
        String line = passed + " of " + checked + " configurations as expected (" + states + " states)";
        summary.add("models: " + line);
        return checked > 0 && passed == checked;
    }

    private static String outcome(Map<?, ?> m) {
        if (m == null) {
            return "?";
        }
        Object name = m.get("name");
        return m.get("result") + (name == null ? "" : " (" + name + ")");
    }

    private static String className(String contract) {
        int b = contract.indexOf('[');
        return b > 0 ? contract.substring(0, b) : contract;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readObject(Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            Object v = Json.parse(Files.readString(f, StandardCharsets.UTF_8));
            if (v instanceof Map<?, ?>) {
                return (Map<String, Object>) v;
            }
            throw new IOException(f + ": not a JSON object");
        } catch (Json.ParseException e) {
            throw new IOException(f + ": " + e.getMessage());
        }
    }

    private static String commit(Path root) {
        try {
            Path head = root.resolve(".git").resolve("HEAD");
            String ref = Files.readString(head).trim();
            if (ref.startsWith("ref: ")) {
                Path p = root.resolve(".git").resolve(ref.substring(5));
                ref = Files.isRegularFile(p) ? Files.readString(p).trim() : ref.substring(5);
            }
            return ", commit " + (ref.length() > 12 ? ref.substring(0, 12) : ref);
        } catch (IOException e) {
            return "";
        }
    }

    static Path findRoot() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("proofs/index.tsv")) && Files.isRegularFile(p.resolve("tla/manifest.json"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalArgumentException("cannot find the repository root from " + Paths.get("").toAbsolutePath()
                + "; use --root");
    }
}
