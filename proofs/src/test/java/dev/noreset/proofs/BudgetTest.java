package dev.noreset.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The per-contract step and time budgets the runner derives from index rows. */
class BudgetTest {
    @Test
    void provedContractsGetTwiceTheirStepsAndFiveTimesTheirSeconds() {
        String[] big = {"x", "proved", "36465", "268", "expand", "262.1"};
        assertEquals(72930, ProofRunner.stepBudget(big, 2500));
        assertEquals(1311, ProofRunner.timeBudget(big, 300));
    }

    @Test
    void smallOpenOrUnlistedContractsKeepTheDefaults() {
        assertEquals(2500, ProofRunner.stepBudget(new String[] {"x", "proved", "400", "4", "expand", "0.5"}, 2500));
        assertEquals(300, ProofRunner.timeBudget(new String[] {"x", "proved", "400", "4", "expand", "0.5"}, 300));
        assertEquals(300, ProofRunner.timeBudget(new String[] {"x", "open", "201", "1", "expand", "900.0"}, 300));
        assertEquals(300, ProofRunner.timeBudget(new String[] {"x", "proved", "7000", "1"}, 300));
        assertEquals(300, ProofRunner.timeBudget(null, 300));
    }
}
