package dev.noreset.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.uka.ilkd.key.strategy.StrategyProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProofIndexTest {
    @Test
    void readsEachStrategyAndRejectsOthers(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("index.tsv");
        Files.writeString(f, ProofIndex.HEADER + "\na\tproved\t10\t1\tdeps\t0.5\nb\topen\t20\t1\tnoexpand\t1.0\n");
        ProofIndex ix = ProofIndex.read(f);
        assertEquals(ProofIndex.DEPS, ProofIndex.strategyOf(ix.rows.get("a")));
        assertEquals(ProofIndex.NO_EXPAND, ProofIndex.strategyOf(ix.rows.get("b")));
        Files.writeString(f, "a\tproved\t10\t1\tscript\t0.5\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProofIndex.read(f));
        assertEquals(true, e.getMessage().contains("deps"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProofIndex.checkStrategy("auto"));
    }

    @Test
    void depsRunsAutoModeWithClassAxiomsOff() {
        // The tactic unfolds the one predicate itself; auto mode must not unfold its conjuncts.
        assertEquals(StrategyProperties.CLASS_AXIOM_OFF, ProofRunner.classAxioms(ProofIndex.DEPS));
        assertEquals(StrategyProperties.CLASS_AXIOM_FREE, ProofRunner.classAxioms(ProofIndex.EXPAND));
    }
}
