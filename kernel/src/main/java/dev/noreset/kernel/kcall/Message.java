package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A kernel copy of one 64-byte message (spec/abi/message.tsv), read and written by byte offset
 * as the generated constants give them. Reused across calls so the trap path does not allocate.
 */
public final class Message {
    // One little-endian word access instead of four byte accesses: every IPC delivery copies
    // sixteen words through here.
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private final byte[] bytes = new byte[Abi.MESSAGE_SIZE];

    public byte[] bytes() {
        return bytes;
    }

    /** The int32 at byte offset {@code off} (0..60, 4-aligned). */
    public int get(int off) {
        return (int) LE32.get(bytes, off);
    }

    public void set(int off, int v) {
        LE32.set(bytes, off, v);
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
