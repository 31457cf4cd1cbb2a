package dev.noreset.hw.dev;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Live console input from a host stream (the terminal). A daemon thread reads the stream; the UART
 * picks bytes up at its next receive opportunity, so when bytes arrive depends on host timing:
 * runs with live input are not reproducible (use {@link ScriptedSerialInput} for that). Its
 * snapshot is empty: typed-ahead bytes stay in the host queue.
 */
public final class HostSerialInput implements SerialInput {
    private final LinkedBlockingDeque<Integer> queue = new LinkedBlockingDeque<>();

    public HostSerialInput(InputStream in) {
        Thread t = new Thread(() -> pump(in), "noreset-serial-in");
        t.setDaemon(true);
        t.start();
    }

    private void pump(InputStream in) {
        try {
            int b;
            while ((b = in.read()) >= 0) {
                queue.add(b);
            }
        } catch (IOException e) {
            // The terminal went away: the guest simply receives nothing more.
        }
    }

    @Override
    public long nextByteTime(long now) {
        return queue.isEmpty() ? Long.MAX_VALUE : now;
    }

    @Override
    public int take(long now) {
        Integer b = queue.poll();
        return b == null ? 0 : b;
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public boolean awaitInput(long millis) {
        if (!queue.isEmpty()) {
            return true;
        }
        try {
            Integer b = queue.poll(millis, TimeUnit.MILLISECONDS);
            if (b == null) {
                return false;
            }
            queue.offerFirst(b);   // only this consumer thread removes, so the order is kept
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void saveState(DataOutput out) { }

    @Override
    public void loadState(DataInput in) { }
}
