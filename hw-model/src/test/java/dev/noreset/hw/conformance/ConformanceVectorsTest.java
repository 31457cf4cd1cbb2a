package dev.noreset.hw.conformance;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Runs the shared 80286 hardware vectors; any mismatch fails the build. */
class ConformanceVectorsTest {

    static Path vectors() {
        Path shared = Path.of("/work/shared/conformance/80286");
        if (Files.isDirectory(shared)) return shared;
        // Maven runs tests in the module folder: the repository root is its parent.
        Path rel = Path.of("").toAbsolutePath().getParent();
        Path alt = rel == null ? null : rel.resolveSibling("shared").resolve("conformance").resolve("80286");
        return alt != null && Files.isDirectory(alt) ? alt : null;
    }

    @Test
    void all80286VectorsPass() {
        Path dir = vectors();
        Assumptions.assumeTrue(dir != null,
                "80286 conformance vectors not found at /work/shared/conformance/80286 or ../shared relative to the repository root");
        ConformanceRunner.Result r = new ConformanceRunner().run(dir);
        System.out.println(ConformanceRunner.format(r));
        assertTrue(r.errors.isEmpty(), "malformed files: " + r.errors);
        assertEquals(0, r.failed, "conformance failures (see output above)");
        assertTrue(r.passed > 90_000, "expected the full collection, ran " + r.passed);
    }
}
