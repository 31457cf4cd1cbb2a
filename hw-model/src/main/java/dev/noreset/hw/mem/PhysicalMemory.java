package dev.noreset.hw.mem;

import dev.noreset.hw.Snapshottable;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The machine's physical RAM: a flat little-endian byte array starting at physical address 0.
 *
 * <p>Addresses are unsigned. An access beyond {@link #size()} behaves like an unpopulated bus:
 * reads return all ones and writes are dropped, so no guest address can make the model throw.
 *
 * <p>Additions to the published API: {@link #setCodeWatcher}, {@link #markCodePage},
 * {@link #addTableWatcher}, {@link #markTablePage} and {@link #fill}. The CPU marks pages it has
 * decoded code from; the first write to such a page (by the CPU, a device or the kernel) calls
 * the watcher so a decoded-code cache can be invalidated, which is how self-modifying code and
 * program loading stay correct. The MMU marks the page directories and tables it has walked the
 * same way, so it learns when a TLB it has put aside may no longer match RAM.
 */
public final class PhysicalMemory implements Snapshottable {

    /** Told when a page holding decoded code is written. */
    public interface CodeWatcher {
        void codeWritten(int page);
    }

    /** Told when a page marked as holding page tables is written. */
    public interface TableWatcher {
        void tableWritten(int page);
    }

    /** Bits of {@link #watch}: one byte per page, so a write checks a single array. */
    private static final byte CODE = 1, TABLE = 2;

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    private final byte[] watch;
    private CodeWatcher watcher;
    private TableWatcher[] tableWatchers = new TableWatcher[0];

    public PhysicalMemory(int sizeBytes) {
        if (sizeBytes <= 0 || (sizeBytes & 0xFFF) != 0) {
            throw new IllegalArgumentException("RAM size must be a positive multiple of 4 KiB: " + sizeBytes);
        }
        bytes = new byte[sizeBytes];
        watch = new byte[sizeBytes >>> 12];
    }

    public int size() {
        return bytes.length;
    }

    public void setCodeWatcher(CodeWatcher w) {
        watcher = w;
    }

    /** Adds a watcher of page-table pages (one per MMU on this RAM). */
    public void addTableWatcher(TableWatcher w) {
        TableWatcher[] a = java.util.Arrays.copyOf(tableWatchers, tableWatchers.length + 1);
        a[a.length - 1] = w;
        tableWatchers = a;
    }

    /** Marks the page holding {@code pa} as containing decoded code (see class comment). */
    public void markCodePage(int pa) {
        int p = pa >>> 12;
        if (p < watch.length) {
            watch[p] |= CODE;
        }
    }

    /** Marks the page holding {@code pa} as holding page tables (see class comment). */
    public void markTablePage(int pa) {
        int p = pa >>> 12;
        if (p < watch.length) {
            watch[p] |= TABLE;
        }
    }

    private void written(int pa, int len) {
        int first = pa >>> 12;
        int last = (int) (((pa & 0xFFFFFFFFL) + len - 1) >>> 12);
        for (int p = first; p <= last && p < watch.length; p++) {
            if (watch[p] != 0) {
                notifyWritten(p);
            }
        }
    }

    /** Clears page {@code p}'s marks and tells the watchers that had marked it. */
    private void notifyWritten(int p) {
        int w = watch[p];
        watch[p] = 0;
        if ((w & CODE) != 0 && watcher != null) {
            watcher.codeWritten(p);
        }
        if ((w & TABLE) != 0) {
            for (TableWatcher t : tableWatchers) {
                t.tableWritten(p);
            }
        }
    }

    private boolean in(int pa, int len) {
        return pa >= 0 && pa <= bytes.length - len;
    }

    public int read8(int pa) {
        return in(pa, 1) ? bytes[pa] & 0xFF : 0xFF;
    }

    public int read16(int pa) {
        if (in(pa, 2)) {
            return (short) I16.get(bytes, pa) & 0xFFFF;
        }
        return read8(pa) | read8(pa + 1) << 8;
    }

    public int read32(int pa) {
        if (in(pa, 4)) {
            return (int) I32.get(bytes, pa);
        }
        return read16(pa) | read16(pa + 2) << 16;
    }

    public void write8(int pa, int v) {
        if (in(pa, 1)) {
            if (watch[pa >>> 12] != 0) {
                written(pa, 1);
            }
            bytes[pa] = (byte) v;
        }
    }

    public void write16(int pa, int v) {
        if (in(pa, 2)) {
            if ((watch[pa >>> 12] | watch[(pa + 1) >>> 12]) != 0) {
                written(pa, 2);
            }
            I16.set(bytes, pa, (short) v);
        } else {
            write8(pa, v);
            write8(pa + 1, v >>> 8);
        }
    }

    public void write32(int pa, int v) {
        if (in(pa, 4)) {
            if ((watch[pa >>> 12] | watch[(pa + 3) >>> 12]) != 0) {
                written(pa, 4);
            }
            I32.set(bytes, pa, v);
        } else {
            write16(pa, v);
            write16(pa + 2, v >>> 16);
        }
    }

    /**
     * Reads {@code n} little-endian int32 words from {@code pa} into {@code dst[0..n)}: exactly
     * what {@code n} calls of {@link #read32} at {@code pa, pa + 4, ...} return, in one range
     * check when the words lie inside RAM (the kernel copies whole messages this way).
     */
    public void read32s(int pa, int[] dst, int n) {
        if (n > 0 && in(pa, 4 * n)) {
            for (int w = 0; w < n; w++) {
                dst[w] = (int) I32.get(bytes, pa + 4 * w);
            }
            return;
        }
        for (int w = 0; w < n; w++) {
            dst[w] = read32(pa + 4 * w);
        }
    }

    /**
     * Writes {@code src[0..n)} as little-endian int32 words from {@code pa}: the same RAM and
     * watcher effects as {@link #load} of those bytes (every watched page in the range is
     * reported once, before the words are stored; words beyond RAM are dropped), without the
     * caller staging them in a byte array.
     */
    public void write32s(int pa, int[] src, int n) {
        if (n > 0 && in(pa, 4 * n)) {
            // A range of at most one page's length touches at most two pages, its first and its
            // last: their watch bits decide. A longer range may cover pages in between, so it
            // always takes the full per-page check in written().
            if ((watch[pa >>> 12] | watch[(pa + 4 * n - 1) >>> 12]) != 0 || 4 * n > 0x1000) {
                written(pa, 4 * n);
            }
            for (int w = 0; w < n; w++) {
                I32.set(bytes, pa + 4 * w, src[w]);
            }
            return;
        }
        for (int w = 0; w < n; w++) {
            write32(pa + 4 * w, src[w]);
        }
    }

    /** Copies {@code len} bytes into RAM at {@code pa}; the part beyond RAM is dropped. */
    public void load(int pa, byte[] data, int off, int len) {
        long end = Math.min((pa & 0xFFFFFFFFL) + len, bytes.length);
        if ((pa & 0xFFFFFFFFL) >= end) {
            return;
        }
        int n = (int) (end - (pa & 0xFFFFFFFFL));
        written(pa, n);
        System.arraycopy(data, off, bytes, pa, n);
    }

    /** Copies {@code len} bytes out of RAM from {@code pa}; bytes beyond RAM read as 0xFF. */
    public void copyOut(int pa, byte[] dst, int off, int len) {
        for (int i = 0; i < len; i++) {
            dst[off + i] = (byte) read8(pa + i);
        }
    }

    /** Sets {@code len} bytes from {@code pa} to {@code value} (used to clear frames). */
    public void fill(int pa, int len, int value) {
        long end = Math.min((pa & 0xFFFFFFFFL) + len, bytes.length);
        if ((pa & 0xFFFFFFFFL) >= end) {
            return;
        }
        written(pa, (int) (end - pa));
        java.util.Arrays.fill(bytes, pa, (int) end, (byte) value);
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public void loadState(DataInput in) throws IOException {
        int n = in.readInt();
        if (n != bytes.length) {
            throw new IOException("RAM snapshot size " + n + " does not match RAM size " + bytes.length);
        }
        in.readFully(bytes);
        for (int p = 0; p < watch.length; p++) {
            if (watch[p] != 0) {
                notifyWritten(p);
            }
        }
    }
}
