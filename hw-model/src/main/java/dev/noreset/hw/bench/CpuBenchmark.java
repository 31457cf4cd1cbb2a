package dev.noreset.hw.bench;

import dev.noreset.hw.differential.Tools;
import dev.noreset.hw.loader.ElfFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CPU benchmark: one freestanding i386 binary (hw-model/src/main/guest/bench/bench.c: CRC-32,
 * sieve, quicksort) built with gcc -m32, run on the emulated CPU, natively and under qemu-i386.
 * All three rates use the emulator's retired-instruction count, divided by each one's wall time;
 * each figure is the median of several runs. Measurements only: nothing here passes or fails on
 * speed.
 */
public final class CpuBenchmark {
    /** Where the workload's C source lives, relative to the repository root. */
    public static final String SOURCE = "hw-model/src/main/guest/bench/bench.c";

    /**
     * @param rounds  workload repetitions (about 8.8 million guest instructions each)
     * @param runs    timed runs per executor; the median is reported
     * @param source  the C source
     * @param workDir where the binary is built
     */
    public record Options(int rounds, int runs, boolean useNative, boolean useQemu, Path source, Path workDir) {
    }

    /** Medians in MIPS; {@code Double.NaN} where an executor was not available. */
    public record Result(long instructions, double emulatorMips, double qemuMips, double nativeMips, String line) {
    }

    private CpuBenchmark() {
    }

    public static Result run(Options o, PrintStream log) throws IOException, ElfFormatException {
        Path bin = o.workDir().resolve("bench-" + o.rounds());
        Files.createDirectories(o.workDir());
        Tools.run(List.of("gcc", "-m32", "-ffreestanding", "-nostdlib", "-static", "-O2", "-fno-pic", "-no-pie",
                "-fno-stack-protector", "-fno-asynchronous-unwind-tables", "-march=i686", "-mgeneral-regs-only",
                "-DROUNDS=" + o.rounds(), "-o", bin.toString(), o.source().toString()), null, 120);
        byte[] image = Files.readAllBytes(bin);

        // Warm the JIT on a short run of the same code before timing.
        Path warm = o.workDir().resolve("bench-warmup");
        Tools.run(List.of("gcc", "-m32", "-ffreestanding", "-nostdlib", "-static", "-O2", "-fno-pic", "-no-pie",
                "-fno-stack-protector", "-fno-asynchronous-unwind-tables", "-march=i686", "-mgeneral-regs-only",
                "-DROUNDS=3", "-o", warm.toString(), o.source().toString()), null, 120);
        byte[] warmImage = Files.readAllBytes(warm);
        for (int i = 0; i < 3; i++) {
            UserProgram.run(warmImage, 16 << 20, Long.MAX_VALUE);
        }

        long instructions = -1;
        String expected = null;
        double[] emu = new double[o.runs()], emuCpu = new double[o.runs()];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < o.runs(); i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            UserProgram.Result r = UserProgram.run(image, 16 << 20, Long.MAX_VALUE);
            long ns = System.nanoTime() - t0;
            long cpuNs = threads.getCurrentThreadCpuTime() - c0;
            if (r.failure() != null) {
                throw new IOException("the workload failed on the emulated CPU: " + r.failure());
            }
            instructions = r.instructions();
            expected = new String(r.stdout(), StandardCharsets.ISO_8859_1).trim();
            emu[i] = instructions / (ns / 1e3);
            emuCpu[i] = cpuNs > 0 ? instructions / (cpuNs / 1e3) : Double.NaN;
            log.printf("  emulator run %d: %,d instructions in %.2f s = %.1f MIPS (%.1f MIPS by thread CPU time; %.0f%% in"
                    + " compiled blocks; %s)%n", i + 1, instructions, ns / 1e9, emu[i], emuCpu[i],
                    100.0 * r.inBlocks() / Math.max(1, instructions), expected);
        }
        log.printf("  host load average %.1f; emulator median by thread CPU time %.1f MIPS (wall time is what counts)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                median(emuCpu));
        double nat = o.useNative() ? external(List.of(bin.toString()), "native", o.runs(), instructions, expected, log)
                : Double.NaN;
        double qemu = Double.NaN;
        if (o.useQemu()) {
            if (Tools.onPath("qemu-i386")) {
                qemu = external(List.of("qemu-i386", bin.toString()), "qemu-i386", o.runs(), instructions, expected, log);
            } else {
                log.println("  qemu-i386 not installed");
            }
        }
        double e = median(emu);
        String line = String.format("cpu: %s guest MIPS; qemu-i386 %s; native %s", fmt(e),
                Double.isNaN(qemu) ? "n/a" : fmt(qemu) + " MIPS", Double.isNaN(nat) ? "n/a" : fmt(nat) + " MIPS");
        return new Result(instructions, e, qemu, nat, line);
    }

    private static double external(List<String> cmd, String name, int runs, long instructions, String expected,
                                   PrintStream log) {
        double[] mips = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Tools.Result r;
            try {
                r = Tools.run(cmd, new byte[0], 3600);
            } catch (IOException ex) {
                log.println("  " + name + " n/a: " + ex.getMessage());
                return Double.NaN;
            }
            long ns = System.nanoTime() - t0;
            String out = new String(r.stdout(), StandardCharsets.ISO_8859_1).trim();
            if (r.exitCode() != 0 || !out.equals(expected)) {
                log.println("  " + name + " n/a: exit " + r.exitCode() + ", output '" + out + "' (emulator: '"
                        + expected + "') " + r.stderrLine() + Tools.refusedByKernel(r));
                return Double.NaN;
            }
            mips[i] = instructions / (ns / 1e3);
            log.printf("  %s run %d: %.3f s = %.1f MIPS%n", name, i + 1, ns / 1e9, mips[i]);
        }
        return median(mips);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static String fmt(double mips) {
        return mips >= 100 ? String.format("%.0f", mips) : String.format("%.1f", mips);
    }

    /** For reports: the figures as a list of labelled values. */
    public static List<String> describe(Result r) {
        List<String> l = new ArrayList<>();
        l.add("instructions=" + r.instructions());
        l.add(r.line());
        return l;
    }
}
