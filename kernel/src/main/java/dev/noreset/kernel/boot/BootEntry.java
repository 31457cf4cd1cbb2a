package dev.noreset.kernel.boot;

import java.nio.file.Path;
import java.util.List;

/**
 * One program of the boot image with its privileges (MINIX's boot image row plus its
 * {@code struct priv}), as userland/images/README.md describes the columns.
 *
 * @param name       process name (1..15 characters)
 * @param elf        the program's ELF32 file
 * @param sigmgr     name of its signal manager, or null
 * @param ipcTargets names it may send to; null means everyone
 * @param kcallMask  bit n set: kernel call n allowed
 * @param ioRanges   allowed port ranges, each {first, last} inclusive
 * @param irqMask    bit n set: IRQ line n allowed
 * @param priority   scheduling queue (0 highest)
 * @param quantum    time slice in virtual ticks
 * @param args       argv[1..]
 */
public record BootEntry(String name, Path elf, String sigmgr, List<String> ipcTargets, int kcallMask,
                        List<int[]> ioRanges, int irqMask, int priority, int quantum, List<String> args) {

    /** True if {@code port} lies in one of the entry's I/O ranges. */
    public boolean allowsPort(int port) {
        for (int[] r : ioRanges) {
            if (port >= r[0] && port <= r[1]) {
                return true;
            }
        }
        return false;
    }
}
