package dev.noreset.hw.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A parsed i386 ELF executable (ELFCLASS32, little-endian, EM_386, ET_EXEC): its entry point and
 * its PT_LOAD segments. Parsing checks every field it relies on before using it, so a malformed
 * file yields one {@link ElfFormatException} with a one-line reason and never another exception.
 * The test harnesses and the kernel's boot loader share this parser.
 */
public final class Elf32 {

    /** Segment permission bits, as in p_flags. */
    public static final int PF_X = 1, PF_W = 2, PF_R = 4;

    /** Upper bound on a segment's memory size: more than the emulated PC could ever hold. */
    public static final long MAX_SEGMENT_SIZE = 1L << 30;

    static final int EHDR_SIZE = 52, PHDR_SIZE = 32;
    static final int PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3;
    static final int ET_EXEC = 2, EM_386 = 3;

    /**
     * One PT_LOAD segment: {@code fileBytes} go to {@code vaddr}, the rest of {@code memSize} is zero.
     *
     * @param vaddr     virtual address of the first byte (unsigned 32-bit in an int)
     * @param fileBytes the bytes taken from the file (p_filesz of them)
     * @param memSize   bytes the segment occupies in memory (p_memsz, >= fileBytes.length)
     * @param flags     {@link #PF_R} | {@link #PF_W} | {@link #PF_X}
     */
    public record Segment(int vaddr, byte[] fileBytes, int memSize, int flags) {
        public Segment {
            fileBytes = fileBytes.clone();
        }

        @Override
        public byte[] fileBytes() {
            return fileBytes.clone();
        }

        /** Number of bytes taken from the file. */
        public int fileSize() {
            return fileBytes.length;
        }

        /** Copies {@code len} file bytes starting at segment offset {@code from} into {@code dst}. */
        public void copyFileBytes(int from, byte[] dst, int dstOff, int len) {
            System.arraycopy(fileBytes, from, dst, dstOff, len);
        }

        /** Exclusive end address as an unsigned value. */
        public long end() {
            return Integer.toUnsignedLong(vaddr) + Integer.toUnsignedLong(memSize);
        }

        public boolean readable() { return (flags & PF_R) != 0; }
        public boolean writable() { return (flags & PF_W) != 0; }
        public boolean executable() { return (flags & PF_X) != 0; }

