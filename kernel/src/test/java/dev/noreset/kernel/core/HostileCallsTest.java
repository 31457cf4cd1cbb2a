package dev.noreset.kernel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A sample of the hostile-caller run (the full million: HostileCalls.main). */
class HostileCallsTest {
    @Test
    void randomCallsFromAnUnprivilegedProcessAllFailCleanly() {
        for (long seed = 1; seed <= 4; seed++) {
            HostileCalls h = new HostileCalls(seed);
            h.run(10_000, 1);
            assertEquals(10_000, h.calls);
            assertTrue(h.errors > 7_000, "most hostile calls must be refused, got " + h.errors);
        }
    }
}
