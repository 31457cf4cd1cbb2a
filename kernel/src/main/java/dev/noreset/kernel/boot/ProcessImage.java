package dev.noreset.kernel.boot;

import dev.noreset.hw.loader.Elf32;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

import java.util.List;

/**
 * Gives a process slot a new memory image from an ELF32 executable: a fresh address space with
 * the program's segments and stack, and a context starting at its entry point. Used by the
 * boot loader and by SYS_EXEC. On failure the slot has no address space left (the caller
 * ends the process or reports the error).
 */
public final class ProcessImage {
    private ProcessImage() { }

    /** Frames {@code elf} needs at most (segments, stack, page tables, directory). */
    public static long framesNeeded(Elf32 elf) {
        long pages = ProgramLoader.STACK_PAGES;
        for (Elf32.Segment s : elf.segments()) {
            pages += ((s.end() + 0xFFF) >>> 12) - (Integer.toUnsignedLong(s.vaddr()) >>> 12);
        }
        // One page table per 4 MiB touched: bounded by pages + 2 for the image and the stack.
        return pages + pages / 1024 + 4;
    }

    /** Builds the image; OK, ENOEXEC (does not fit user space) or ENOMEM. */
    public static int build(KernelGlue k, int slot, Elf32 elf, String name, List<String> args) {
        int rc = ProgramLoader.check(elf);
        if (rc != Abi.OK) {
            return rc;
        }
        if (k.memory.freeFrames() < framesNeeded(elf)) {
            return Abi.ENOMEM;
        }
        rc = k.spaces.create(slot);
        if (rc != Abi.OK) {
            return rc;
        }
        ProgramLoader.Result r = new ProgramLoader(k.ram).load(elf, name, args, new ProgramLoader.Mapper() {
            @Override
            public int mapFresh(int vaddr, boolean writable) {
                int pa = k.spaces.mapFresh(slot, vaddr, writable);
                return pa < 0 ? -1 : pa;
            }

            @Override
            public int frameAt(int vaddr) {
                return k.spaces.frameAt(slot, vaddr);
            }

            @Override
            public void makeWritable(int vaddr) {
                k.spaces.makeWritable(slot, vaddr);
            }
        });
        if (r.error() != Abi.OK) {
            k.spaces.release(slot);
            return r.error();
        }
        k.ctx.init(slot, r.entry(), r.esp());
        return Abi.OK;
    }
}
