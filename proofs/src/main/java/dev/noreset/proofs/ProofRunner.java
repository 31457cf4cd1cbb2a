package dev.noreset.proofs;

import de.uka.ilkd.key.control.KeYEnvironment;
import de.uka.ilkd.key.java.abstraction.KeYJavaType;
import de.uka.ilkd.key.logic.op.IObserverFunction;
import de.uka.ilkd.key.proof.Proof;
import de.uka.ilkd.key.proof.init.ProofOblInput;
import de.uka.ilkd.key.settings.ChoiceSettings;
import de.uka.ilkd.key.settings.ProofIndependentSettings;
import de.uka.ilkd.key.settings.ProofSettings;
import de.uka.ilkd.key.speclang.Contract;
import de.uka.ilkd.key.strategy.StrategyProperties;
import de.uka.ilkd.key.util.KeYTypeUtil;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Headless KeY run over every JML contract of the verified kernel core.
 *
 * <p>It copies the core sources (plus the generated {@code Abi.java}) into a scratch folder,
 * loads them into KeY 2.12 with overflow-checking integer semantics, attempts every contract
 * in auto mode, writes one evidence JSON and compares the outcome with {@code proofs/index.tsv}.
 */
public final class ProofRunner {
    /** KeY release this runner is written against (recorded in the evidence). */
    public static final String KEY_VERSION = "2.12.3";
    /** Integer semantics: Java ints with every overflow a proof obligation. */
    static final String INT_RULES = "intRules:arithmeticSemanticsCheckingOF";
    /**
     * Rule applications per contract. The step limit, not the clock, decides the outcome, so
     * results do not depend on machine load; the timeout is only a safety net.
     */
    static final int DEFAULT_MAX_STEPS = 2500;
    static final int DEFAULT_TIMEOUT_SEC = 300;
    /** Parallel KeY JVMs (auto mode is single-threaded; the CI machine has 2 cores). */
    static final int DEFAULT_JOBS = 2;
    /** Attempt length (steps, and a wall-clock safety net) for contracts the index expects open. */
    static final int DEFAULT_OPEN_STEPS = 200;
    static final int DEFAULT_OPEN_TIMEOUT_SEC = 60;

    private ProofRunner() { }

    public static void main(String[] args) {
        System.exit(runCli(args));
    }

