package dev.noreset.kernel.vm;

import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;

/**
 * Writes real i386 two-level page tables into emulated RAM. A directory entry is present,
 * writable and user whenever it points at a page table, so the page-table entry alone decides
 * a page's rights (the CPU ANDs both levels). Directory and table frames come from a
 * {@link FrameSource} and are never mapped into any user address space, so no process can
 * write its own page tables.
 *
 * <p>The caller keeps the TLB coherent: after changing the current address space it must
 * invalidate the page ({@link Mmu#invlpg}) or reload CR3.
 */
public final class PageTableWriter {
    private static final int PDE_TABLE = Mmu.PTE_P | Mmu.PTE_RW | Mmu.PTE_US;

    private final PhysicalMemory ram;

    public PageTableWriter(PhysicalMemory ram) {
        this.ram = ram;
    }

    /** A new, empty page directory (physical address), or -1 if no frame is free. */
    public int newDirectory(FrameSource frames) {
        int pd = frames.allocate();
        if (pd != -1) {
            ram.fill(pd, 0x1000, 0);
        }
        return pd;
    }

    /**
     * Maps the page at {@code vaddr} to the frame at {@code frame} for user access, writable or
     * read-only. Returns false (and changes nothing) if a page-table frame was needed and none
     * is free.
     */
    public boolean map(int pageDir, int vaddr, int frame, boolean writable, FrameSource frames) {
        int pdeAddr = pageDir + ((vaddr >>> 22) << 2);
        int pde = ram.read32(pdeAddr);
        if ((pde & Mmu.PTE_P) == 0) {
            int pt = frames.allocate();
            if (pt == -1) {
                return false;
            }
            ram.fill(pt, 0x1000, 0);
            pde = pt | PDE_TABLE;
            ram.write32(pdeAddr, pde);
        }
        int pteAddr = (pde & 0xFFFFF000) + (((vaddr >>> 12) & 0x3FF) << 2);
        ram.write32(pteAddr, (frame & 0xFFFFF000) | Mmu.PTE_P | Mmu.PTE_US | (writable ? Mmu.PTE_RW : 0));
        return true;
    }

    /** The frame mapped at {@code vaddr}, or -1 if none. */
    public int lookup(int pageDir, int vaddr) {
        int pde = ram.read32(pageDir + ((vaddr >>> 22) << 2));
        if ((pde & Mmu.PTE_P) == 0) {
            return -1;
        }
        int pte = ram.read32((pde & 0xFFFFF000) + (((vaddr >>> 12) & 0x3FF) << 2));
        return (pte & Mmu.PTE_P) == 0 ? -1 : pte & 0xFFFFF000;
    }

    /** True if the page at {@code vaddr} is mapped writable. */
    public boolean writable(int pageDir, int vaddr) {
        int pde = ram.read32(pageDir + ((vaddr >>> 22) << 2));
        if ((pde & Mmu.PTE_P) == 0) {
            return false;
        }
        int pte = ram.read32((pde & 0xFFFFF000) + (((vaddr >>> 12) & 0x3FF) << 2));
        return (pte & (Mmu.PTE_P | Mmu.PTE_RW)) == (Mmu.PTE_P | Mmu.PTE_RW);
    }

    /** Removes the mapping at {@code vaddr}; returns the frame it pointed at, or -1. */
    public int unmap(int pageDir, int vaddr) {
        int pde = ram.read32(pageDir + ((vaddr >>> 22) << 2));
        if ((pde & Mmu.PTE_P) == 0) {
            return -1;
        }
        int pteAddr = (pde & 0xFFFFF000) + (((vaddr >>> 12) & 0x3FF) << 2);
        int pte = ram.read32(pteAddr);
        if ((pte & Mmu.PTE_P) == 0) {
            return -1;
        }
        ram.write32(pteAddr, 0);
        return pte & 0xFFFFF000;
    }

    /** Frees the directory and its page tables (not the frames they map: their owner frees those). */
    public void destroy(int pageDir, FrameSource frames) {
        for (int i = 0; i < 1024; i++) {
            int pde = ram.read32(pageDir + (i << 2));
            if ((pde & Mmu.PTE_P) != 0) {
                frames.free(pde & 0xFFFFF000);
            }
        }
        ram.fill(pageDir, 0x1000, 0);
        frames.free(pageDir);
    }

    /** Calls {@code visit} with (vaddr, frame, writable) for every mapped page, in address order. */
    public void forEachMapping(int pageDir, MappingVisitor visit) {
        for (int i = 0; i < 1024; i++) {
            int pde = ram.read32(pageDir + (i << 2));
            if ((pde & Mmu.PTE_P) == 0) {
                continue;
            }
            int pt = pde & 0xFFFFF000;
            for (int j = 0; j < 1024; j++) {
                int pte = ram.read32(pt + (j << 2));
                if ((pte & Mmu.PTE_P) != 0) {
                    visit.mapping((i << 22) | (j << 12), pte & 0xFFFFF000, (pte & Mmu.PTE_RW) != 0);
                }
            }
        }
    }

    /** Receives one mapping from {@link #forEachMapping}. */
    @FunctionalInterface
    public interface MappingVisitor {
        void mapping(int vaddr, int frame, boolean writable);
    }
}
