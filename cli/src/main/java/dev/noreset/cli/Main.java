package dev.noreset.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code noreset} command: one entry point for running, verifying and measuring the system. */
@Command(name = "noreset", mixinStandardHelpOptions = true, version = "noreset 0.1.0",
        description = "A self-healing, formally checked microkernel on an emulated x86 PC.",
        subcommands = {
            ConformanceCommand.class,
            BenchCommand.class,
            VerifyCommand.class,
            DiffCommand.class,
            CampaignCommand.class,
            BootCommand.class,
            ReportCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        // Bad input is reported in one line, never as a stack trace.
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("noreset: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 2;
        });
        System.exit(cl.execute(args));
    }
}
