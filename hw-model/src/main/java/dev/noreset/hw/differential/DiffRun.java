package dev.noreset.hw.differential;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs generated or recorded vectors on both sides and tallies mismatches per instruction. */
public final class DiffRun {
    private static final int BATCH = 20_000;

    /** Totals of one run; {@code examples} holds the first mismatches in full. */
    public record Summary(long vectors, long mismatches, Map<String, Integer> mismatchesByInsn,
                          Map<String, Integer> eventCounts, List<String> examples) {
        public String line() {
            return String.format("differential: %d vectors, %d mismatches", vectors, mismatches);
        }

        public void print(PrintStream out) {
            out.println(line());
            out.println("  outcomes: " + eventCounts);
            if (mismatches > 0) {
                out.println("  mismatches by instruction: " + mismatchesByInsn);
                examples.forEach(e -> out.println("  " + e));
            }
        }
    }

    private final long[] totals = new long[2];
    /** Time spent generating, on the host, in the emulator and comparing. */
    private final long[] nanos = new long[4];
    private final Map<String, Integer> byInsn = new TreeMap<>();
    private final Map<String, Integer> events = new TreeMap<>();
    private final List<String> examples = new ArrayList<>();
    private final int maxExamples;

    public DiffRun(int maxExamples) {
        this.maxExamples = maxExamples;
    }

    /** Generates {@code count} vectors from {@code seed}, runs them natively and in the emulator, and compares. */
    public static Summary generated(NativeRunner host, long seed, long count, int maxExamples, PrintStream progress)
            throws IOException {
        DiffRun run = new DiffRun(maxExamples);
        Generator gen = new Generator(seed);
        EmulatorRunner emu = new EmulatorRunner();
        long done = 0;
        while (done < count) {
            int n = (int) Math.min(BATCH, count - done);
            long t0 = System.nanoTime();
            List<TestVector> batch = gen.next(n);
            long t1 = System.nanoTime();
            List<Outcome> h = host.run(batch);
            long t2 = System.nanoTime();
            List<Outcome> e = emu.run(batch);
            long t3 = System.nanoTime();
            run.compare(batch, h, e);
            long t4 = System.nanoTime();
            run.nanos[0] += t1 - t0;
            run.nanos[1] += t2 - t1;
            run.nanos[2] += t3 - t2;
            run.nanos[3] += t4 - t3;
            done += n;
            if (progress != null) {
                progress.printf("  %d/%d vectors, %d mismatches (s: generate %.1f, host %.1f, emulator %.1f, "
                        + "compare %.1f)%n", done, count, run.totals[1], run.nanos[0] / 1e9, run.nanos[1] / 1e9,
                        run.nanos[2] / 1e9, run.nanos[3] / 1e9);
            }
        }
        return run.summary();
    }

    /** Generates {@code count} vectors from {@code seed}, runs them natively and returns them with their outcomes. */
    public static VectorFile.Recording record(NativeRunner host, long seed, int count) throws IOException {
        List<TestVector> vs = new Generator(seed).next(count);
        return new VectorFile.Recording("seed " + seed + ", " + count + " vectors, host " + hostName(), vs,
                host.run(vs));
    }

    /** Replays a recording on the emulator (no host CPU needed). */
    public static Summary replay(VectorFile.Recording rec, int maxExamples) {
        DiffRun run = new DiffRun(maxExamples);
        run.compare(rec.vectors(), rec.outcomes(), new EmulatorRunner().run(rec.vectors()));
        return run.summary();
    }

    private static String hostName() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.replaceFirst(".*:\\s*", "")).findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    /** Compares a batch whose host outcomes are known (generated just now or recorded). */
    public void compare(List<TestVector> vs, List<Outcome> host, List<Outcome> emu) {
        for (int i = 0; i < vs.size(); i++) {
            TestVector v = vs.get(i);
            totals[0]++;
            events.merge(host.get(i).event() == Outcome.COMPLETED ? "completed"
                    : host.get(i).eventName().replaceAll("\\(.*", ""), 1, Integer::sum);
            String d = Compare.difference(v, host.get(i), emu.get(i));
            if (d != null) {
                totals[1]++;
                byInsn.merge(v.mnemonic(), 1, Integer::sum);
                if (examples.size() < maxExamples) {
                    examples.add(v.describe() + "\n      host: " + host.get(i).describe() + "\n      ours: "
                            + emu.get(i).describe() + "\n      diff: " + d);
                }
            }
        }
    }

    public Summary summary() {
        return new Summary(totals[0], totals[1], new TreeMap<>(byInsn), new TreeMap<>(events), List.copyOf(examples));
    }
}
