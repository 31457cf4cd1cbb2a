package dev.noreset.hw.dev;

import dev.noreset.hw.bus.IoBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ATA/ATAPI-6 PIO protocol of the primary-channel disk, register by register. */
class AtaDiskTest {
    private static final long LATENCY = 100;
    @TempDir
    Path dir;
    private final TestWires.Clock clock = new TestWires.Clock();
    private final TestWires.Line line = new TestWires.Line(clock);
    private final IoBus bus = new IoBus();
    private DiskImage image;
    private AtaDisk disk;

    @AfterEach
    void close() throws IOException {
        if (image != null) {
            image.close();
        }
    }

    /** An image whose sector i is filled with bytes (i*7 + offset) & 0xFF. */
    private Path makeImage(int sectors) throws IOException {
        byte[] data = new byte[sectors * 512];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i / 512 * 7 + i % 512);
        }
        Path p = dir.resolve("disk.img");
        Files.write(p, data);
        return p;
    }

    private void attach(Path p, boolean readOnly) throws DiskImageException {
        image = DiskImage.open(p, readOnly);
        disk = new AtaDisk(image, clock, line, LATENCY);
        disk.attach(bus);
    }

    private void waitNotBusy() {
        for (int i = 0; i < 1000 && (bus.in(0x3F6, 1) & AtaDisk.BSY) != 0; i++) {
            clock.now = Math.max(clock.now + 1, Math.min(disk.nextEventTime(), clock.now + 1000));
            disk.advanceTo(clock.now);
        }
        assertEquals(0, bus.in(0x3F6, 1) & AtaDisk.BSY, "device stays busy");
    }

    private void issue(int cmd, long lba, int count) {
        bus.out(0x1F6, 1, 0xE0 | (int) (lba >> 24 & 0x0F));
        bus.out(0x1F2, 1, count);
        bus.out(0x1F3, 1, (int) lba & 0xFF);
        bus.out(0x1F4, 1, (int) (lba >> 8) & 0xFF);
        bus.out(0x1F5, 1, (int) (lba >> 16) & 0xFF);
        bus.out(0x1F7, 1, cmd);
    }

    private byte[] readSectorData() {
        byte[] b = new byte[512];
        for (int i = 0; i < 256; i++) {
            int w = bus.in(0x1F0, 2);
            b[2 * i] = (byte) w;
            b[2 * i + 1] = (byte) (w >> 8);
        }
        return b;
    }

    private byte[] fileSector(Path p, int lba) throws IOException {
        return Arrays.copyOfRange(Files.readAllBytes(p), lba * 512, lba * 512 + 512);
    }

    @Test
    void powerOnStatusAndSignature() throws Exception {
        attach(makeImage(8), false);
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC, bus.in(0x1F7, 1));
        assertEquals(0x01, bus.in(0x1F1, 1), "diagnostic code: device 0 passed");
        assertEquals(0x01, bus.in(0x1F2, 1));
        assertEquals(0x01, bus.in(0x1F3, 1));
        assertEquals(0x00, bus.in(0x1F4, 1));
        assertEquals(0x00, bus.in(0x1F5, 1));
        assertFalse(line.high);
    }

    @Test
    void identifyDeviceWords() throws Exception {
        attach(makeImage(20160), false);          // 20 cylinders of 16 x 63
        bus.out(0x1F6, 1, 0xA0);
        bus.out(0x1F7, 1, AtaDisk.CMD_IDENTIFY);
        assertEquals(AtaDisk.BSY, bus.in(0x3F6, 1));
        waitNotBusy();
        assertTrue(line.high);
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC | AtaDisk.DRQ, bus.in(0x1F7, 1));
        assertFalse(line.high, "reading Status clears INTRQ");
        byte[] b = readSectorData();
        int[] w = new int[256];
        for (int i = 0; i < 256; i++) {
            w[i] = (b[2 * i] & 0xFF) | (b[2 * i + 1] & 0xFF) << 8;
        }
        StringBuilder model = new StringBuilder();
        for (int i = 27; i <= 46; i++) {
            model.append((char) (w[i] >> 8)).append((char) (w[i] & 0xFF));
        }
        assertEquals("noreset ATA disk", model.toString().trim());
        assertEquals(40, model.length());
        assertEquals(0x0040, w[0]);
        assertEquals(20, w[1]);
        assertEquals(16, w[3]);
        assertEquals(63, w[6]);
        assertEquals(0x0200, w[49] & 0x0200, "LBA supported");
        assertEquals(20160, w[60] | w[61] << 16);
        assertEquals(0x40, w[80] & 0x40, "ATA/ATAPI-6");
        assertEquals(0x4000, w[83] & 0xC000);
        assertEquals(0xA5, w[255] & 0xFF);
        int sum = 0;
        for (byte x : b) {
            sum += x & 0xFF;
        }
        assertEquals(0, sum & 0xFF, "checksum word makes the block sum to zero");
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC, bus.in(0x1F7, 1), "DRQ clears after 256 words");
    }

    @Test
    void readSectorsInterruptsForEachSector() throws Exception {
        Path p = makeImage(16);
        attach(p, false);
        issue(AtaDisk.CMD_READ, 5, 3);
        for (int s = 0; s < 3; s++) {
            assertFalse(line.high);
            waitNotBusy();
            assertTrue(line.high, "INTRQ when sector " + s + " is ready");
            assertEquals(AtaDisk.DRDY | AtaDisk.DSC | AtaDisk.DRQ, bus.in(0x1F7, 1));
            assertArrayEquals(fileSector(p, 5 + s), readSectorData());
        }
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC, bus.in(0x1F7, 1));
        assertEquals(3, line.rises, "no interrupt after the last data-in block");
    }

    @Test
    void thirtyTwoBitDataReads() throws Exception {
        Path p = makeImage(4);
        attach(p, false);
        issue(AtaDisk.CMD_READ, 2, 1);
        waitNotBusy();
        byte[] b = new byte[512];
        for (int i = 0; i < 128; i++) {
            int d = bus.in(0x1F0, 4);
            for (int k = 0; k < 4; k++) {
                b[4 * i + k] = (byte) (d >> 8 * k);
            }
        }
        assertArrayEquals(fileSector(p, 2), b);
    }

    @Test
    void sectorCountZeroMeans256() throws Exception {
        attach(makeImage(300), false);
        issue(AtaDisk.CMD_READ, 0, 0);
        for (int s = 0; s < 256; s++) {
            waitNotBusy();
            assertEquals(AtaDisk.DRQ, bus.in(0x1F7, 1) & AtaDisk.DRQ, "sector " + s);
            readSectorData();
        }
        assertEquals(0, bus.in(0x1F7, 1) & AtaDisk.DRQ);
    }

    @Test
    void writeSectorsGoesToTheFileBeforeCompletion() throws Exception {
        Path p = makeImage(8);
        attach(p, false);
        issue(AtaDisk.CMD_WRITE, 6, 2);
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC | AtaDisk.DRQ, bus.in(0x1F7, 1));
        assertFalse(line.high, "no interrupt before the first data-out block");
        byte[] a = new byte[512];
        Arrays.fill(a, (byte) 0xAB);
        for (int i = 0; i < 256; i++) {
            bus.out(0x1F0, 2, 0xABAB);
        }
        assertEquals(AtaDisk.BSY, bus.in(0x3F6, 1));
        waitNotBusy();
        assertTrue(line.high);
        assertArrayEquals(a, fileSector(p, 6), "sector 6 on disk once BSY cleared");
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC | AtaDisk.DRQ, bus.in(0x1F7, 1), "ready for sector 7");
        byte[] c = "last sector".getBytes(StandardCharsets.US_ASCII);
        byte[] full = Arrays.copyOf(c, 512);
        for (int i = 0; i < 128; i++) {
            bus.out(0x1F0, 4, (full[4 * i] & 0xFF) | (full[4 * i + 1] & 0xFF) << 8
                    | (full[4 * i + 2] & 0xFF) << 16 | (full[4 * i + 3] & 0xFF) << 24);
        }
        waitNotBusy();
        assertTrue(line.high);
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC, bus.in(0x1F7, 1));
        assertArrayEquals(full, fileSector(p, 7));
        assertEquals(8 * 512, Files.size(p));
    }

    @Test
    void readPastTheEndFailsWithIdnf() throws Exception {
        attach(makeImage(8), false);
        issue(AtaDisk.CMD_READ, 7, 2);
        waitNotBusy();
        readSectorData();                         // sector 7 exists
        waitNotBusy();
        assertTrue(line.high);
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC | AtaDisk.ERR, bus.in(0x1F7, 1));
        assertEquals(AtaDisk.IDNF, bus.in(0x1F1, 1));
        assertEquals(8, bus.in(0x1F3, 1), "LBA registers name the failing sector");
        issue(AtaDisk.CMD_READ, 0x0FFFFFFF, 1);
        waitNotBusy();
        assertEquals(AtaDisk.ERR, bus.in(0x1F7, 1) & AtaDisk.ERR);
        assertEquals(AtaDisk.IDNF, bus.in(0x1F1, 1));
    }

    @Test
    void writePastTheEndFailsAtOnce() throws Exception {
        attach(makeImage(8), false);
        issue(AtaDisk.CMD_WRITE, 8, 1);
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC | AtaDisk.ERR, bus.in(0x1F7, 1));
        assertEquals(AtaDisk.IDNF, bus.in(0x1F1, 1));
    }

    @Test
    void readOnlyImageAbortsWrites() throws Exception {
        Path p = makeImage(8);
        attach(p, true);
        issue(AtaDisk.CMD_WRITE, 0, 1);
        assertEquals(AtaDisk.ERR, bus.in(0x1F7, 1) & AtaDisk.ERR);
        assertEquals(AtaDisk.ABRT, bus.in(0x1F1, 1));
    }

    @Test
    void unknownCommandIsAborted() throws Exception {
        attach(makeImage(8), false);
        bus.out(0x1F6, 1, 0xA0);
        bus.out(0x1F7, 1, 0xA1);                  // IDENTIFY PACKET DEVICE: not a packet device
        assertTrue(line.high);
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC | AtaDisk.ERR, bus.in(0x1F7, 1));
        assertEquals(AtaDisk.ABRT, bus.in(0x1F1, 1));
    }

    @Test
    void nIenMasksTheInterruptLine() throws Exception {
        attach(makeImage(8), false);
        bus.out(0x3F6, 1, 0x02);
        issue(AtaDisk.CMD_READ, 0, 1);
        waitNotBusy();
        assertFalse(line.high);
        assertEquals(AtaDisk.DRQ, bus.in(0x3F6, 1) & AtaDisk.DRQ, "Alternate Status does not clear INTRQ");
        bus.out(0x3F6, 1, 0x00);
        assertTrue(line.high, "the pending INTRQ appears once nIEN is cleared");
    }

    @Test
    void absentDeviceOneReadsZeroStatusAndIgnoresCommands() throws Exception {
        attach(makeImage(8), false);
        bus.out(0x1F6, 1, 0xB0);
        assertEquals(0, bus.in(0x1F7, 1));
        bus.out(0x1F7, 1, AtaDisk.CMD_IDENTIFY);
        assertEquals(0, bus.in(0x1F7, 1));
        bus.out(0x1F6, 1, 0xA0);
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC, bus.in(0x1F7, 1));
    }

    @Test
    void softwareResetRestoresSignature() throws Exception {
        attach(makeImage(8), false);
        issue(AtaDisk.CMD_READ, 3, 2);
        waitNotBusy();
        bus.out(0x3F6, 1, 0x04);
        assertEquals(AtaDisk.BSY, bus.in(0x3F6, 1) & AtaDisk.BSY);
        bus.out(0x3F6, 1, 0x00);
        waitNotBusy();
        assertEquals(AtaDisk.DRDY | AtaDisk.DSC, bus.in(0x1F7, 1), "transfer abandoned");
        assertEquals(1, bus.in(0x1F1, 1));
        assertEquals(1, bus.in(0x1F2, 1));
        assertEquals(1, bus.in(0x1F3, 1));
        assertEquals(0xFFFF, bus.in(0x1F0, 2), "no data phase");
    }

    @Test
    void chsAddressingUsesTheReportedGeometry() throws Exception {
        Path p = makeImage(2100);
        attach(p, false);
        // cylinder 2, head 1, sector 4 -> LBA (2*16 + 1)*63 + 3 = 2082
        bus.out(0x1F6, 1, 0xA1);
        bus.out(0x1F2, 1, 1);
        bus.out(0x1F3, 1, 4);
        bus.out(0x1F4, 1, 2);
        bus.out(0x1F5, 1, 0);
        bus.out(0x1F7, 1, AtaDisk.CMD_READ);
        waitNotBusy();
        assertArrayEquals(fileSector(p, 2082), readSectorData());
    }

    @Test
    void badImagesGiveOneLineErrors() throws IOException {
        Path missing = dir.resolve("nope.img");
        DiskImageException e1 = assertThrows(DiskImageException.class, () -> DiskImage.open(missing, false));
        assertTrue(e1.getMessage().contains("not found"), e1.getMessage());
        Path odd = dir.resolve("odd.img");
        Files.write(odd, new byte[1000]);
        DiskImageException e2 = assertThrows(DiskImageException.class, () -> DiskImage.open(odd, false));
        assertTrue(e2.getMessage().contains("1000 bytes is not a positive multiple of 512"), e2.getMessage());
        Path empty = dir.resolve("empty.img");
        Files.write(empty, new byte[0]);
        DiskImageException e3 = assertThrows(DiskImageException.class, () -> DiskImage.open(empty, false));
        assertTrue(e3.getMessage().contains("not a positive multiple"), e3.getMessage());
        Path huge = dir.resolve("huge.img");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength((DiskImage.MAX_SECTORS + 1) * 512);   // sparse
        }
        DiskImageException e4 = assertThrows(DiskImageException.class, () -> DiskImage.open(huge, false));
        assertTrue(e4.getMessage().contains("too large for LBA28"), e4.getMessage());
        for (DiskImageException e : new DiskImageException[] {e1, e2, e3, e4}) {
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void snapshotMidSectorResumesTheTransfer() throws Exception {
        Path p = makeImage(8);
        attach(p, false);
        issue(AtaDisk.CMD_READ, 1, 2);
        waitNotBusy();
        for (int i = 0; i < 100; i++) {
            bus.in(0x1F0, 2);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        disk.saveState(new DataOutputStream(buf));
        int[] expected = new int[256 + 156];
        for (int i = 0; i < 156; i++) {
            expected[i] = bus.in(0x1F0, 2);
        }
        waitNotBusy();
        for (int i = 156; i < expected.length; i++) {
            expected[i] = bus.in(0x1F0, 2);
        }

        IoBus bus2 = new IoBus();
        AtaDisk copy = new AtaDisk(image, clock, new TestWires.Line(clock), LATENCY);
        copy.attach(bus2);
        copy.loadState(new DataInputStream(new ByteArrayInputStream(buf.toByteArray())));
        int[] got = new int[expected.length];
        for (int i = 0; i < 156; i++) {
            got[i] = bus2.in(0x1F0, 2);
        }
        clock.now = copy.nextEventTime();
        copy.advanceTo(clock.now);
        for (int i = 156; i < got.length; i++) {
            got[i] = bus2.in(0x1F0, 2);
        }
        assertArrayEquals(expected, got);

        Path other = dir.resolve("other.img");
        Files.write(other, new byte[512]);
        try (DiskImage img2 = DiskImage.open(other, false)) {
            AtaDisk wrong = new AtaDisk(img2, clock, new TestWires.Line(clock), LATENCY);
            IOException e = assertThrows(IOException.class, () ->
                    wrong.loadState(new DataInputStream(new ByteArrayInputStream(buf.toByteArray()))));
            assertTrue(e.getMessage().contains("disk.img"), e.getMessage());
        }
    }
}
