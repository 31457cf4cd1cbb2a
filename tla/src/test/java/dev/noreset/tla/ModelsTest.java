package dev.noreset.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs the CI suite of manifest.json with TLC; any surprise fails the build. */
class ModelsTest {

    @Test
    void ciConfigurationsGiveTheManifestResults() {
        assertEquals(0, ModelRunner.runCli(new String[0]),
                "a TLC configuration differs from tla/manifest.json; see the lines above and BUILD/evidence/");
    }
}
