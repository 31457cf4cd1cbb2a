package dev.noreset.cli;

import dev.noreset.hw.conformance.ConformanceRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code noreset conformance DIR}: runs the hardware-generated single-instruction tests in DIR
 * (MOO files, with metadata.json and revocation_list.txt) against the emulated CPU. The last line
 * is {@code conformance: N passed, M failed, K skipped}; the exit status is non-zero when a test
 * failed or a file is malformed.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Run MOO single-instruction conformance vectors against the emulated CPU.")
final class ConformanceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of *.MOO.gz files (e.g. /work/shared/conformance/80286).")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            System.out.println("conformance: " + dir + ": not a directory");
            return 2;
        }
        long t0 = System.nanoTime();
        ConformanceRunner.Result r = new ConformanceRunner().run(dir);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String report = ConformanceRunner.format(r);
        int cut = report.lastIndexOf('\n');
        System.out.println(report.substring(0, cut + 1) + "time: " + ms + " ms");
        for (String e : r.errors) {
            System.out.println("conformance: " + e);
        }
        System.out.println(r.summaryLine());
        return r.failed > 0 || !r.errors.isEmpty() ? 1 : 0;
    }
}
