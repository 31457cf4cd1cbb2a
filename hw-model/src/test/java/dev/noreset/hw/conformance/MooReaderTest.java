package dev.noreset.hw.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MooReaderTest {

    private static byte[] chunk(String tag, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(tag.getBytes(StandardCharsets.ISO_8859_1)).putInt(payload.length).put(payload);
        return b.array();
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    private static byte[] le(int... u32s) {
        ByteBuffer b = ByteBuffer.allocate(4 * u32s.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : u32s) b.putInt(v);
        return b.array();
    }

    /** A one-test file: NOP at 0000:0100 followed by HLT. */
    static byte[] oneTest() {
        ByteBuffer regs = ByteBuffer.allocate(2 + 28).order(ByteOrder.LITTLE_ENDIAN);
        regs.putShort((short) 0x3FFF);
        int[] v = {1, 2, 3, 4, 0, 0, 0, 0, 0x200, 0, 0, 0, 0x100, 0x0002};
        for (int x : v) regs.putShort((short) x);
        byte[] ram = cat(le(2), le(0x100), new byte[] {(byte) 0x90}, le(0x101), new byte[] {(byte) 0xF4});
        byte[] init = cat(chunk("REGS", regs.array()), chunk("RAM ", ram));
        ByteBuffer fr = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x1000).putShort((short) 0x102);
        byte[] fin = cat(chunk("REGS", fr.array()), chunk("RAM ", le(0)));
        byte[] test = cat(le(0), chunk("NAME", cat(le(3), "nop".getBytes())), chunk("BYTS", cat(le(2), new byte[] {(byte) 0x90, (byte) 0xF4})),
                chunk("INIT", init), chunk("FINA", fin), chunk("HASH", new byte[20]));
        byte[] header = cat(new byte[] {1, 0, 0, 0}, le(1), "C286".getBytes());
        return cat(chunk("MOO ", header), chunk("TEST", test));
    }

    @Test
    void parsesAWellFormedFile() throws Exception {
        List<MooTest> t = MooReader.parse(oneTest());
        assertEquals(1, t.size());
        assertEquals("nop", t.get(0).name());
        assertEquals(0x100, t.get(0).initial().regs()[MooState.IP]);
        assertEquals(0x102, t.get(0).expected().regs()[MooState.IP]);
        assertEquals(-1, t.get(0).exceptionVector());
    }

    @Test
    void truncatedFileIsReportedInOneLine() {
        byte[] full = oneTest();
        for (int cut : new int[] {3, 10, full.length / 2, full.length - 1}) {
            byte[] part = java.util.Arrays.copyOf(full, cut);
            MooFormatException e = assertThrows(MooFormatException.class, () -> MooReader.parse(part));
            assertFalse(e.getMessage().contains("\n"));
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void wrongMagicAndMissingChunksAreReported() {
        assertTrue(assertThrows(MooFormatException.class, () -> MooReader.parse("GARBAGE!".getBytes()))
                .getMessage().contains("not a MOO file"));
        byte[] header = cat(new byte[] {1, 0, 0, 0}, le(2), "C286".getBytes());
        byte[] twoDeclared = cat(chunk("MOO ", header), java.util.Arrays.copyOfRange(oneTest(), 20, oneTest().length));
        assertTrue(assertThrows(MooFormatException.class, () -> MooReader.parse(twoDeclared))
                .getMessage().contains("declares 2 tests"));
    }

    @Test
    void runnerReportsMalformedFilesAndRunsGoodOnes(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("90.MOO"), oneTest());
        Files.write(dir.resolve("91.MOO.gz"), new byte[] {0x1F, (byte) 0x8B, 8, 0, 0});
        ConformanceRunner.Result r = new ConformanceRunner().run(dir);
        assertEquals(1, r.passed);
        assertEquals(0, r.failed);
        assertEquals(1, r.errors.size());
        assertTrue(r.errors.get(0).startsWith("91.MOO.gz: "), r.errors.get(0));
        assertTrue(ConformanceRunner.format(r).endsWith("conformance: 1 passed, 0 failed, 0 skipped"));
    }

    @Test
    void aWrongExpectationIsAFailure(@TempDir Path dir) throws Exception {
        byte[] f = oneTest();
        // Corrupt the expected IP (last REGS value of FINA): 0x102 -> 0x103.
        String s = new String(f, StandardCharsets.ISO_8859_1);
        int at = s.lastIndexOf("REGS") + 8 + 2;
        f[at] = 0x03;
        Files.write(dir.resolve("90.MOO"), f);
        ConformanceRunner.Result r = new ConformanceRunner().run(dir);
        assertEquals(1, r.failed);
        assertTrue(r.failures.get(0).detail().contains("ip=0102(want 0103)"), r.failures.get(0).detail());
    }
}
