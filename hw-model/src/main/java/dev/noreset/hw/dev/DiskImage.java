package dev.noreset.hw.dev;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A host file holding a raw disk, 512-byte sectors, LBA 0 first. Writes go straight to the file
 * (no cache in this process), so a sector the disk reported written survives the JVM stopping.
 */
public final class DiskImage implements Closeable {
    public static final int SECTOR = 512;
    /** LBA28 addresses sectors 0..2^28-1. */
    public static final long MAX_SECTORS = (1L << 28) - 1;

    private final Path path;
    private final RandomAccessFile file;
    private final long sectors;
    private final boolean readOnly;

    private DiskImage(Path path, RandomAccessFile file, long sectors, boolean readOnly) {
        this.path = path;
        this.file = file;
        this.sectors = sectors;
        this.readOnly = readOnly;
    }

    /** Opens {@code path}; any problem becomes a one-line {@link DiskImageException}. */
    public static DiskImage open(Path path, boolean readOnly) throws DiskImageException {
        String name = "disk image " + path;
        if (!Files.isRegularFile(path)) {
            throw new DiskImageException(name + ": not found or not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new DiskImageException(name + ": not readable");
        }
        if (!readOnly && !Files.isWritable(path)) {
            throw new DiskImageException(name + ": not writable (open it read-only to use it)");
        }
        RandomAccessFile f = null;
        try {
            f = new RandomAccessFile(path.toFile(), readOnly ? "r" : "rw");
            long size = f.length();
            if (size <= 0 || size % SECTOR != 0) {
                throw new DiskImageException(name + ": size " + size
                        + " bytes is not a positive multiple of " + SECTOR);
            }
            if (size / SECTOR > MAX_SECTORS) {
                throw new DiskImageException(name + ": " + size / SECTOR
                        + " sectors is too large for LBA28 (at most " + MAX_SECTORS + ")");
            }
            return new DiskImage(path, f, size / SECTOR, readOnly);
        } catch (IOException e) {
            throw new DiskImageException(name + ": cannot open: " + e.getMessage());
        } catch (DiskImageException e) {
            closeQuietly(f);
            throw e;
        }
    }

    private static void closeQuietly(RandomAccessFile f) {
        if (f != null) {
            try {
                f.close();
            } catch (IOException ignored) {
                // Already failing with a clearer message.
            }
        }
    }

    public Path path() { return path; }
    public long sectors() { return sectors; }
    public boolean readOnly() { return readOnly; }

    public void read(long lba, byte[] buf) throws IOException {
        file.seek(lba * SECTOR);
        file.readFully(buf, 0, SECTOR);
    }

    public void write(long lba, byte[] buf) throws IOException {
        file.seek(lba * SECTOR);
        file.write(buf, 0, SECTOR);
    }

    /** Forces written sectors to the storage device (FLUSH CACHE). */
    public void sync() throws IOException {
        file.getFD().sync();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
