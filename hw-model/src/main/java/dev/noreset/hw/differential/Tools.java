package dev.noreset.hw.differential;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Running host tools (gcc, the runner, qemu) with a time limit and one-line error reports. */
public final class Tools {
    private Tools() {
    }

    /** Exit code, standard output and standard error of a finished command. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        public String stderrLine() {
            return stderr.lines().filter(l -> !l.isBlank()).findFirst().orElse("").trim();
        }
    }

    /** Runs {@code cmd} with {@code input} on stdin; a non-zero exit of gcc raises an IOException. */
    public static Result run(List<String> cmd, byte[] input, int timeoutSeconds) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new IOException(cmd.get(0) + " cannot be started (" + e.getMessage() + ")");
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input);
            }
        } catch (IOException ignored) {
            // The program may exit without reading its input; its exit code tells what happened.
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            Result r = new Result(p.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
            if (r.exitCode() != 0 && cmd.get(0).endsWith("gcc")) {
                throw new IOException("gcc failed: " + r.stderrLine());
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("reading output of " + cmd.get(0) + " failed");
        }
    }

    private static byte[] readAll(java.io.InputStream s) {
        try {
            return s.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * An explanation when {@code r} looks like a binary the host kernel refused (ENOEXEC, e.g. an
     * i386 executable on a kernel without IA-32 emulation): Java then hands the file to /bin/sh,
     * which fails on the ELF bytes with a "Syntax error". Empty otherwise.
     */
    public static String refusedByKernel(Result r) {
        return r.exitCode() != 0 && r.stderrLine().contains("Syntax error")
                ? " (this host's kernel does not run i386 executables, so /bin/sh was handed the binary)" : "";
    }

    /** True when an executable named {@code tool} is in a directory of PATH. */
    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Finds {@code relative} in the working directory or one of its parents (the repository root). */
    public static Path findUp(String relative) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path p = d.resolve(relative);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IOException(relative + " not found in " + dir + " or its parents (run from the repository)");
    }
}
