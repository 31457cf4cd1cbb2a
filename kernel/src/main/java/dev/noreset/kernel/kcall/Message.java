package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;

import java.nio.charset.StandardCharsets;

/**
 * A kernel copy of one 64-byte message (spec/abi/message.tsv), read and written by byte offset
 * as the generated constants give them. Reused across calls so the trap path does not allocate.
 */
public final class Message {
    private final byte[] bytes = new byte[Abi.MESSAGE_SIZE];

    public byte[] bytes() {
        return bytes;
    }

    /** The int32 at byte offset {@code off} (0..60, 4-aligned). */
    public int get(int off) {
        return bytes[off] & 0xFF | (bytes[off + 1] & 0xFF) << 8 | (bytes[off + 2] & 0xFF) << 16 | bytes[off + 3] << 24;
    }

    public void set(int off, int v) {
        bytes[off] = (byte) v;
        bytes[off + 1] = (byte) (v >>> 8);
        bytes[off + 2] = (byte) (v >>> 16);
        bytes[off + 3] = (byte) (v >>> 24);
    }

    public int source() {
        return get(Abi.M_SOURCE);
    }

    public int type() {
        return get(Abi.M_TYPE);
    }

    public void clear() {
        java.util.Arrays.fill(bytes, (byte) 0);
    }

    public void copyFrom(Message other) {
        System.arraycopy(other.bytes, 0, bytes, 0, bytes.length);
    }

    /** The NUL-terminated name of at most {@code len} bytes at {@code off}. */
    public String name(int off, int len) {
        int n = 0;
        while (n < len && bytes[off + n] != 0) {
            n++;
        }
        return new String(bytes, off, n, StandardCharsets.UTF_8);
    }

    /** Writes {@code s} NUL-padded into {@code len} bytes at {@code off} (truncated to len - 1). */
    public void setName(int off, int len, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(b.length, len - 1);
        System.arraycopy(b, 0, bytes, off, n);
        java.util.Arrays.fill(bytes, off + n, off + len, (byte) 0);
    }
}
