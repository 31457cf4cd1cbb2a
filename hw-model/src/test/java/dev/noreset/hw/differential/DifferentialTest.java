package dev.noreset.hw.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Random single instructions on the host CPU and on the emulated CPU, compared register by
 * register, flag by flag (except SDM-undefined ones), byte by byte and fault by fault. The count
 * and seed can be raised: {@code -Dnoreset.diff.count=1000000 -Dnoreset.diff.seed=7}.
 */
class DifferentialTest {
    static final long DEFAULT_SEED = 20261127L;

    @Test
    void randomInstructionsMatchTheHostCpu() throws IOException {
        NativeRunner host = NativeHost.runner();
        // Compared against silicon only: qemu-i386 is no stand-in for the host CPU here.
        String skipped = host == null ? "differential test skipped: " + NativeHost.reason() : "";
        if (host == null) {
            System.out.println(skipped);
        }
        assumeTrue(host != null, skipped);
        long count = Long.getLong("noreset.diff.count", 50_000);
        long seed = Long.getLong("noreset.diff.seed", DEFAULT_SEED);
        long t0 = System.nanoTime();
        DiffRun.Summary s = DiffRun.generated(host, seed, count, Integer.getInteger("noreset.diff.examples", 40), System.out);
        System.out.printf("seed %d, %.1f s%n", seed, (System.nanoTime() - t0) / 1e9);
        s.print(System.out);
        assertEquals(count, s.vectors());
        assertEquals(0, s.mismatches(), () -> s.line() + "; first: " + (s.examples().isEmpty() ? "" : s.examples().get(0)));
    }
}
