package dev.noreset.kernel.boot;

import dev.noreset.hw.loader.Elf32;
import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.kernel.core.Abi;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds a process's memory image from an ELF32 executable: every PT_LOAD segment page by page
 * into fresh frames (read-only unless the segment is writable), a zero-filled stack, and on the
 * stack argc, argv[] and the argument strings as crt0 expects them. User space is
 * {@code [USER_BASE, USER_LIMIT)}; a segment outside it is refused (ENOEXEC), so no program can
 * ask for page 0 or for addresses above the stack.
 */
public final class ProgramLoader {
    /** Lowest user address: page 0 .. 4 MiB stay unmapped so null pointers fault. */
    public static final int USER_BASE = 0x0040_0000;
    /** End of user space (exclusive); the stack ends here. */
    public static final int USER_LIMIT = 0x8000_0000;
    public static final int STACK_PAGES = 16;
    public static final int STACK_BOTTOM = USER_LIMIT - STACK_PAGES * 0x1000;
    /** Largest image (all segments) a program may ask for: 16 MiB. */
    public static final long MAX_IMAGE = 16L << 20;

    /** Where the loader puts pages: the kernel maps them in the address space being built. */
    public interface Mapper {
        /** A new zeroed frame mapped at page {@code vaddr}, or -1 if out of memory. */
        int mapFresh(int vaddr, boolean writable);

        /** The frame already mapped at page {@code vaddr}, or -1. */
        int frameAt(int vaddr);

        /** Makes the existing page at {@code vaddr} writable. */
        void makeWritable(int vaddr);
    }

    /** The loaded image's entry point and initial stack pointer, or an error code. */
    public record Result(int error, int entry, int esp) {
        static Result fail(int error) {
            return new Result(error, 0, 0);
        }
    }

    private final PhysicalMemory ram;

    public ProgramLoader(PhysicalMemory ram) {
        this.ram = ram;
    }

    /** Checks the image fits user space; OK or ENOEXEC. Call before changing anything. */
    public static int check(Elf32 elf) {
        long total = 0;
        for (Elf32.Segment s : elf.segments()) {
            long start = Integer.toUnsignedLong(s.vaddr());
            if (start < USER_BASE || s.end() > STACK_BOTTOM) {
                return Abi.ENOEXEC;
            }
            total += s.memSize();
        }
        long entry = Integer.toUnsignedLong(elf.entry());
        if (total > MAX_IMAGE || elf.segments().isEmpty() || entry < USER_BASE || entry >= STACK_BOTTOM) {
            return Abi.ENOEXEC;
        }
        return Abi.OK;
    }

    /**
     * Loads {@code elf} through {@code mapper}. On ENOMEM part of the image may be mapped; the
     * caller then destroys the whole address space.
     */
    public Result load(Elf32 elf, String name, List<String> args, Mapper mapper) {
        int rc = check(elf);
        if (rc != Abi.OK) {
            return Result.fail(rc);
        }
        for (Elf32.Segment s : elf.segments()) {
            rc = loadSegment(s, mapper);
            if (rc != Abi.OK) {
                return Result.fail(rc);
            }
        }
        for (int p = 0; p < STACK_PAGES; p++) {
            if (mapper.mapFresh(STACK_BOTTOM + p * 0x1000, true) == -1) {
                return Result.fail(Abi.ENOMEM);
            }
        }
        int esp = buildStack(name, args, mapper);
        return esp == 0 ? Result.fail(Abi.E2BIG) : new Result(Abi.OK, elf.entry(), esp);
    }

    private int loadSegment(Elf32.Segment s, Mapper mapper) {
        long start = Integer.toUnsignedLong(s.vaddr());
        long end = s.end();
        for (long page = start & ~0xFFFL; page < end; page += 0x1000) {
            int frame = mapper.frameAt((int) page);
            if (frame == -1) {
                frame = mapper.mapFresh((int) page, s.writable());
                if (frame == -1) {
                    return Abi.ENOMEM;
                }
            } else if (s.writable()) {
                mapper.makeWritable((int) page);
            }
            // File bytes that fall in this page.
            long from = Math.max(page, start);
            long to = Math.min(page + 0x1000, start + s.fileSize());
            if (from < to) {
                int segOff = (int) (from - start);
                int len = (int) (to - from);
                byte[] chunk = new byte[len];
                s.copyFileBytes(segOff, chunk, 0, len);
                ram.load(frame + (int) (from - page), chunk, 0, len);
            }
        }
        return Abi.OK;
    }

    /**
     * Writes argv strings at the top of the stack, then the argv array and argc below them.
     * Returns the initial ESP, or 0 if the arguments do not fit in one page.
     */
    private int buildStack(String name, List<String> args, Mapper mapper) {
        int top = USER_LIMIT;
        int argc = args.size() + 1;
        int[] ptrs = new int[argc];
        int sp = top;
        for (int i = argc - 1; i >= 0; i--) {
            byte[] s = (i == 0 ? name : args.get(i - 1)).getBytes(StandardCharsets.UTF_8);
            sp -= s.length + 1;
            if (top - sp > 0x1000 - 4 * (argc + 2)) {
                return 0;
            }
            writeBytes(mapper, sp, s);
            ptrs[i] = sp;
        }
        sp &= ~3;
        sp -= 4 * (argc + 2);
        writeInt(mapper, sp, argc);
        for (int i = 0; i < argc; i++) {
            writeInt(mapper, sp + 4 + 4 * i, ptrs[i]);
        }
        writeInt(mapper, sp + 4 + 4 * argc, 0);
        return sp;
    }

    private void writeBytes(Mapper mapper, int va, byte[] s) {
        for (int i = 0; i < s.length; i++) {
            ram.write8(mapper.frameAt((va + i) & ~0xFFF) + ((va + i) & 0xFFF), s[i]);
        }
        ram.write8(mapper.frameAt((va + s.length) & ~0xFFF) + ((va + s.length) & 0xFFF), 0);
    }

    private void writeInt(Mapper mapper, int va, int v) {
        for (int i = 0; i < 4; i++) {
            ram.write8(mapper.frameAt((va + i) & ~0xFFF) + ((va + i) & 0xFFF), v >>> (8 * i));
        }
    }
}
