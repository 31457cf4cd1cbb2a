package dev.noreset.kernel.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records the kernel's IPC and process-lifecycle events as ND-JSON: one JSON object per line,
 * in the order the kernel performed them, with the event name equal to the TLA+ action name
 * (tla/trace-format.md). Built one event at a time:
 * {@code rec.begin("Send").field("p", 3).field("e", 5, 0).end()}.
 *
 * <p>A write error does not stop the kernel: it is remembered, recording stops, and
 * {@link #error()} reports it (the run's trace is then incomplete and says so).
 */
public final class TraceRecorder implements AutoCloseable {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(128);
    private long seq;
    private boolean open;
    private String error;

    public TraceRecorder(Writer out) {
        this.out = out;
    }

    /** A recorder writing to {@code file} (parent folders are created). */
    public static TraceRecorder toFile(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        return new TraceRecorder(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16));
    }

    /** Starts an event; {@code seq} (1, 2, 3, ...) and the event name come first. */
    public TraceRecorder begin(String event) {
        if (open) {
            throw new IllegalStateException("trace event not ended before " + event);
        }
        open = true;
        line.setLength(0);
        line.append("{\"seq\":").append(++seq).append(",\"event\":");
        string(event);
        return this;
    }

    public TraceRecorder field(String key, long value) {
        key(key);
        line.append(value);
        return this;
    }

    public TraceRecorder field(String key, boolean value) {
        key(key);
        line.append(value);
        return this;
    }

    public TraceRecorder field(String key, String value) {
        key(key);
        if (value == null) {
            line.append("null");
        } else {
            string(value);
        }
        return this;
    }

    /** A pair, e.g. an endpoint as {@code [slot, generation]} as the TLA+ model writes it. */
    public TraceRecorder field(String key, long a, long b) {
        key(key);
        line.append('[').append(a).append(',').append(b).append(']');
        return this;
    }

    /** Ends the event and writes its line. */
    public void end() {
        open = false;
        line.append("}\n");
        if (error != null) {
            return;
        }
        try {
            out.append(line);
        } catch (IOException e) {
            error = "trace write failed: " + e.getMessage();
        }
    }

    /** Events recorded so far. */
    public long count() {
        return seq;
    }

    /** Null, or why the trace is incomplete. */
    public String error() {
        return error;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            error = error == null ? "trace flush failed: " + e.getMessage() : error;
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            error = error == null ? "trace close failed: " + e.getMessage() : error;
        }
    }

    private void key(String key) {
        line.append(',');
        string(key);
        line.append(':');
    }

    private void string(String s) {
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
