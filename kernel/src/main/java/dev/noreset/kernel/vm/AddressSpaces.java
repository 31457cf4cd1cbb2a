package dev.noreset.kernel.vm;

import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.core.Memory;

/**
 * One address space per process slot: the core's {@link Memory} holds who owns which frame and
 * which page maps where (the verified state); this class writes the same mappings as real
 * page tables into RAM ({@link PageTableWriter}), so the CPU enforces exactly what the core
 * allows. Every change goes to the core first; the page tables follow only if the core agreed.
 */
public final class AddressSpaces {
    private final PhysicalMemory ram;
    private final Memory memory;
    private final Mmu mmu;
    private final PageTableWriter tables;
    private final int[] pageDir = new int[Abi.NR_PROCS];
    private final OwnerFrames[] pageTableFrames = new OwnerFrames[Abi.NR_PROCS];

    public AddressSpaces(PhysicalMemory ram, Memory memory, Mmu mmu) {
        this.ram = ram;
        this.memory = memory;
        this.mmu = mmu;
        this.tables = new PageTableWriter(ram);
        for (int s = 0; s < Abi.NR_PROCS; s++) {
            pageTableFrames[s] = new OwnerFrames(s);
        }
    }

    /** Page-table frames come from the core's allocator, owned by the process, kind PAGETABLE. */
    private final class OwnerFrames implements FrameSource {
        private final int owner;

        OwnerFrames(int owner) {
            this.owner = owner;
        }

        @Override
        public int allocate() {
            int f = memory.allocFrame(owner, Memory.PAGETABLE);
            return f < 0 ? -1 : f << 12;
        }

        @Override
        public void free(int physAddr) {
            memory.freeFrame(physAddr >>> 12);
        }
    }

    public PageTableWriter tables() {
        return tables;
    }

    /** Physical address of the slot's page directory, or 0 if it has no address space. */
    public int pageDir(int slot) {
        return pageDir[slot];
    }

    /** Gives {@code slot} a new, empty address space: OK or ENOMEM. */
    public int create(int slot) {
        if (pageDir[slot] != 0) {
            release(slot);
        }
        int pd = tables.newDirectory(pageTableFrames[slot]);
        if (pd == -1) {
            return Abi.ENOMEM;
        }
        pageDir[slot] = pd;
        return Abi.OK;
    }

    /**
     * Maps a fresh zeroed frame at page {@code vaddr} of {@code slot}. Returns the frame's
     * physical address, or a negative error (ENOMEM, or the core's refusal) with nothing changed.
     */
    public int mapFresh(int slot, int vaddr, boolean writable) {
        int pd = pageDir[slot];
        if (pd == 0) {
            return Abi.EINVAL;
        }
        int f = memory.allocFrame(slot, Memory.USER);
        if (f < 0) {
            return f;
        }
        int rc = memory.map(slot, vaddr >>> 12, f, writable);
        if (rc != Abi.OK) {
            memory.freeFrame(f);
            return rc;
        }
        ram.fill(f << 12, 0x1000, 0);
        if (!tables.map(pd, vaddr, f << 12, writable, pageTableFrames[slot])) {
            memory.unmap(slot, vaddr >>> 12);
            memory.freeFrame(f);
            return Abi.ENOMEM;
        }
        return f << 12;
    }

    /** Physical address of the frame at page {@code vaddr}, or -1. */
    public int frameAt(int slot, int vaddr) {
        int f = memory.lookup(slot, vaddr >>> 12);
        return f < 0 ? -1 : f << 12;
    }

    /** Makes an existing page writable (core first, then the page table). */
    public int makeWritable(int slot, int vaddr) {
        int f = memory.lookup(slot, vaddr >>> 12);
        if (f < 0) {
            return Abi.EINVAL;
        }
        int rc = memory.unmap(slot, vaddr >>> 12);
        if (rc == Abi.OK) {
            rc = memory.map(slot, vaddr >>> 12, f, true);
        }
        if (rc == Abi.OK) {
            tables.map(pageDir[slot], vaddr, f << 12, true, pageTableFrames[slot]);
            flush(slot, vaddr);
        }
        return rc;
    }

    /** Unmaps page {@code vaddr} of {@code slot} and frees its frame: OK or EINVAL. */
    public int unmapAndFree(int slot, int vaddr) {
        int f = memory.lookup(slot, vaddr >>> 12);
        if (f < 0) {
            return Abi.EINVAL;
        }
        int rc = memory.unmap(slot, vaddr >>> 12);
        if (rc != Abi.OK) {
            return rc;
        }
        tables.unmap(pageDir[slot], vaddr);
        flush(slot, vaddr);
        memory.freeFrame(f);
        return Abi.OK;
    }

    private void flush(int slot, int vaddr) {
        if (pageDir[slot] != 0 && mmu.cr3() == pageDir[slot]) {
            mmu.invlpg(vaddr);
        }
    }

    /**
     * Frees everything of {@code slot}: its user frames (through the core) and its page tables.
     * If its directory is loaded in CR3, the TLB is flushed so no stale entry outlives it.
     */
    public void release(int slot) {
        int pd = pageDir[slot];
        memory.releaseProcess(slot);
        if (pd != 0) {
            // The core may have freed the page-table frames with the process; free only what it kept.
            for (int i = 0; i < 1024; i++) {
                int pde = ram.read32(pd + (i << 2));
                if ((pde & Mmu.PTE_P) != 0) {
                    freeIfTable(slot, pde >>> 12);
                }
            }
            ram.fill(pd, 0x1000, 0);
            freeIfTable(slot, pd >>> 12);
            if (mmu.cr3() == pd) {
                mmu.flushTlb();
            }
        }
        pageDir[slot] = 0;
    }

    private void freeIfTable(int slot, int frame) {
        if (memory.frameKind(frame) == Memory.PAGETABLE && memory.frameOwner(frame) == slot) {
            memory.freeFrame(frame);
        }
    }

    /**
     * Copies every page of {@code from} into fresh frames of {@code to} (fork), with the same
     * rights. OK, or ENOMEM after which {@code to}'s partial space must be released.
     */
    public int copy(int from, int to) {
        int[] rc = {Abi.OK};
        byte[] page = new byte[0x1000];
        tables.forEachMapping(pageDir[from], (vaddr, frame, writable) -> {
            if (rc[0] != Abi.OK) {
                return;
            }
            int dst = mapFresh(to, vaddr, writable);
            if (dst < 0) {
                rc[0] = Abi.ENOMEM;
                return;
            }
            ram.copyOut(frame, page, 0, page.length);
            ram.load(dst, page, 0, page.length);
        });
        return rc[0];
    }

    /** Number of user pages mapped in {@code slot}'s page tables. */
    public int mappedPages(int slot) {
        if (pageDir[slot] == 0) {
            return 0;
        }
        int[] n = {0};
        tables.forEachMapping(pageDir[slot], (v, f, w) -> n[0]++);
        return n[0];
    }
}
