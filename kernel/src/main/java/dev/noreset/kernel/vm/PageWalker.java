package dev.noreset.kernel.vm;

import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;

/**
 * The kernel's view of a user address space: a walk of the two-level i386 page tables in
 * emulated RAM, rooted at any page directory, with exactly the checks the CPU makes for a CPL 3
 * access (Intel SDM vol. 3, 4.6: P in both levels, U/S in both, R/W in both for a write). The
 * kernel reaches user memory only through this walk, so a user buffer the process could not
 * touch itself is refused here too (EFAULT), and no address can make the kernel read outside
 * the process's mappings. Like the hardware walk, it sets the accessed and dirty bits.
 *
 * <p>Every IPC copies a message in or out, so the last translations are kept (a small
 * direct-mapped cache keyed by page directory and page). That is invisible: an entry is used
 * only while the directory and table pages it was walked from are unchanged (the walk marks
 * them with {@link PhysicalMemory#markTablePage}, and the first write to a marked page, by
 * anyone, empties the cache), so a new walk would find the same frame and rights, and its
 * accessed and (for a write entry) dirty bits are already set.
 */
public final class PageWalker {
    private static final int CACHE = 64;
    private final PhysicalMemory ram;
    // Cached walks: directory base, linear page number, frame, and whether the entry was
    // walked for a write (then it also answers reads); valid while gen[i] == generation.
    private final int[] cDir = new int[CACHE], cPage = new int[CACHE], cFrame = new int[CACHE];
    private final boolean[] cWrite = new boolean[CACHE];
    private final int[] gen = new int[CACHE];
    private int generation = 1;

    public PageWalker(PhysicalMemory ram) {
        this.ram = ram;
        ram.addTableWatcher(page -> tablesChanged());
    }

    private void tablesChanged() {
        if (++generation == 0) {
            // Wrapped: no old entry may ever match again.
            java.util.Arrays.fill(gen, 0);
            generation = 1;
        }
    }

    /**
     * Physical address of {@code linear} for a user read ({@code write} false) or write in the
     * address space whose page directory is at physical {@code pageDir}, or -1 if the CPU
     * would raise #PF for that access at CPL 3.
     */
    public long translate(int pageDir, int linear, boolean write) {
        int page = linear >>> 12;
        int dir = pageDir & 0xFFFFF000;
        int i = (page ^ (dir >>> 12)) & (CACHE - 1);
        if (gen[i] == generation && cPage[i] == page && cDir[i] == dir && (cWrite[i] || !write)) {
            return (cFrame[i] | (linear & 0xFFF)) & 0xFFFFFFFFL;
        }
        long pa = walk(pageDir, linear, write);
        if (pa >= 0) {
            gen[i] = generation;
            cPage[i] = page;
            cDir[i] = dir;
            cFrame[i] = (int) pa & 0xFFFFF000;
            cWrite[i] = write;
        }
        return pa;
    }

    private long walk(int pageDir, int linear, boolean write) {
        int pdeAddr = (pageDir & 0xFFFFF000) + ((linear >>> 22) << 2);
        int pde = ram.read32(pdeAddr);
        if (!allows(pde, write)) {
            return -1;
        }
        int pteAddr = (pde & 0xFFFFF000) + (((linear >>> 12) & 0x3FF) << 2);
        int pte = ram.read32(pteAddr);
        if (!allows(pte, write)) {
            return -1;
        }
        if ((pde & Mmu.PTE_A) == 0) {
            ram.write32(pdeAddr, pde | Mmu.PTE_A);
        }
        int newPte = pte | Mmu.PTE_A | (write ? Mmu.PTE_D : 0);
        if (newPte != pte) {
            ram.write32(pteAddr, newPte);
        }
        // After the writes above, so the walk does not empty the cache it is about to fill.
        ram.markTablePage(pdeAddr);
        ram.markTablePage(pteAddr);
        return ((pte & 0xFFFFF000) | (linear & 0xFFF)) & 0xFFFFFFFFL;
    }

    private static boolean allows(int entry, boolean write) {
        int need = Mmu.PTE_P | Mmu.PTE_US | (write ? Mmu.PTE_RW : 0);
        return (entry & need) == need;
    }

    /** True if every byte of {@code [linear, linear + len)} is accessible as asked. */
    public boolean accessible(int pageDir, int linear, int len, boolean write) {
        if (len < 0 || (linear & 0xFFFFFFFFL) + len > 0x1_0000_0000L) {
            return false;
        }
        if (len == 0) {
            return true;
        }
        long first = (linear & 0xFFFFFFFFL) >>> 12;
        long last = ((linear & 0xFFFFFFFFL) + len - 1) >>> 12;
        for (long page = first; page <= last; page++) {
            if (translate(pageDir, (int) (page << 12), write) < 0) {
                return false;
            }
        }
        return true;
    }
}
