package dev.noreset.cli;

import picocli.CommandLine.Command;

/** {@code noreset bench ...}: benchmarks (measurements, never pass/fail thresholds). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its result line.",
        subcommands = { BenchCpuCommand.class, BenchIpcCommand.class })
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
