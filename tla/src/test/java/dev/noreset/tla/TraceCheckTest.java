package dev.noreset.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TraceCheck's verdicts on the hand-written logs of MessagePassing/traces and on a malformed one. */
class TraceCheckTest {
    @TempDir
    Path tmp;

    @Test
    void goodLogIsAcceptedCorruptOneRejectedMalformedOneAnError() throws Exception {
        Path tla = TraceCheck.findTlaDir();
        assertNotNull(tla, "tla/ not found from the working directory");
        Path traces = tla.resolve("MessagePassing").resolve("traces");

        TraceCheck.Result good = TraceCheck.check(traces.resolve("good.ndjson"), tla, tmp);
        assertEquals(TraceCheck.Verdict.ACCEPTED, good.verdict(), good.toString());
        assertEquals(15, good.events());
        assertEquals(16, good.depth(), "one state per matched event, no kernel wake-up in this log");

        TraceCheck.Result bad = TraceCheck.check(traces.resolve("corrupt.ndjson"), tla, tmp);
        assertEquals(TraceCheck.Verdict.REJECTED, bad.verdict(), bad.toString());
        assertEquals(13, bad.depth(), "events 1-12 match, event 13 (a NOTIFY to a dead generation said OK) does not");

        Path malformed = tmp.resolve("malformed.ndjson");
        Files.writeString(malformed, "{\"seq\": 1, \"event\": \"Send\", \"actor\": 1, \"peer\": 2, \"result\": \"SOON\"}\n");
        TraceCheck.Result err = TraceCheck.check(malformed, tla, tmp);
        assertEquals(TraceCheck.Verdict.ERROR, err.verdict());
        assertTrue(err.detail().startsWith("malformed.ndjson line 1") && !err.detail().contains("\n"), err.detail());
    }
}
