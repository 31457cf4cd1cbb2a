package dev.noreset.hw.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Replays vectors recorded on real x86 silicon (with their host outcomes) against the emulated
 * CPU. Needs no 32-bit host support, so the comparison runs on every machine. Re-record with
 * {@code ./noreset diff --record hw-model/src/test/resources/differential/recorded-5000.bin.gz --count 5000 --seed 5}.
 */
class RecordedVectorsTest {

    @Test
    void recordedHostOutcomesMatchTheEmulator() throws IOException {
        VectorFile.Recording rec;
        try (InputStream in = getClass().getResourceAsStream("/differential/recorded-5000.bin.gz")) {
            assertNotNull(in, "recorded vector file missing from test resources");
            rec = VectorFile.read(in);
        }
        assertEquals(5000, rec.vectors().size());
        DiffRun.Summary s = DiffRun.replay(rec, 20);
        System.out.println("recorded vectors (" + rec.origin() + "):");
        s.print(System.out);
        assertEquals(0, s.mismatches(), () -> s.line() + "; first: " + (s.examples().isEmpty() ? "" : s.examples().get(0)));
    }
}
