package dev.noreset.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardsTest {
    private static ProofIndex index(String... rows) {
        ProofIndex ix = new ProofIndex();
        for (String r : rows) {
            String[] f = r.split("\t");
            ix.rows.put(f[0], f);
        }
        return ix;
    }

    @Test
    void slowestProofsAreSpreadOverShards() {
        ProofIndex ix = index("a\tproved\t13000\t1\texpand\t210.0", "b\tproved\t34000\t1\texpand\t160.0",
                "c\tproved\t11000\t1\texpand\t85.0", "d\tproved\t4000\t1\texpand\t40.0", "e\topen\t6000\t1\texpand\t30.0");
        int[] s = Shards.assign(List.of("a", "b", "c", "d", "e"), ix, 2, 200);
        // Largest first to the less loaded shard: a (210) -> 0; b (160) -> 1; c (85) -> 1 (245);
        // d (40) -> 0 (250); e (its short attempt, 1) -> 1 (246).
        assertArrayEquals(new int[] {0, 1, 1, 0, 1}, s);
    }

    @Test
    void weightIsRecordedTimeElseNodesAtTwoHundredASecond() {
        assertEquals(10, Shards.weight(new String[] {"x", "open", "6000", "1", "expand", "30.0"}, 200));
        assertEquals(7, Shards.weight(new String[] {"x", "open", "150", "1"}, 200));
        assertEquals(350, Shards.weight(new String[] {"x", "proved", "7000", "1"}, 200));
        assertEquals(555, Shards.weight(new String[] {"x", "proved", "7000", "1", "delayed", "55.5"}, 200));
        assertEquals(125, Shards.weight(null, 200));
    }

    @Test
    void oneShardTakesEverything() {
        int[] s = Shards.assign(List.of("a", "b"), index(), 1, 200);
        assertArrayEquals(new int[] {0, 0}, s);
    }

    @Test
    void sharedOrderIsHeaviestFirstWithTiesByName() {
        ProofIndex ix = index("a\tproved\t13000\t1\texpand\t40.0", "b\tproved\t34000\t1\texpand\t160.0",
                "c\tproved\t11000\t1\texpand\t40.0", "d\topen\t4000\t1\texpand\t90.0");
        // d is listed open: it weighs its short attempt (1), not its recorded 90 s.
        assertArrayEquals(new Integer[] {1, 0, 2, 3}, Shards.order(List.of("a", "b", "c", "d"), ix, 200));
    }

    @Test
    void eachPositionIsClaimedOnce(@TempDir Path claims) throws Exception {
        assertTrue(Shards.claim(claims, 0));
        assertFalse(Shards.claim(claims, 0), "a second shard must not get the same contract");
        assertTrue(Shards.claim(claims, 1));
    }
}