        @Override
        public String toString() {
            return String.format("Segment[vaddr=0x%08x, filesz=%d, memsz=%d, flags=%s%s%s]", vaddr,
                    fileBytes.length, Integer.toUnsignedLong(memSize), readable() ? "R" : "-",
                    writable() ? "W" : "-", executable() ? "X" : "-");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Segment s && s.vaddr == vaddr && s.memSize == memSize && s.flags == flags
                    && Arrays.equals(s.fileBytes, fileBytes);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * vaddr + memSize) + Arrays.hashCode(fileBytes) + flags;
        }
    }

    private final int entry;
    private final List<Segment> segments;

    private Elf32(int entry, List<Segment> segments) {
        this.entry = entry;
        this.segments = Collections.unmodifiableList(segments);
    }

    /** The entry point (e_entry). */
    public int entry() {
        return entry;
    }

    /** The PT_LOAD segments with a non-zero memory size, in ascending address order. */
    public List<Segment> segments() {
        return segments;
    }

    /** Parses {@code image}, which is not modified or retained. */
    public static Elf32 parse(byte[] image) throws ElfFormatException {
        if (image == null) {
            throw new ElfFormatException("not an ELF file: no data");
        }
        if (image.length < EHDR_SIZE) {
            throw new ElfFormatException("truncated ELF header: file has " + image.length + " bytes, header needs "
                    + EHDR_SIZE);
        }
        if ((image[0] & 0xFF) != 0x7F || image[1] != 'E' || image[2] != 'L' || image[3] != 'F') {
            throw new ElfFormatException("not an ELF file: bad magic number");
        }
        require(image[4] == 1, "not a 32-bit ELF file (EI_CLASS=" + (image[4] & 0xFF) + ", want 1)");
        require(image[5] == 1, "not a little-endian ELF file (EI_DATA=" + (image[5] & 0xFF) + ", want 1)");
        require(image[6] == 1, "unsupported ELF version " + (image[6] & 0xFF) + " in e_ident");
        int type = u16(image, 16), machine = u16(image, 18);
        require(type == ET_EXEC, "not an executable (e_type=" + type + ", want ET_EXEC=2)");
        require(machine == EM_386, "not an i386 file (e_machine=" + machine + ", want EM_386=3)");
        require(i32(image, 20) == 1, "unsupported ELF version " + Integer.toUnsignedString(i32(image, 20)));
        int entry = i32(image, 24);
        long phoff = u32(image, 28);
        int phentsize = u16(image, 42), phnum = u16(image, 44);
        require(phnum > 0, "no program headers");
        require(phentsize == PHDR_SIZE, "bad program header size " + phentsize + " (want " + PHDR_SIZE + ")");
        long phEnd = phoff + (long) phnum * PHDR_SIZE;
        require(phEnd <= image.length, "program header table (offset " + phoff + ", " + phnum
                + " entries) extends past end of file (" + image.length + " bytes)");

        List<Segment> loads = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int at = (int) (phoff + (long) i * PHDR_SIZE);
            int ptype = i32(image, at);
            require(ptype != PT_INTERP && ptype != PT_DYNAMIC,
                    "dynamically linked executables are not supported (program header " + i + ")");
            if (ptype == PT_LOAD) {
                Segment s = loadSegment(image, at, i);
                if (s != null) {
                    loads.add(s);
                }
            }
        }
        require(!loads.isEmpty(), "no loadable segment");
        loads.sort(Comparator.comparingLong(s -> Integer.toUnsignedLong(s.vaddr())));
        for (int i = 1; i < loads.size(); i++) {
            Segment a = loads.get(i - 1), b = loads.get(i);
            require(a.end() <= Integer.toUnsignedLong(b.vaddr()), String.format(
                    "segments overlap: 0x%08x..0x%08x and 0x%08x", a.vaddr(), a.end(), b.vaddr()));
        }
        boolean entryOk = false;
        long e = Integer.toUnsignedLong(entry);
        for (Segment s : loads) {
            entryOk |= s.executable() && e >= Integer.toUnsignedLong(s.vaddr()) && e < s.end();
        }
        require(entryOk, String.format("entry point 0x%08x is not inside an executable segment", entry));
        return new Elf32(entry, loads);
    }

    private static Segment loadSegment(byte[] image, int at, int index) throws ElfFormatException {
        long offset = u32(image, at + 4);
        long vaddr = u32(image, at + 8);
        long filesz = u32(image, at + 16), memsz = u32(image, at + 20);
        int flags = i32(image, at + 24);
        String where = "segment " + index + ": ";
        require(memsz >= filesz, where + "memory size " + memsz + " is smaller than file size " + filesz);
        require(memsz <= MAX_SEGMENT_SIZE, where + "memory size " + memsz + " is absurdly large");
        require(offset + filesz <= image.length, where + "file range " + offset + "+" + filesz
                + " extends past end of file (" + image.length + " bytes)");
        require(vaddr + memsz <= 1L << 32, String.format(where + "address range 0x%08x+%d wraps past 4 GiB",
                vaddr, memsz));
        // Bits 20..31 are reserved for OS and processor use (PF_MASKOS, PF_MASKPROC) and are ignored.
        require((flags & 0x000FFFF8) == 0, where + "unknown flag bits 0x" + Integer.toHexString(flags));
        if (memsz == 0) {
            return null;
        }
        byte[] bytes = Arrays.copyOfRange(image, (int) offset, (int) (offset + filesz));
        return new Segment((int) vaddr, bytes, (int) memsz, flags & (PF_R | PF_W | PF_X));
    }

    private static void require(boolean ok, String message) throws ElfFormatException {
        if (!ok) {
            throw new ElfFormatException(message);
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int i32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static long u32(byte[] b, int at) {
        return Integer.toUnsignedLong(i32(b, at));
    }
}
