package dev.noreset.cli;

import dev.noreset.hw.differential.DiffRun;
import dev.noreset.hw.differential.NativeRunner;
import dev.noreset.hw.differential.Tools;
import dev.noreset.hw.differential.VectorFile;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code noreset diff}: differential test of the emulated CPU against the host CPU (x86 Linux
 * with 32-bit support), one random instruction per vector; or replay/record of a vector file.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Run random single instructions on the host CPU and on the emulated CPU and compare "
                + "registers, flags, memory and faults. Exit status 1 when anything differs.")
final class DiffCommand implements Callable<Integer> {
    static final String RUNNER_SOURCE = "hw-model/src/test/native/differential/runner.c";

    @Option(names = "--count", description = "Number of vectors (default: ${DEFAULT-VALUE}).")
    long count = 1_000_000;

    @Option(names = "--seed", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--examples", description = "Mismatches to print in full (default: ${DEFAULT-VALUE}).")
    int examples = 20;

    @Option(names = "--record", description = "Write the vectors and host outcomes to this gzip file instead of comparing.")
    Path record;

    @Option(names = "--replay", description = "Compare the emulator against a recorded file (no host CPU needed).")
    Path replay;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1");
        }
        DiffRun.Summary s;
        if (replay != null) {
            try (InputStream in = Files.newInputStream(replay)) {
                VectorFile.Recording rec = VectorFile.read(in);
                System.out.println("replaying " + rec.vectors().size() + " vectors (" + rec.origin() + ")");
                s = DiffRun.replay(rec, examples);
            }
        } else {
            Path bin = NativeRunner.build(Tools.findUp(RUNNER_SOURCE), Files.createTempDirectory("noreset-diff-"));
            NativeRunner host = new NativeRunner(bin);
            String why = host.unavailableReason();
            if (why != null) {
                throw new IllegalStateException("cannot run the differential test here: " + why);
            }
            if (record != null) {
                if (count > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("--record takes at most " + Integer.MAX_VALUE + " vectors");
                }
                VectorFile.Recording rec = DiffRun.record(host, seed, (int) count);
                try (OutputStream out = Files.newOutputStream(record)) {
                    VectorFile.write(out, rec.origin(), rec.vectors(), rec.outcomes());
                }
                System.out.println("recorded " + count + " vectors to " + record);
                return 0;
            }
            long t0 = System.nanoTime();
            s = DiffRun.generated(host, seed, count, examples, System.out);
            System.out.printf("seed %d, %.1f s%n", seed, (System.nanoTime() - t0) / 1e9);
        }
        s.print(System.out);
        return s.mismatches() == 0 ? 0 : 1;
    }
}
