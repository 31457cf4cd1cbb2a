package dev.noreset.cli;

import dev.noreset.hw.bench.CpuBenchmark;
import dev.noreset.hw.differential.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code noreset bench cpu}: guest MIPS of the emulated CPU, with native and qemu-i386 for scale. */
@Command(name = "cpu", mixinStandardHelpOptions = true,
        description = "Run a fixed integer workload (CRC-32, sieve, quicksort) on the emulated CPU, natively and "
                + "under qemu-i386; print 'cpu: X guest MIPS; qemu-i386 Y MIPS; native Z MIPS' (medians).")
final class BenchCpuCommand implements Callable<Integer> {

    @Option(names = "--rounds", description = "Workload repetitions, ~8.8 million guest instructions each "
            + "(default: ${DEFAULT-VALUE}, about 2.2 billion instructions).")
    int rounds = 250;

    @Option(names = "--runs", description = "Timed runs per executor; medians are reported (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--quick", description = "A short run: 20 rounds.")
    boolean quick;

    @Option(names = "--no-native", description = "Skip the native run.")
    boolean noNative;

    @Option(names = "--no-qemu", description = "Skip the qemu-i386 run.")
    boolean noQemu;

    @Option(names = "--source", description = "The workload's C source (default: found from the working directory).")
    Path source;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || runs < 1) {
            throw new IllegalArgumentException("--rounds and --runs must be at least 1");
        }
        Path src = source != null ? source : Tools.findUp(CpuBenchmark.SOURCE);
        Path work = Files.createTempDirectory("noreset-bench-");
        CpuBenchmark.Options o = new CpuBenchmark.Options(quick ? 20 : rounds, runs, !noNative, !noQemu, src, work);
        System.out.printf("bench cpu: %d rounds, %d runs each, workload %s%n", o.rounds(), o.runs(), src);
        CpuBenchmark.Result r = CpuBenchmark.run(o, System.out);
        System.out.println(r.line());
        return 0;
    }
}
