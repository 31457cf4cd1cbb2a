package dev.noreset.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

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
    void heaviestProofsAreSpreadOverShards() {
        ProofIndex ix = index("a\tproved\t30000\t1", "b\tproved\t13000\t1", "c\tproved\t11000\t1",
                "d\tproved\t4000\t1", "e\topen\t6000\t1");
        int[] s = Shards.assign(List.of("a", "b", "c", "d", "e"), ix, 2, 200);
        // a alone on one shard; b, c, d and the short attempt of e on the other.
        assertArrayEquals(new int[] {0, 1, 1, 1, 1}, s);
    }

    @Test
    void openContractsWeighTheirShortAttemptAndUnknownOnesAMidSizedProof() {
        assertEquals(200, Shards.weight(new String[] {"x", "open", "6000", "1"}, 200));
        assertEquals(150, Shards.weight(new String[] {"x", "open", "150", "1"}, 200));
        assertEquals(7000, Shards.weight(new String[] {"x", "proved", "7000", "1"}, 200));
        assertEquals(2500, Shards.weight(null, 200));
    }

    @Test
    void oneShardTakesEverything() {
        int[] s = Shards.assign(List.of("a", "b"), index(), 1, 200);
        assertArrayEquals(new int[] {0, 0}, s);
    }
}
