package dev.noreset.kernel.trap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sample of the hostile-caller campaign (the full run is 1,000,000 calls from the command
 * line): random IPC and kernel calls from an unprivileged process, each answered with a result
 * code and with every invariant intact.
 */
class HostileCallerTest {
    @Test
    void randomCallsFromAnUnprivilegedProcess() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            HostileCaller h = new HostileCaller(seed);
            h.setCoreCheck(HostileCaller::coreInvariants);
            String failure = h.run(20_000);
            assertNull(failure, "seed " + seed + ": " + failure);
            assertTrue(h.calls() == 20_000);
            long denied = h.results().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("KERNEL_CALL") && !e.getKey().endsWith(" OK"))
                    .mapToLong(java.util.Map.Entry::getValue).sum();
            assertTrue(denied > 0, "kernel calls were tried and refused: " + h.results());
            assertTrue(h.results().keySet().stream().noneMatch(k -> k.startsWith("KERNEL_CALL OK")),
                    "an unprivileged process has no kernel call: " + h.results());
        }
    }

    @Test
    void randomCallsFromAPrivilegedProcessNeverBreakTheKernel() throws Exception {
        HostileCaller h = new HostileCaller(11, true);
        h.setCoreCheck(HostileCaller::coreInvariants);
        String failure = h.run(20_000);
        assertNull(failure, failure);
        long handled = h.results().entrySet().stream()
                .filter(e -> e.getKey().startsWith("KERNEL_CALL SYS_") && e.getKey().endsWith(" OK"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        assertTrue(handled > 0, "some privileged kernel calls succeed: " + h.results());
    }
}
