package dev.noreset.proofs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Stages the verified core (and a freshly generated Abi.java) into a folder KeY can load, as
 * {@link #forKey} gives it: the same text with the keyword {@code also} between specification
 * cases blanked.
 */
final class CoreSources {
    static final String CORE_DIR = "kernel/src/main/java/dev/noreset/kernel/core";
    static final String PKG_DIR = "dev/noreset/kernel/core";

    /** The core's executable invariant checker, used by tests and campaigns, never by KeY. */
    static final String TEST_ORACLE = "CoreInvariants.java";

    /**
     * The keyword {@code also} where it joins two specification cases of one method: at the start
     * of a JML line, before the next case's visibility and behavior keyword.
     */
    static final Pattern ALSO = Pattern.compile("(?m)^(\\s*(?:/\\*@|//@|@)\\s*)also(?=\\s+(?:(?:public|protected|private)\\s+)?"
            + "(?:normal_behavior|exceptional_behavior|behavior|model_behavior)\\b)");

    private CoreSources() { }

    /**
     * The text KeY reads for one core source: the source with every {@code also} that joins two
     * specification cases replaced by four spaces, so every line and column stays where it was.
     * KeY reads the cases as the same method's either way (its JML extractor takes every
     * specification case in front of a method), but its JML grammar lets a case without a
     * behavior keyword start anywhere, and after an {@code also} ANTLR can only tell the next
     * clause apart from the start of such a case by reading ahead to the following {@code also}
     * or to the end of the comment, once per clause. With the keyword blanked the same decision
     * takes one token: KeY's load of the core falls from 23-25 s to 15-16 s (proofs/README,
     * "Loading the core"). CoreSourcesTest checks that KeY reads the same specification cases
     * from both texts.
     */
    static String forKey(String source) {
        return ALSO.matcher(source).replaceAll("$1    ");
    }

    /** Writes the core into {@code stage/dev/noreset/kernel/core} and returns {@code stage}. */
    static Path stage(Path root, Path stage) throws IOException, InterruptedException {
        Path pkg = stage.resolve(PKG_DIR);
        if (Files.isDirectory(pkg)) {
            try (DirectoryStream<Path> old = Files.newDirectoryStream(pkg, "*.java")) {
                for (Path f : old) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(pkg);
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root.resolve(CORE_DIR), "*.java")) {
            for (Path f : ds) {
                if (f.getFileName().toString().equals(TEST_ORACLE)) {
                    continue; // executable mirror of the invariants for tests; not a verified class
                }
                Files.writeString(pkg.resolve(f.getFileName()), forKey(Files.readString(f)));
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no core sources in " + root.resolve(CORE_DIR));
        }
        generateAbi(root, stage);
        if (!Files.isRegularFile(pkg.resolve("Abi.java"))) {
            throw new IllegalArgumentException("AbiGen did not produce " + pkg.resolve("Abi.java"));
        }
        return stage;
    }

    /** Runs spec/tools/AbiGen.java (the one source of ABI numbers) in a child JVM. */
    private static void generateAbi(Path root, Path stage) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path header = stage.resolve("abi-unused.h");
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add(root.resolve("spec/tools/AbiGen.java").toString());
        cmd.add(root.resolve("spec/abi").toString());
        cmd.add(stage.toString());
        cmd.add(header.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalArgumentException("AbiGen failed: " + log.trim());
        }
        Files.deleteIfExists(header);
    }
}
