package dev.noreset.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/**
 * The KeY run as part of {@code mvn verify}: attempts every contract of the kernel core and
 * fails on any difference from proofs/index.tsv (a listed contract not proved any more, an
 * unlisted contract, a listed one gone). Evidence: proofs/<build>/proofs/proofs-evidence.json.
 */
class CoreProofsTest {
    @Test
    void everyContractHasItsExpectedOutcome() {
        String root = System.getProperty("nr.root");
        Path rootPath = root != null ? Paths.get(root) : ProofRunner.findRoot();
        int rc = ProofRunner.runCli(new String[] {"--root", rootPath.toString()});
        assertEquals(0, rc, "KeY results differ from proofs/index.tsv (see the MISMATCH lines above)");
    }
}
