package dev.noreset.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code noreset verify}: discharge proof obligations (KeY contracts, TLC models). */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Discharge the proof obligations: KeY contracts (--proofs) and TLC models (--models). "
                + "With neither option, runs all of them.")
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--proofs", description = "Prove every JML contract of the kernel core with KeY.")
    boolean proofs;

    @Option(names = "--models", description = "Check the TLA+ models with TLC (CI configurations).")
    boolean models;

    @Option(names = "--large", description = "With --models: also run the large configurations.")
    boolean large;

    @Option(names = "--search", description = "With --proofs: ignore the stored proof certificates and let KeY's"
            + " auto mode search every proof.")
    boolean search;

    @Option(names = "--save-certificates", description = "With --proofs: store a certificate (proofs/certificates)"
            + " for every proof auto mode closes; implies --search.")
    boolean save;

    @Override
    public Integer call() throws Exception {
        boolean all = !proofs && !models;
        int rc = 0;
        if (proofs || all) {
            rc |= dev.noreset.proofs.ProofRunner.runCli(save ? new String[] {"--search", "--save-certificates"}
                    : search ? new String[] {"--search"} : new String[0]);
        }
        if (models || all) {
            rc |= dev.noreset.tla.ModelRunner.runCli(large ? new String[] {"--large"} : new String[0]);
        }
        return rc == 0 ? 0 : 1;
    }
}
