package dev.noreset.proofs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the contracts in several child JVMs (one KeY each) and merges their results. */
final class Shards {
    private Shards() { }

    /**
     * Splits contracts over shards ahead of time, for a shard started on its own (a run's
     * shards share a queue instead, see claim), so that their expected work is even: a
     * contract weighs the time its last recorded run took (tenths of a second; a contract
     * listed open weighs its short attempt), and the heaviest goes first to the least loaded
     * shard (longest-processing-time order). Every shard JVM computes the same split from the
     * same index. Time, not proof size: KeY's rate differs tenfold between proofs (Kernel()
     * makes ~60 rule applications a second on its heap of twelve new arrays, Grants.resolve
     * ~200), and round-robin or node counts left one JVM two minutes behind the other.
     */
    static int[] assign(List<String> names, ProofIndex index, int shards, int openSteps) {
        Integer[] order = order(names, index, openSteps);
        long[] load = new long[Math.max(1, shards)];
        int[] shardOf = new int[order.length];
        for (int i : order) {
            int best = 0;
            for (int s = 1; s < load.length; s++) {
                if (load[s] < load[best]) {
                    best = s;
                }
            }
            shardOf[i] = best;
            load[best] += weight(index.rows.get(names.get(i)), openSteps);
        }
        return shardOf;
    }

    /** Indices of names, heaviest expected work first (ties by name, so every JVM agrees). */
    static Integer[] order(List<String> names, ProofIndex index, int openSteps) {
        Integer[] order = new Integer[names.size()];
        long[] weight = new long[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            weight[i] = weight(index.rows.get(names.get(i)), openSteps);
        }
        java.util.Arrays.sort(order, (a, b) -> weight[a] != weight[b] ? Long.compare(weight[b], weight[a])
                : names.get(a).compareTo(names.get(b)));
        return order;
    }

    /**
     * Claims position pos of the shared order for this JVM: creating a file is atomic, so
     * exactly one shard gets each contract. Used instead of the static split when the shards
     * run together, so a shard that loads faster or meets faster proofs simply takes more.
     */
    static boolean claim(Path claims, int pos) throws IOException {
        try {
            Files.createFile(claims.resolve(Integer.toString(pos)));
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        }
    }

    /**
     * Expected cost in tenths of a second: the recorded time when the row has one, else its
     * node count at an assumed 200 rule applications a second; an open contract's short
     * attempt costs at most openSteps of those; an unknown contract counts like a mid-sized proof.
     */
    static long weight(String[] row, int openSteps) {
        if (row == null) {
            return 125;
        }
        long tenths;
        try {
            tenths = row.length >= 6 ? Math.round(Double.parseDouble(row[5]) * 10) : Long.parseLong(row[2]) / 20;
        } catch (NumberFormatException e) {
            tenths = 125;
        }
        return row[1].equals("proved") ? tenths : Math.min(tenths, Math.max(1, openSteps / 20));
    }

    static List<ProofRunner.Result> runChildren(ProofRunner.Options o, Path root, Path outDir, PrintStream out)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Process> procs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Path claims = outDir.resolve("claims");
        if (Files.isDirectory(claims)) {
            try (var old = Files.list(claims)) {
                for (Path f : (Iterable<Path>) old::iterator) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(claims);
        for (int i = 0; i < o.jobs; i++) {
            Path res = outDir.resolve("shard" + i + ".tsv");
            Files.deleteIfExists(res);
            files.add(res);
            // Each shard gets its own home: KeY rewrites ~/.key/proof-settings.json when choices are
            // set, and a shard reading it while another writes it fails to start (seen in CI).
            Path home = Files.createDirectories(outDir.resolve("home" + i));
            // Parallel GC: with two KeY JVMs on two cores, G1's concurrent GC threads compete with
            // the other JVM's proof search (16 proofs in two JVMs at once: 223-228 s with G1,
            // 177 s with parallel GC; proofs/README "Time budget").
            List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xss16m", "-Xmx2g", "-XX:+UseParallelGC",
                    "-Duser.home=" + home.toAbsolutePath(), "-cp", System.getProperty("java.class.path"), ProofRunner.class.getName(),
                    "--root", root.toString(), "--out", outDir.toString(), "--shard", i + "/" + o.jobs,
                    "--results", res.toString(), "--max-steps", Integer.toString(o.maxSteps),
                    "--timeout", Integer.toString(o.timeoutSec), "--open-timeout", Integer.toString(o.openTimeoutSec),
                    "--open-steps", Integer.toString(o.openSteps), "--claims", claims.toString()));
            if (o.namesFile != null) {
                cmd.add("--names");
                cmd.add(o.namesFile.toString());
            }
            if (o.strategy != null) {
                cmd.add("--strategy");
                cmd.add(o.strategy);
            }
            if (o.filter != null) {
                cmd.add("--filter");
                cmd.add(o.filter);
            }
            if (o.certificates != null) {
                cmd.add("--certificates");
                cmd.add(o.certificates.toString());
            }
            if (o.search) {
                cmd.add("--search");
            }
            if (o.saveCertificates) {
                cmd.add("--save-certificates");
            }
            procs.add(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        }
        List<Thread> pumps = new ArrayList<>();
        for (Process p : procs) {
            Thread t = new Thread(() -> pump(p, out));
            t.start();
            pumps.add(t);
        }
        List<ProofRunner.Result> all = new ArrayList<>();
        for (int i = 0; i < procs.size(); i++) {
            int rc = procs.get(i).waitFor();
            pumps.get(i).join();
            if (rc != 0 || !Files.isRegularFile(files.get(i))) {
                throw new IllegalStateException("proof shard " + i + " failed (exit " + rc + ")");
            }
            all.addAll(readResults(files.get(i)));
        }
        all.sort((a, b) -> a.name.compareTo(b.name));
        return all;
    }

    private static void pump(Process p, PrintStream out) {
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("SLF4J")) {
                    synchronized (out) {
                        out.println(line);
                    }
                }
            }
        } catch (IOException e) {
            synchronized (out) {
                out.println("proofs: lost shard output: " + e.getMessage());
            }
        }
    }

    static void writeResults(Path file, List<ProofRunner.Result> results) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (ProofRunner.Result r : results) {
            sb.append(r.name).append('\t').append(r.status).append('\t').append(r.nodes).append('\t')
                    .append(r.branches).append('\t').append(String.format(Locale.ROOT, "%.2f", r.seconds)).append('\t').append(r.strategy)
                    .append('\t').append(String.join(";", r.uses)).append('\t').append(r.method).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    static List<ProofRunner.Result> readResults(Path file) throws IOException {
        List<ProofRunner.Result> rs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t", -1);
            if (f.length == 8) {
                ProofRunner.Result r = new ProofRunner.Result(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        Double.parseDouble(f[4]), f[5], f[6].isEmpty() ? List.of() : List.of(f[6].split(";")));
                r.method = f[7];
                rs.add(r);
            }
        }
        return rs;
    }
}