    /**
     * Entry point of {@code noreset verify --proofs}. Options: {@code --root DIR} (repository
     * root, default: found upwards from the working directory), {@code --out DIR} (evidence
     * folder), {@code --filter TEXT} (only contracts whose name contains TEXT; no index check
     * of the others), {@code --max-steps N}, {@code --write-index} (rewrite proofs/index.tsv
     * from this run). Returns 0 when every contract has its expected outcome.
     */
    public static int runCli(String[] args) {
        PrintStream out = System.out;
        try {
            Options o = Options.parse(args);
            return run(o, out);
        } catch (IllegalArgumentException e) {
            System.err.println("proofs: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("proofs: internal error: " + e);
            return 3;
        }
    }

    static int run(Options o, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        Path root = o.root != null ? o.root : findRoot();
        Path outDir = o.out != null ? o.out : root.resolve("proofs").resolve(o.buildDir).resolve("proofs");
        Files.createDirectories(outDir);
        List<Result> results;
        if (o.shard < 0 && o.jobs > 1) {
            results = Shards.runChildren(o, root, outDir, out);
        } else {
            results = proveAll(o, root, outDir.resolve(o.shard < 0 ? "src" : "src" + o.shard), out);
            if (o.shard >= 0) {
                Shards.writeResults(o.results, results);
                return 0;
            }
        }
        double total = (System.nanoTime() - t0) / 1e9;
        Path indexFile = root.resolve("proofs").resolve("index.tsv");
        ProofIndex index = ProofIndex.read(indexFile);
        boolean complete = o.filter == null && o.names == null;
        List<String> problems = index.compare(results, complete);
        if (o.writeIndex) {
            ProofIndex.write(indexFile, results, index, complete);
            out.println("proofs: wrote " + indexFile);
            problems = new ArrayList<>();
        }
        if (complete) {
            problems.addAll(Certificates.orphans(o.certificateDir(root), results.stream().map(r -> r.name).toList()));
        }
        Map<String, java.util.TreeSet<String>> resting = ProofClosure.restingOnOpen(results);
        Evidence.write(outDir.resolve("proofs-evidence.json"), results, total, problems, resting);
        for (String p : problems) {
            out.println("proofs: MISMATCH " + p);
        }
        int proved = 0;
        int replayed = 0;
        for (Result r : results) {
            if (r.status.equals("proved")) {
                proved++;
            }
            if (r.method.equals(REPLAY)) {
                replayed++;
            }
        }
        out.printf("proofs: %d of the %d proofs rest only on proved contracts; %d apply a contract that is"
                + " not proved (evidence: restsOn)%n", proved - resting.size(), proved, resting.size());
        out.printf("proofs: %d checked from stored certificates (proofs/certificates), %d searched by auto mode%n",
                replayed, results.size() - replayed);
        out.printf("proofs: %d proved / %d contracts, %.0f s%n", proved, results.size(), total);
        return problems.isEmpty() ? 0 : 1;
    }

    static List<Result> proveAll(Options o, Path root, Path stage, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        Path src = CoreSources.stage(root, stage);
        configureChoices();
        KeYEnvironment<?> env = KeYEnvironment.load(src.toFile(), null, null, null);
        List<Result> results = new ArrayList<>();
        try {
            List<Contract> contracts = collectContracts(env);
            ProofIndex index = ProofIndex.read(root.resolve("proofs").resolve("index.tsv"));
            List<String> allNames = new ArrayList<>();
            for (Contract c : contracts) {
                allNames.add(shortName(c));
            }
            int[] shardOf = Shards.assign(allNames, index, o.shards, o.openSteps);
            List<Contract> chosen = new ArrayList<>();
            for (int i : Shards.order(allNames, index, o.openSteps)) {
                Contract c = contracts.get(i);
                boolean mine = o.shard < 0 || o.claims != null || shardOf[i] == o.shard;
                boolean named = o.names == null || o.names.contains(shortName(c));
                if (mine && named && (o.filter == null || shortName(c).contains(o.filter))) {
                    chosen.add(c);
                }
            }
            out.printf(o.claims == null ? "proofs: KeY loaded the core in %.0f s; %d of %d contracts here%n"
                    : "proofs: KeY loaded the core in %.0f s; %d of %d contracts to share with the other shards%n",
                    (System.nanoTime() - t0) / 1e9, chosen.size(), contracts.size());
            int done = 0;
            for (int pos = 0; pos < chosen.size(); pos++) {
                Contract c = chosen.get(pos);
                // Shared queue: heaviest first, each contract to whichever shard claims it first.
                if (o.claims != null && !Shards.claim(o.claims, pos)) {
                    continue;
                }
                // Contracts the index lists as open get a short attempt, so known-open ones cannot
                // eat the time budget; everything else gets the full timeout.
                String[] row = index.rows.get(shortName(c));
                // An explicit --names list is a retry: those contracts get the full budget.
                boolean knownOpen = row != null && row[1].equals("open") && o.names == null;
                String strategy = o.strategy != null ? o.strategy : ProofIndex.strategyOf(row);
                Result r = prove(env, c, knownOpen ? Math.min(o.openSteps, o.maxSteps) : stepBudget(row, o.maxSteps),
                        (knownOpen ? o.openTimeoutSec : timeBudget(row, o.timeoutSec)) * 1000L, strategy,
                        o.certificateDir(root), !o.search && o.strategy == null, o.saveCertificates);
                results.add(r);
                done++;
                // With a shared queue, the position in it: how many of all the run's contracts have started.
                out.printf("[%s%d/%d] %-6s %6d nodes %4d br %6.1f s  %s%n", o.shard < 0 ? "" : "shard " + o.shard + ": ",
                        o.claims != null ? pos + 1 : done, chosen.size(), r.status, r.nodes, r.branches, r.seconds, r.name);
                out.flush();
            }
        } finally {
            env.dispose();
        }
        return results;
    }

    /**
     * Steps for a contract the index lists as proved: its recorded proof size with room to
     * spare (KeY applies about one rule per node), and at least the default. Large proofs thus
     * keep enough steps without raising the limit, and with it the cost, for every contract.
     */
    static int stepBudget(String[] row, int maxSteps) {
        if (row == null || !row[1].equals("proved")) {
            return maxSteps;
        }
        try {
            return Math.max(maxSteps, 2 * Integer.parseInt(row[2]));
        } catch (NumberFormatException e) {
            return maxSteps;
        }
    }

    /**
     * Seconds for a contract the index lists as proved: five times its recorded time, and at
     * least the default. The step budget above is what bounds such a proof; this only keeps a
     * slow hour (single proofs have run 3-4 times slower than recorded) from cutting a large
     * proof off before it reaches its steps.
     */
    static int timeBudget(String[] row, int timeoutSec) {
        if (row == null || !row[1].equals("proved")) {
            return timeoutSec;
        }
        try {
            return (int) Math.max(timeoutSec, Math.ceil(5 * Double.parseDouble(row[5])));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return timeoutSec;
        }
    }

    /** Settings read when KeY loads: overflow-checked integers, banned runtime exceptions, no origin labels. */
    static void configureChoices() {
        ChoiceSettings cs = ProofSettings.DEFAULT_SETTINGS.getChoiceSettings();
        Map<String, String> choices = new HashMap<>(cs.getDefaultChoices());
        choices.put("intRules", INT_RULES);
        choices.put("runtimeExceptions", "runtimeExceptions:ban");
        cs.setDefaultChoices(choices);
        // Origin labels record which JML clause each formula came from, for KeY's GUI; nothing in
        // a proof depends on them. With them on, every arithmetic step (Polynomial.create,
        // Monomial.create) and every branch label first copies its whole term without them
        // (TermLabelManager.removeIrrelevantLabels): 24 % of a profile of 39 small proofs, 5-12 % of
        // the KeY time of larger ones (proofs/README, "Time budget"). Off unless NR_KEY_ORIGIN=1.
        ProofIndependentSettings.DEFAULT_INSTANCE.getTermLabelSettings()
                .setUseOriginLabels("1".equals(System.getenv("NR_KEY_ORIGIN")));
    }

    static List<Contract> collectContracts(KeYEnvironment<?> env) {
        TreeMap<String, Contract> byName = new TreeMap<>();
        for (KeYJavaType type : env.getJavaInfo().getAllKeYJavaTypes()) {
            if (KeYTypeUtil.isLibraryClass(type)) {
                continue;
            }
            for (IObserverFunction target : env.getSpecificationRepository().getContractTargets(type)) {
                for (Contract c : env.getSpecificationRepository().getContracts(type, target)) {
                    byName.put(c.getName(), c);
                }
            }
        }
        return new ArrayList<>(byName.values());
    }

    static String classAxioms(String strategy) {
        return switch (strategy) {
            case ProofIndex.NO_EXPAND, ProofIndex.DEPS -> StrategyProperties.CLASS_AXIOM_OFF;
            case ProofIndex.DELAYED -> StrategyProperties.CLASS_AXIOM_DELAYED;
            default -> StrategyProperties.CLASS_AXIOM_FREE;
        };
    }

    /** Result.method: found by KeY's auto mode in this run. */
    static final String SEARCH = "search";
    /** Result.method: a stored certificate replayed and checked step by step by KeY in this run. */
    static final String REPLAY = "replay";

    static Result prove(KeYEnvironment<?> env, Contract c, int maxSteps, long timeoutMs, String strategy,
            Path certDir, boolean replay, boolean save) {
        long t0 = System.nanoTime();
        Proof proof = null;
        try {
            ProofOblInput po = c.createProofObl(env.getInitConfig(), c);
            proof = env.createProof(po);
            StrategyProperties sp = proof.getSettings().getStrategySettings().getActiveStrategyProperties();
            sp.setProperty(StrategyProperties.METHOD_OPTIONS_KEY, StrategyProperties.METHOD_CONTRACT);
            sp.setProperty(StrategyProperties.LOOP_OPTIONS_KEY, StrategyProperties.LOOP_INVARIANT);
            sp.setProperty(StrategyProperties.BLOCK_OPTIONS_KEY, StrategyProperties.BLOCK_CONTRACT_INTERNAL);
            sp.setProperty(StrategyProperties.DEP_OPTIONS_KEY, StrategyProperties.DEP_ON);
            sp.setProperty(StrategyProperties.QUERY_OPTIONS_KEY, StrategyProperties.QUERY_ON);
            // How model-method definitions (class axioms) are used; index.tsv records per contract
            // which of the three closes it (proofs/README.md).
            sp.setProperty(StrategyProperties.CLASS_AXIOM_OPTIONS_KEY, classAxioms(strategy));
            sp.setProperty(StrategyProperties.NON_LIN_ARITH_OPTIONS_KEY, "completion".equals(System.getenv("NR_KEY_ARITH"))
                    ? StrategyProperties.NON_LIN_ARITH_COMPLETION : StrategyProperties.NON_LIN_ARITH_DEF_OPS);
            sp.setProperty(StrategyProperties.STOPMODE_OPTIONS_KEY, System.getenv("NR_KEY_KEEPGOING") != null
                    ? StrategyProperties.STOPMODE_DEFAULT : StrategyProperties.STOPMODE_NONCLOSE);
            String extra = System.getenv("NR_KEY_SP");
            if (extra != null) {
                for (String kv : extra.split(",")) {
                    String[] f = kv.split("=", 2);
                    sp.setProperty(f[0].trim(), f[1].trim());
                }
            }
            proof.getSettings().getStrategySettings().setActiveStrategyProperties(sp);
            proof.getSettings().getStrategySettings().setMaxSteps(maxSteps);
            proof.getSettings().getStrategySettings().setTimeout(timeoutMs);
            String method = SEARCH;
            Path cert = certDir == null ? null : Certificates.file(certDir, shortName(c));
            if (replay && cert != null && Files.exists(cert)) {
                String why = Certificates.replay(cert, proof);
                if (why == null) {
                    method = REPLAY;
                } else {
                    // Never trusted: a fresh proof, searched by auto mode as if there were no certificate.
                    System.err.println("proofs: certificate of " + shortName(c) + " not used (" + why + "); searching");
                    return prove(env, c, maxSteps, timeoutMs, strategy, certDir, false, save);
                }
            } else {
                if (ProofIndex.DEPS.equals(strategy)) {
                    DepsTactic.apply(env, proof, c);
                }
                env.getProofControl().startAndWaitForAutoMode(proof);
                if (save && cert != null && proof.closed()) {
                    Certificates.save(cert, shortName(c), proof);
                }
            }
            String status = proof.closed() ? "proved" : "open";
            if (!proof.closed() && System.getenv("NR_KEY_DUMP") != null) {
                StringBuilder all = new StringBuilder();
                for (de.uka.ilkd.key.proof.Goal g : proof.openGoals()) {
                    all.append("=== goal ").append(g.node().serialNr()).append(" rule apps possible: ")
                            .append(g.getRuleAppManager().peekNext() != null).append('\n')
                            .append(g.sequent().toString()).append("\n\n");
                }
                Files.writeString(Paths.get(System.getenv("NR_KEY_DUMP")), all.toString());
            }
            if (System.getenv("NR_KEY_RULESTATS") != null) {
                printRuleStats(shortName(c), proof);
            }
            if (System.getenv("NR_KEY_SHOWNODE") != null) {
                int want = Integer.parseInt(System.getenv("NR_KEY_SHOWNODE"));
                java.util.Iterator<de.uka.ilkd.key.proof.Node> nodes = proof.root().subtreeIterator();
                while (nodes.hasNext()) {
                    de.uka.ilkd.key.proof.Node n = nodes.next();
                    if (n.serialNr() == want) {
                        System.err.println("node " + want + ":\n" + n.sequent());
                    }
                }
            }
            if (System.getenv("NR_KEY_TREE") != null) {
                printBranches(proof.root(), proof.countNodes() / 50, 0);
            }
            Result done = new Result(shortName(c), status, proof.countNodes(), proof.countBranches(),
                    (System.nanoTime() - t0) / 1e9, strategy, usedContracts(proof));
            done.method = method;
            return done;
        } catch (Exception e) {
            return new Result(shortName(c), "error", 0, 0, (System.nanoTime() - t0) / 1e9, strategy, List.of());
        } finally {
            if (proof != null) {
                proof.dispose();
            }
        }
    }

    /** Diagnostics: the 25 rules the proof applied most often (where a proof spends its steps). */
    static void printRuleStats(String name, Proof proof) {
        Map<String, Integer> count = new HashMap<>();
        java.util.Iterator<de.uka.ilkd.key.proof.Node> it = proof.root().subtreeIterator();
        while (it.hasNext()) {
            de.uka.ilkd.key.rule.RuleApp app = it.next().getAppliedRuleApp();
            if (app != null) {
                count.merge(app.rule().name().toString(), 1, Integer::sum);
            }
        }
        StringBuilder sb = new StringBuilder("rules of " + name + ":");
        count.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        System.err.println(sb);
    }

    /**
     * Diagnostics: the proof tree's branches with their sizes, down to subtrees of at least
     * {@code min} nodes (where in the program or the postcondition a proof spends its steps).
     */
    static void printBranches(de.uka.ilkd.key.proof.Node n, int min, int depth) {
        de.uka.ilkd.key.proof.Node x = n;
        while (x.childrenCount() == 1) {
            x = x.child(0);
        }
        for (int i = 0; i < x.childrenCount(); i++) {
            de.uka.ilkd.key.proof.Node ch = x.child(i);
            int size = ch.countNodes();
            if (size >= min) {
                String label = ch.getNodeInfo().getBranchLabel();
                System.err.println("  ".repeat(depth) + size + " " + (label == null ? "" : label)
                        + " [" + x.getAppliedRuleApp().rule().name() + " @" + x.serialNr() + "]");
                printBranches(ch, min, depth + 1);
            }
        }
    }

    static Path findRoot() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve(CoreSources.CORE_DIR)) && Files.isDirectory(p.resolve("spec/abi"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalArgumentException("cannot find the repository root (no " + CoreSources.CORE_DIR
                + " above " + Paths.get("").toAbsolutePath() + "); use --root");
    }

    /** One contract's outcome. */
    static final class Result {
        final String name;
        final String status;
        final int nodes;
        final int branches;
        final double seconds;
        /** The strategy the attempt used (ProofIndex.EXPAND, DELAYED or NO_EXPAND). */
        final String strategy;
        /** Contracts the proof applied (method, loop-free dependency contracts), by short name. */
        final List<String> uses;
        /** How the proof was obtained: {@link #SEARCH} (auto mode) or {@link #REPLAY} (a certificate checked). */
        String method = SEARCH;

        Result(String name, String status, int nodes, int branches, double seconds, String strategy, List<String> uses) {
            this.name = name;
            this.status = status;
            this.nodes = nodes;
            this.branches = branches;
            this.seconds = seconds;
            this.strategy = strategy;
            this.uses = uses;
        }
    }

    /** Command-line options. */
    static final class Options {
        Path root;
        Path out;
        String filter;
        String buildDir = System.getProperty("nr.out", System.getenv().getOrDefault("NR_OUT", "target"));
        int maxSteps = DEFAULT_MAX_STEPS;
        int timeoutSec = DEFAULT_TIMEOUT_SEC;
        int jobs = DEFAULT_JOBS;
        int openTimeoutSec = DEFAULT_OPEN_TIMEOUT_SEC;
        int openSteps = DEFAULT_OPEN_STEPS;
        int shard = -1;
        int shards = 1;
        Path results;
        /** Shared claim folder of a sharded run (set by the parent JVM), or null. */
        Path claims;
        java.util.Set<String> names;
        Path namesFile;
        boolean writeIndex;
        /** Null: each contract's strategy from the index; else this one for every contract run. */
        String strategy;
        /** Certificate folder (default proofs/certificates under the root). */
        Path certificates;
        /** Ignore certificates: every contract is searched by auto mode. */
        boolean search;
        /** Write a certificate for every proof auto mode closes in this run. */
        boolean saveCertificates;

        Path certificateDir(Path root) {
            return certificates != null ? certificates : root.resolve("proofs").resolve("certificates");
        }

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--root" -> o.root = Paths.get(value(args, ++i, a)).toAbsolutePath();
                    case "--out" -> o.out = Paths.get(value(args, ++i, a)).toAbsolutePath();
                    case "--filter" -> o.filter = value(args, ++i, a);
                    case "--max-steps" -> o.maxSteps = parseSteps(value(args, ++i, a));
                    case "--timeout" -> o.timeoutSec = parseSteps(value(args, ++i, a));
                    case "--open-timeout" -> o.openTimeoutSec = parseSteps(value(args, ++i, a));
                    case "--open-steps" -> o.openSteps = parseSteps(value(args, ++i, a));
                    case "--write-index" -> o.writeIndex = true;
                    case "--search" -> o.search = true;
                    case "--save-certificates" -> o.saveCertificates = true;
                    case "--certificates" -> o.certificates = Paths.get(value(args, ++i, a)).toAbsolutePath();
                    case "--strategy" -> o.strategy = ProofIndex.checkStrategy(value(args, ++i, a));
                    case "--jobs" -> o.jobs = parseSteps(value(args, ++i, a));
                    case "--shard" -> {
                        String[] f = value(args, ++i, a).split("/");
                        o.shard = Integer.parseInt(f[0]);
                        o.shards = Integer.parseInt(f[1]);
                    }
                    case "--results" -> o.results = Paths.get(value(args, ++i, a)).toAbsolutePath();
                    case "--claims" -> o.claims = Paths.get(value(args, ++i, a)).toAbsolutePath();
                    case "--names" -> {
                        o.namesFile = Paths.get(value(args, ++i, a)).toAbsolutePath();
                        try {
                            o.names = new java.util.HashSet<>(Files.readAllLines(o.namesFile));
                        } catch (java.io.IOException e) {
                            throw new IllegalArgumentException("cannot read " + o.namesFile);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a
                            + " (known: --root DIR --out DIR --filter TEXT --max-steps N --timeout SEC --open-timeout SEC --open-steps N --jobs N --names FILE --strategy expand|delayed|noexpand|deps --write-index --search --save-certificates --certificates DIR)");
                }
            }
            String show = System.getenv("NR_KEY_SHOWNODE");
            if (show != null) {
                // Checked here, before KeY starts: each proof parses it again.
                try {
                    parseSteps(show);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("NR_KEY_SHOWNODE: " + e.getMessage());
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String opt) {
            if (i >= args.length) {
                throw new IllegalArgumentException(opt + " needs a value");
            }
            return args[i];
        }

        private static int parseSteps(String s) {
            try {
                int n = Integer.parseInt(s);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("expected a positive integer, got " + s);
        }
    }

    /** Contract name without the package prefix, e.g. "Ipc[Ipc::send(Kernel,int,int)].JML normal_behavior operation contract.0". */
    /**
     * The contracts a proof rests on. KeY names an applied method contract after all the spec
     * cases it combined ("A.0#A.1"); each part counts, with the class-and-method prefix of the
     * first part where a later part omits it.
     */
    static List<String> usedContracts(Proof proof) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (Contract u : proof.mgt().getUsedContracts()) {
            String[] parts = u.getName().replace("dev.noreset.kernel.core.", "").split("#");
            int bracket = parts[0].indexOf("].");
            String prefix = bracket < 0 ? "" : parts[0].substring(0, bracket + 2);
            for (String part : parts) {
                names.add(part.contains("].") ? part : prefix + part);
            }
        }
        return new ArrayList<>(names);
    }

    static String shortName(Contract c) {
        return c.getName().replace("dev.noreset.kernel.core.", "");
    }
}
