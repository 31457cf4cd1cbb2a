package dev.noreset.hw.differential;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Builds the i386 runner once per test JVM into this module's build folder, or says why it cannot. */
final class NativeHost {
    private static NativeRunner runner;
    private static String reason;
    private static boolean tried;

    private NativeHost() {
    }

    /** The module's build folder (target, or target-xyz with -Dnr.out). */
    static Path buildDir() {
        try {
            Path classes = Path.of(NativeHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            return Path.of("target");
        }
    }

    static synchronized NativeRunner runner() {
        if (!tried) {
            tried = true;
            try {
                Path bin = NativeRunner.build(Path.of("src/test/native/differential/runner.c").toAbsolutePath(),
                        buildDir().resolve("native"));
                NativeRunner r = new NativeRunner(bin);
                reason = r.unavailableReason();
                runner = reason == null ? r : null;
            } catch (IOException e) {
                reason = e.getMessage();
            }
        }
        return runner;
    }

    static synchronized String reason() {
        runner();
        return reason;
    }
}
