package dev.noreset.cli;

import dev.noreset.hw.dev.SerialInput;
import dev.noreset.hw.machine.Machine;
import dev.noreset.hw.machine.MachineConfig;
import dev.noreset.kernel.boot.BootImage;
import dev.noreset.kernel.boot.BootedSystem;
import dev.noreset.kernel.trace.KernelTrace;
import dev.noreset.kernel.trace.TraceRecorder;
import dev.noreset.kernel.trap.KernelObserver;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code noreset boot}: boots a boot image on the emulated PC with the console on the UART
 * (printed to standard output) and runs until every process has ended or the budget is used.
 * Until there is a shell, the default image is the in-guest test programs (boot.image).
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Boot the system in the emulator: runs the boot image's programs with the console on "
                + "standard output, until they have all ended (no shell yet).")
final class BootCommand implements Callable<Integer> {

    @Option(names = "--image", paramLabel = "FILE",
            description = "Boot image (default: tests/$NR_OUT/guest/boot.image, built by mvn package).")
    Path image;

    @Option(names = "--budget", paramLabel = "TICKS", defaultValue = "2000000000",
            description = "Virtual-time budget in ticks (retired instructions plus idle time).")
    long budget;

    @Option(names = "--ram", paramLabel = "MIB", defaultValue = "64", description = "RAM size in MiB.")
    int ramMib;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write the kernel's event trace (ND-JSON) here.")
    Path trace;

    @Override
    public Integer call() throws Exception {
        Path img = image != null ? image : defaultImage();
        if (!Files.isRegularFile(img)) {
            System.err.println("noreset boot: no boot image at " + img + " (build the guest programs with "
                    + "`mvn package -DskipTests`, or pass --image FILE)");
            return 2;
        }
        if (ramMib < 4 || ramMib > 1024) {
            System.err.println("noreset boot: --ram must be 4..1024 MiB");
            return 2;
        }
        PrintStream out = System.out;
        int[] last = {'\n'};
        Machine m = Machine.create(MachineConfig.defaults().withRamBytes(ramMib << 20)
                .withSerial(SerialInput.NONE, b -> {
                    out.write(b & 0xFF);
                    last[0] = b & 0xFF;
                }));
        TraceRecorder rec = trace == null ? null : TraceRecorder.toFile(trace);
        try {
            KernelObserver obs = rec == null ? KernelObserver.NONE : new KernelTrace(rec);
            BootedSystem s = BootedSystem.boot(m, BootImage.read(img), obs, line -> {
                // Kernel lines appear at once; a console line still on the wire continues below.
                out.print(last[0] == '\n' ? "" : "\n");
                out.println(line);
                last[0] = '\n';
                out.flush();
            });
            Machine.Stop stop = s.run(budget);
            out.flush();
            String why = switch (stop) {
                case REQUESTED -> "every process has ended";
                case BUDGET -> "the virtual-time budget of " + budget + " ticks is used up";
                case IDLE_FOREVER -> "nothing can run any more";
                default -> "the machine stopped (" + stop + ")";
            };
            out.printf("boot: stopped after %,d ticks of virtual time: %s%n", m.now(), why);
            if (s.entry().internalError() != null) {
                out.println("boot: KERNEL INTERNAL ERROR: " + s.entry().internalError());
                return 1;
            }
            return 0;
        } finally {
            if (rec != null) {
                rec.close();
            }
        }
    }

    static Path defaultImage() {
        String outDir = System.getenv().getOrDefault("NR_OUT", "target");
        return Path.of("tests", outDir, "guest", "boot.image");
    }
}
