package dev.noreset.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code noreset campaign ...}: long randomized runs against the kernel (fault and attack campaigns). */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Run a randomized campaign against the kernel.",
        subcommands = { CampaignCommand.Hostile.class })
final class CampaignCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code noreset campaign hostile}: random kernel calls and IPC from a hostile process. */
    @Command(name = "hostile", mixinStandardHelpOptions = true,
            description = "Random kernel calls and IPC with random arguments from one process; after every "
                    + "batch the glue's and the core's invariants are checked, the bystanders must be alive "
                    + "and unchanged. Exit status 1 on any broken invariant.")
    static final class Hostile implements Callable<Integer> {
        @Option(names = "--calls", defaultValue = "1000000", description = "Number of random calls (default ${DEFAULT-VALUE}).")
        long calls;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--privileged", description = "Give the caller every kernel call (it is replaced when it dies).")
        boolean privileged;

        @Override
        public Integer call() {
            List<String> a = new ArrayList<>(List.of(Long.toString(calls), Long.toString(seed), "--core-invariants"));
            if (privileged) {
                a.add("--privileged");
            }
            return dev.noreset.kernel.trap.HostileCaller.runCli(a.toArray(new String[0]));
        }
    }
}
