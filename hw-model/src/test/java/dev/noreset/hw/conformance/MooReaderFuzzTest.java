package dev.noreset.hw.conformance;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.*;

/** Corrupted MOO files are rejected with MooFormatException and nothing else. */
class MooReaderFuzzTest {

    @Property(tries = 2000)
    void corruptedFilesFailCleanly(@ForAll @IntRange(min = 0, max = 400) int at, @ForAll byte value,
                                   @ForAll @IntRange(min = 0, max = 400) int cut) {
        byte[] f = MooReaderTest.oneTest();
        if (at < f.length) f[at] = value;
        byte[] g = java.util.Arrays.copyOf(f, Math.min(f.length, Math.max(1, f.length - cut)));
        try {
            MooReader.parse(g);
        } catch (MooFormatException e) {
            assertFalse(e.getMessage().isBlank());
            assertFalse(e.getMessage().contains("\n"));
        } catch (Throwable t) {
            fail("malformed file escaped as " + t, t);
        }
    }
}
