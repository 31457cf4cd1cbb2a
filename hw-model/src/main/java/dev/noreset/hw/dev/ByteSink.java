package dev.noreset.hw.dev;

import java.io.IOException;
import java.io.OutputStream;

/** Receives the bytes a device transmits (the host terminal, a log, a test buffer). */
@FunctionalInterface
public interface ByteSink {
    void write(int b);

    ByteSink NONE = b -> { };

    /**
     * A sink writing to a host stream and flushing each byte (console output is interactive). If
     * the stream fails (terminal closed) further output is dropped: the guest cannot be harmed by
     * the host side of its serial line.
     */
    static ByteSink to(OutputStream out) {
        return new ByteSink() {
            private boolean broken;

            @Override
            public void write(int b) {
                if (broken) {
                    return;
                }
                try {
                    out.write(b);
                    out.flush();
                } catch (IOException e) {
                    broken = true;
                }
            }
        };
    }
}
