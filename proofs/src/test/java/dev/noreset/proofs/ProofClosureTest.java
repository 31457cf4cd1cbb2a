package dev.noreset.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ProofClosureTest {
    private static ProofRunner.Result r(String name, String status, String... uses) {
        return new ProofRunner.Result(name, status, 10, 1, 0.1, ProofIndex.EXPAND, List.of(uses));
    }

    @Test
    void aProofIsConditionalWhenAnythingBelowItIsOpen() {
        Map<String, TreeSet<String>> m = ProofClosure.restingOnOpen(List.of(
                r("top", "proved", "mid"), r("mid", "proved", "leaf"), r("leaf", "open"),
                r("solid", "proved", "base"), r("base", "proved"), r("self", "proved", "self")));
        assertEquals(Map.of("top", new TreeSet<>(List.of("leaf")), "mid", new TreeSet<>(List.of("leaf"))), m);
    }

    @Test
    void aContractTheRunDidNotAttemptCountsAsNotProved() {
        Map<String, TreeSet<String>> m = ProofClosure.restingOnOpen(List.of(r("a", "proved", "elsewhere")));
        assertEquals(new TreeSet<>(List.of("elsewhere")), m.get("a"));
    }

    @Test
    void mutualUseTerminates() {
        Map<String, TreeSet<String>> m = ProofClosure.restingOnOpen(List.of(
                r("a", "proved", "b"), r("b", "proved", "a", "c"), r("c", "open")));
        assertEquals(new TreeSet<>(List.of("c")), m.get("a"));
        assertEquals(new TreeSet<>(List.of("c")), m.get("b"));
    }
}
