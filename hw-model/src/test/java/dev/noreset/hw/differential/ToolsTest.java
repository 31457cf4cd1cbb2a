package dev.noreset.hw.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToolsTest {
    @Test
    void aBinaryHandedToTheShellIsExplained() {
        Tools.Result refused = new Tools.Result(2, new byte[0], "/tmp/x/diff-runner: 1: Syntax error: \"(\" unexpected\n");
        assertTrue(Tools.refusedByKernel(refused).contains("does not run i386 executables"));
    }

    @Test
    void otherFailuresAndSuccessAreNotExplainedAway() {
        assertEquals("", Tools.refusedByKernel(new Tools.Result(1, new byte[0], "Segmentation fault\n")));
        assertEquals("", Tools.refusedByKernel(new Tools.Result(0, new byte[0], "")));
    }

    @Test
    void pathLookupFindsShellAndNotNonsense() {
        assertTrue(Tools.onPath("sh"));
        assertFalse(Tools.onPath("no-such-tool-" + System.nanoTime()));
    }
}
