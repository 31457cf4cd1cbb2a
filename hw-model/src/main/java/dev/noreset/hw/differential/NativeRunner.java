package dev.noreset.hw.differential;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs vectors on the host CPU through the freestanding i386 runner
 * ({@code src/test/native/differential/runner.c}), one process per batch. The record layout
 * here mirrors the C file's comments.
 */
public final class NativeRunner {
    private static final int IN_BYTES = 17 * 4, OUT_HEAD = 16;
    private static final int SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11;

    private final Path binary;

    public NativeRunner(Path binary) {
        this.binary = binary;
    }

    /**
     * Compiles the runner with {@code gcc -m32} into {@code outDir}. Returns the binary, or throws
     * with a one-line reason (no gcc, no 32-bit support, compile error).
     */
    public static Path build(Path source, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path bin = outDir.resolve("diff-runner");
        Tools.run(List.of("gcc", "-m32", "-ffreestanding", "-nostdlib", "-static", "-O2", "-fno-pic", "-no-pie",
                "-fno-stack-protector", "-fno-asynchronous-unwind-tables", "-o", bin.toString(), source.toString()),
                null, 60);
        return bin;
    }

    /** Null when the runner starts and handles an empty batch on this host, else the reason it cannot. */
    public String unavailableReason() {
        try {
            Tools.Result r = Tools.run(List.of(binary.toString()), new byte[0], 20);
            if (r.exitCode() == 0) {
                return null;
            }
            return "the i386 runner exited with " + r.exitCode() + ": " + r.stderrLine() + Tools.refusedByKernel(r);
        } catch (IOException e) {
            return "the host cannot run i386 code: " + e.getMessage();
        }
    }

    /** Runs every vector of {@code batch} natively; outcomes in the same order. */
    public List<Outcome> run(List<TestVector> batch) throws IOException {
        Process p = new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.PIPE).start();
        IOException[] writeFailure = new IOException[1];
        Thread writer = new Thread(() -> {
            try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
                ByteBuffer b = ByteBuffer.allocate(IN_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (TestVector v : batch) {
                    b.clear();
                    encode(v, b);
                    out.write(b.array());
                }
            } catch (IOException e) {
                writeFailure[0] = e;
            }
        }, "diff-runner-writer");
        writer.setDaemon(true);
        writer.start();
        List<Outcome> out = new ArrayList<>(batch.size());
        try (InputStream in = new BufferedInputStream(p.getInputStream(), 1 << 16)) {
            byte[] head = new byte[OUT_HEAD * 4];
            DataInputStream din = new DataInputStream(in);
            for (int i = 0; i < batch.size(); i++) {
                try {
                    din.readFully(head);
                } catch (EOFException e) {
                    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                    throw new IOException("i386 runner stopped after " + i + " of " + batch.size() + " vectors"
                            + (err.isEmpty() ? "" : ": " + err.lines().findFirst().orElse("")) + " (vector: "
                            + batch.get(i).describe() + ")");
                }
                ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
                int n = h.getInt(15 * 4);
                if (n < 0 || n > Layout.RW_PAGES * Layout.PAGE) {
                    throw new IOException("i386 runner sent a bad record (" + n + " changed bytes)");
                }
                byte[] diff = new byte[n * 4];
                din.readFully(diff);
                out.add(decode(h, ByteBuffer.wrap(diff).order(ByteOrder.LITTLE_ENDIAN), n));
            }
        }
        try {
            writer.join();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("i386 runner did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (writeFailure[0] != null) {
            throw new IOException("writing to the i386 runner failed: " + writeFailure[0].getMessage());
        }
        if (p.exitValue() != 0) {
            throw new IOException("i386 runner exited with " + p.exitValue());
        }
        return out;
    }

    private static void encode(TestVector v, ByteBuffer b) {
        b.putInt(v.repeat() ? 1 : 0).putInt(v.codeOffset()).putInt(v.code().length);
        byte[] code = new byte[Layout.MAX_CODE];
        System.arraycopy(v.code(), 0, code, 0, v.code().length);
        b.put(code);
        for (int r : v.regs()) {
            b.putInt(r);
        }
        b.putInt(v.eflags()).putInt(v.memSeed());
    }

    private static Outcome decode(ByteBuffer h, ByteBuffer diff, int n) throws IOException {
        int sig = h.getInt(0), trapno = h.getInt(4), err = h.getInt(8), cr2 = h.getInt(12), eip = h.getInt(16);
        int[] regs = new int[8];
        for (int i = 0; i < 8; i++) {
            regs[i] = h.getInt(20 + 4 * i);
        }
        int efl = h.getInt(52);
        int event;
        if (sig == SIGTRAP && trapno == 1) {
            event = Outcome.COMPLETED;
        } else if ((sig == SIGTRAP && trapno == 3) || (sig == SIGSEGV && (trapno == 4 || trapno == 5 || trapno == 12
                || trapno == 13 || trapno == 14)) || (sig == SIGFPE && trapno == 0) || (sig == SIGILL && trapno == 6)
                || (sig == SIGBUS && trapno == 17)) {
            event = trapno;
        } else {
            throw new IOException("i386 runner reported signal " + sig + " with trap number " + trapno);
        }
        // #PF: keep P, W/R and U/S; the I/D bit (4) exists only with NX paging, which i386 lacks.
        int code = event == 14 ? err & 7 : event == 13 ? err : 0;
        int[] mem = new int[n];
        for (int i = 0; i < n; i++) {
            mem[i] = diff.getInt(4 * i);
        }
        return new Outcome(event, eip, code, event == 14 ? cr2 : 0, regs, efl, mem);
    }
}
