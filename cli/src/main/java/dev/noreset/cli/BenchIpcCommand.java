package dev.noreset.cli;

import dev.noreset.hw.machine.Machine;
import dev.noreset.hw.machine.MachineConfig;
import dev.noreset.kernel.boot.BootEntry;
import dev.noreset.kernel.boot.BootImage;
import dev.noreset.kernel.boot.BootedSystem;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelObserver;
import dev.noreset.kernel.trap.TrapEntry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code noreset bench ipc}: SENDREC plus reply between two guest processes (ipcbench and pong)
 * in the emulator. The client marks the measured loop with SYS_TIMES before and after; the host
 * time and the retired guest instructions between the two marks, divided by the round trips,
 * are the result. The client checks every reply, and the run fails if it did not finish.
 */
@Command(name = "ipc", mixinStandardHelpOptions = true,
        description = "Measure SENDREC + reply round trips between two guest processes in the emulator.")
final class BenchIpcCommand implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "200000", description = "Measured round trips.")
    int rounds;

    @Option(names = "--warmup", defaultValue = "50000", description = "Round trips before measuring (JIT warm-up).")
    int warmup;

    @Option(names = "--image", paramLabel = "FILE", description = "Benchmark boot image (default: tests/$NR_OUT/guest/ipcbench.image).")
    Path image;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || warmup < 0) {
            System.err.println("noreset bench ipc: --rounds must be >= 1 and --warmup >= 0");
            return 2;
        }
        Path img = image != null ? image : BootCommand.defaultImage().resolveSibling("ipcbench.image");
        if (!Files.isRegularFile(img)) {
            System.err.println("noreset bench ipc: no benchmark image at " + img
                    + " (build with `mvn package -DskipTests`, or pass --image FILE)");
            return 2;
        }
        BootImage base = BootImage.read(img);
        List<BootEntry> entries = new ArrayList<>();
        for (BootEntry e : base.entries()) {
            entries.add(e.name().equals("ipcbench")
                    ? new BootEntry(e.name(), e.elf(), e.sigmgr(), e.ipcTargets(), e.kcallMask(), e.ioRanges(),
                            e.irqMask(), e.priority(), e.quantum(), List.of(Integer.toString(warmup), Integer.toString(rounds)))
                    : e);
        }
        Machine m = Machine.create(MachineConfig.defaults().withRamBytes(16 << 20));
        long[] marks = new long[4];
        long[] traps = new long[2];
        TrapEntry[] entry = new TrapEntry[1];
        long[] cpuNs = new long[2];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int[] seen = {0};
        int clientSlot = 0;
        while (!entries.get(clientSlot).name().equals("ipcbench")) {
            clientSlot++;
        }
        int slot = clientSlot;
        int[] end = {-1, -1};
        KernelObserver obs = new KernelObserver() {
            @Override
            public void kernelCall(int caller, int nr, int result) {
                if (nr == Abi.SYS_TIMES && seen[0] < 2) {
                    marks[2 * seen[0]] = System.nanoTime();
                    marks[2 * seen[0] + 1] = m.cpu().retired();
                    cpuNs[seen[0]] = threads.getCurrentThreadCpuTime();
                    traps[seen[0]] = entry[0] == null ? 0 : entry[0].traps();
                    seen[0]++;
                }
            }

            @Override
            public void died(int dead, int endpoint, int cause, int status) {
                if (dead == slot) {
                    end[0] = cause;
                    end[1] = status;
                }
            }
        };
        BootedSystem s = BootedSystem.boot(m, BootImage.of(entries), obs, line -> { });
        entry[0] = s.entry();
        Machine.Stop stop = s.run(Long.MAX_VALUE / 4);
        if (seen[0] < 2 || stop != Machine.Stop.REQUESTED || s.entry().internalError() != null
                || end[0] != Abi.DEATH_EXIT || end[1] != 0) {
            System.out.println("ipc: benchmark did not complete (stop " + stop + ", marks " + seen[0]
                    + ", client end cause " + end[0] + " status " + end[1]
                    + (s.entry().internalError() == null ? "" : ", kernel error " + s.entry().internalError()) + ")");
            return 1;
        }
        double ns = (double) (marks[2] - marks[0]) / rounds;
        double insns = (double) (marks[3] - marks[1]) / rounds;
        System.out.printf("ipc: %.0f ns per round trip (host); %.1f guest instructions per round trip%n", ns, insns);
        // Wall time suffers when other work shares the host; the thread's CPU time does not.
        System.out.printf("ipc: (%d round trips; thread CPU time %.0f ns per round trip; %.1f kernel entries per"
                + " round trip)%n", rounds, (double) (cpuNs[1] - cpuNs[0]) / rounds, (double) (traps[1] - traps[0]) / rounds);
        return 0;
    }
}
