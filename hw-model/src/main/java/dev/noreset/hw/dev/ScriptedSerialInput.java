package dev.noreset.hw.dev;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Console input from a script, delivered at deterministic points: a chunk is released either at
 * a fixed virtual time ({@link #at}) or the first time the guest finds the receiver empty after
 * every earlier chunk was consumed ({@link #whenPolled}), which models a user who types the next
 * line once the program waits for it. Chunks are released in order. Build the script before the
 * machine runs; the position within it is part of the machine snapshot.
 */
public final class ScriptedSerialInput implements SerialInput {
    private record Chunk(long at, byte[] bytes) { }

    private static final long ON_POLL = -1;

    private final List<Chunk> chunks = new ArrayList<>();
    private int chunk;
    private int offset;
    /** Virtual time from which the current chunk is available, or Long.MAX_VALUE while not released. */
    private long releasedAt = Long.MAX_VALUE;

    /** Adds bytes that become available at virtual time {@code time}. */
    public ScriptedSerialInput at(long time, byte[] bytes) {
        if (time < 0) {
            throw new IllegalArgumentException("negative time");
        }
        return add(time, bytes);
    }

    public ScriptedSerialInput at(long time, String text) {
        return at(time, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds bytes released when the guest next polls an empty receiver after the earlier chunks. */
    public ScriptedSerialInput whenPolled(byte[] bytes) {
        return add(ON_POLL, bytes);
    }

    public ScriptedSerialInput whenPolled(String text) {
        return whenPolled(text.getBytes(StandardCharsets.UTF_8));
    }

    private ScriptedSerialInput add(long at, byte[] bytes) {
        if (bytes.length == 0) {
            return this;
        }
        chunks.add(new Chunk(at, bytes.clone()));
        if (chunks.size() == 1 + chunk) {
            arm();
        }
        return this;
    }

    private void arm() {
        offset = 0;
        if (chunk >= chunks.size()) {
            releasedAt = Long.MAX_VALUE;
        } else {
            long at = chunks.get(chunk).at();
            releasedAt = at == ON_POLL ? Long.MAX_VALUE : at;
        }
    }

    /** True when every scripted byte has been taken. */
    public boolean exhausted() {
        return chunk >= chunks.size();
    }

    @Override
    public long nextByteTime(long now) {
        return releasedAt == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(now, releasedAt);
    }

    @Override
    public int take(long now) {
        Chunk c = chunks.get(chunk);
        int b = c.bytes()[offset++] & 0xFF;
        if (offset == c.bytes().length) {
            chunk++;
            arm();
            // A timed chunk due earlier than its predecessor finished is sent right after it.
        }
        return b;
    }

    @Override
    public void receiverPolledEmpty(long now) {
        if (chunk < chunks.size() && releasedAt == Long.MAX_VALUE && chunks.get(chunk).at() == ON_POLL) {
            releasedAt = now;
        }
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeInt(chunks.size());
        out.writeInt(chunk);
        out.writeInt(offset);
        out.writeLong(releasedAt);
    }

    @Override
    public void loadState(DataInput in) throws IOException {
        int n = in.readInt();
        if (n != chunks.size()) {
            throw new IOException("serial script has " + chunks.size() + " chunks, snapshot expects " + n);
        }
        int c = in.readInt();
        int o = in.readInt();
        long r = in.readLong();
        if (c < 0 || c > n || o < 0 || (c < n && o >= chunks.get(c).bytes().length)) {
            throw new IOException("serial script position out of range");
        }
        chunk = c;
        offset = o;
        releasedAt = r;
    }
}
