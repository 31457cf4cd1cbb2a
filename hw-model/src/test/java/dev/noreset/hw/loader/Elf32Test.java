package dev.noreset.hw.loader;

import static dev.noreset.hw.loader.ElfImages.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class Elf32Test {

    @Test
    void parsesValidExecutable() throws ElfFormatException {
        byte[] img = valid();
        Elf32 elf = Elf32.parse(img);
        assertEquals(ENTRY, elf.entry());
        List<Elf32.Segment> segs = elf.segments();
        assertEquals(2, segs.size());
        Elf32.Segment text = segs.get(0), data = segs.get(1);
        assertEquals(TEXT_VADDR, text.vaddr());
        assertEquals(TEXT_OFF + TEXT_SIZE, text.fileSize());
        assertTrue(text.readable() && text.executable() && !text.writable());
        assertArrayEquals(Arrays.copyOfRange(img, 0, TEXT_OFF + TEXT_SIZE), text.fileBytes());
        assertEquals(DATA_VADDR, data.vaddr());
        assertEquals(DATA_MEM, data.memSize());
        assertTrue(data.readable() && data.writable() && !data.executable());
        assertArrayEquals(Arrays.copyOfRange(img, DATA_OFF, DATA_OFF + DATA_SIZE), data.fileBytes());
    }

    @Test
    void segmentsDoNotAliasTheInput() throws ElfFormatException {
        byte[] img = valid();
        Elf32 elf = Elf32.parse(img);
        img[DATA_OFF] ^= 0x55;
        byte[] copy = elf.segments().get(1).fileBytes();
        copy[1] ^= 0x55;
        assertNotEquals(img[DATA_OFF], elf.segments().get(1).fileBytes()[0]);
        assertNotEquals(copy[1], elf.segments().get(1).fileBytes()[1]);
    }

    @Test
    void truncatedHeader() {
        rejects(Arrays.copyOf(valid(), 40), "truncated ELF header");
        rejects(new byte[0], "truncated ELF header");
    }

    @Test
    void nullInput() {
        rejects(null, "no data");
    }

    @Test
    void badMagic() {
        rejects(mutate(b -> b[1] = 'X'), "bad magic");
    }

    @Test
    void wrongClassEndianOrVersion() {
        rejects(mutate(b -> b[4] = 2), "not a 32-bit");
        rejects(mutate(b -> b[5] = 2), "not a little-endian");
        rejects(mutate(b -> b[6] = 0), "unsupported ELF version");
        rejects(mutate(b -> putInt(b, 20, 2)), "unsupported ELF version");
    }

    @Test
    void wrongTypeOrMachine() {
        rejects(mutate(b -> putShort(b, 16, 3)), "not an executable");
        rejects(mutate(b -> putShort(b, 18, 62)), "not an i386 file");
    }

    @Test
    void programHeaderTableProblems() {
        rejects(mutate(b -> putShort(b, 44, 0)), "no program headers");
        rejects(mutate(b -> putShort(b, 42, 56)), "bad program header size");
        rejects(mutate(b -> putInt(b, 28, b.length - 40)), "extends past end of file");
        rejects(mutate(b -> putInt(b, 28, -1)), "extends past end of file");
        rejects(mutate(b -> putShort(b, 44, 0xFFFF)), "extends past end of file");
    }

    @Test
    void segmentOutsideFile() {
        rejects(mutate(b -> putInt(b, ph(1) + 4, b.length - 4)), "extends past end of file");
        rejects(mutate(b -> putInt(b, ph(1) + 16, 0x7FFFFFFF)), "segment 1");
        rejects(mutate(b -> putInt(b, ph(1) + 4, -16)), "extends past end of file");
    }

    @Test
    void memorySizeSmallerThanFileSize() {
        rejects(mutate(b -> putInt(b, ph(1) + 20, DATA_SIZE - 1)), "smaller than file size");
    }

    @Test
    void absurdSize() {
        rejects(mutate(b -> putInt(b, ph(1) + 20, 0x7FFFFFFF)), "absurdly large");
    }

    @Test
    void addressWrap() {
        rejects(mutate(b -> putInt(b, ph(1) + 8, 0xFFFFFFF0)), "wraps past 4 GiB");
    }

    @Test
    void overlappingSegments() {
        rejects(mutate(b -> putInt(b, ph(1) + 8, TEXT_VADDR + 0x10)), "segments overlap");
    }

    @Test
    void entryOutsideCode() {
        rejects(mutate(b -> putInt(b, 24, DATA_VADDR)), "entry point");
        rejects(mutate(b -> putInt(b, 24, 0)), "entry point");
    }

    @Test
    void noLoadableSegment() {
        rejects(mutate(b -> { putInt(b, ph(0), 4); putInt(b, ph(1), 6); }), "no loadable segment");
    }

    @Test
    void dynamicExecutable() {
        rejects(mutate(b -> putInt(b, ph(2), 3)), "dynamically linked");
    }

    @Test
    void unknownFlags() {
        rejects(mutate(b -> putInt(b, ph(1) + 24, 0x106)), "unknown flag bits");
    }

    @Test
    void zeroSizedSegmentIsSkipped() throws ElfFormatException {
        byte[] img = mutate(b -> { putInt(b, ph(1) + 16, 0); putInt(b, ph(1) + 20, 0); });
        assertEquals(1, Elf32.parse(img).segments().size());
    }

    private static byte[] mutate(Consumer<byte[]> m) {
        byte[] img = valid();
        m.accept(img);
        return img;
    }

    private static void rejects(byte[] img, String expected) {
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> Elf32.parse(img));
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
        assertFalse(e.getMessage().contains("\n"), "message must be one line");
    }
}
