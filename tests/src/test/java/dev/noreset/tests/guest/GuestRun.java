package dev.noreset.tests.guest;

import dev.noreset.hw.dev.SerialInput;
import dev.noreset.hw.machine.Machine;
import dev.noreset.hw.machine.MachineConfig;
import dev.noreset.kernel.boot.BootImage;
import dev.noreset.kernel.boot.BootedSystem;
import dev.noreset.kernel.trace.KernelTrace;
import dev.noreset.kernel.trace.TraceRecorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Boots a boot image of the guest test programs on a fresh machine, with the console captured
 * and the kernel trace written to the tests' build folder (traces/NAME.ndjson) for validation.
 */
final class GuestRun {
    /** Virtual-time budget of one guest test run (ticks): far more than any test needs. */
    static final long BUDGET = 400_000_000L;

    final Machine.Stop stop;
    final String console;
    final List<String> log;
    final BootedSystem system;
    final Path trace;

    private GuestRun(Machine.Stop stop, String console, List<String> log, BootedSystem system, Path trace) {
        this.stop = stop;
        this.console = console;
        this.log = log;
        this.system = system;
        this.trace = trace;
    }

    /** The folder userland/build.sh filled; the test is skipped (with the reason) if it could not. */
    static Path guestDir() throws Exception {
        String d = System.getProperty("noreset.guest.dir");
        assumeTrue(d != null, "noreset.guest.dir not set: run the guest tests through Maven (tests module)");
        Path dir = Path.of(d);
        Path skipped = dir.resolve("SKIPPED");
        assumeTrue(!Files.exists(skipped), () -> "guest programs not built: " + read(skipped));
        assumeTrue(Files.exists(dir.resolve("ping.elf")), "guest programs missing in " + dir);
        return dir;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (Exception e) {
            return p.toString();
        }
    }

    static GuestRun run(Path image, String traceName) throws Exception {
        StringBuilder console = new StringBuilder();
        Machine m = Machine.create(MachineConfig.defaults().withRamBytes(32 << 20)
                .withSerial(SerialInput.NONE, b -> console.append((char) (b & 0xFF))));
        Path traceDir = Path.of(System.getProperty("noreset.trace.dir", "target/traces"));
        Path trace = traceDir.resolve(traceName + ".ndjson");
        List<String> log = new ArrayList<>();
        try (TraceRecorder rec = TraceRecorder.toFile(trace)) {
            BootedSystem s = BootedSystem.boot(m, BootImage.read(image), new KernelTrace(rec), log::add);
            Machine.Stop stop = s.run(BUDGET);
            return new GuestRun(stop, console.toString(), log, s, trace);
        }
    }

    /** Number of trace lines whose event is {@code event}. */
    long events(String event) throws Exception {
        String key = "\"event\":\"" + event + "\"";
        try (var lines = Files.lines(trace)) {
            return lines.filter(l -> l.contains(key)).count();
        }
    }

    private static final java.util.regex.Pattern EVENT = java.util.regex.Pattern.compile(
            "\\{\"seq\":(\\d+),\"event\":\"(Send|SendRec|SendNB|SendA|Notify|Receive|Die|Spawn)\","
            + "\"actor\":\\d+(,\"peer\":-?\\d+)?(,\"msg\":-?\\d+)?,"
            + "\"result\":\"(OK|BLOCKED|ELOCKED|EDEADSRCDST|ENOTREADY)\"}");

    /** Null if every trace line has the shape of tla/trace-format.md with seq 1, 2, 3, ...; else the first bad line. */
    String checkTraceFormat() throws Exception {
        List<String> lines = Files.readAllLines(trace);
        for (int i = 0; i < lines.size(); i++) {
            var m = EVENT.matcher(lines.get(i));
            if (!m.matches() || Long.parseLong(m.group(1)) != i + 1) {
                return "line " + (i + 1) + ": " + lines.get(i);
            }
        }
        return null;
    }

    String describe() {
        return "stop=" + stop + "\n--- console ---\n" + console + "\n--- kernel log ---\n" + String.join("\n", log);
    }
}
