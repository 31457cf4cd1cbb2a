package dev.noreset.hw.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.noreset.hw.bench.UserProgram;
import dev.noreset.hw.differential.Tools;
import dev.noreset.hw.loader.Elf32;
import dev.noreset.hw.loader.ElfFormatException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole C programs (freestanding, int 0x80 write/exit) built with gcc -m32 at test time, run on
 * the host (or under qemu-i386 where the host kernel runs no i386 executables) and on the emulated
 * CPU: standard output and exit status must be identical.
 */
class WholeProgramTest {
    private static final Path SOURCES = Path.of("src/test/native/programs");
    private static final String NO_REFERENCE =
            "whole-program test skipped: the host cannot run i386 programs and qemu-i386 is not installed";

    @ParameterizedTest(name = "{0} -{1}")
    @CsvSource({"format,O0", "format,O2", "sort,O0", "sort,O2", "crc,O0", "crc,O2", "recurse,O0", "recurse,O2",
            "int64,O0", "int64,O2", "syscalls,O2"})
    void programBehavesAsOnTheHost(String name, String opt) throws IOException, ElfFormatException {
        Path bin = buildDir().resolve("programs").resolve(name + "-" + opt);
        Files.createDirectories(bin.getParent());
        try {
            Tools.run(List.of("gcc", "-m32", "-ffreestanding", "-nostdlib", "-static", "-fno-pic", "-no-pie",
                    "-fno-stack-protector", "-fno-asynchronous-unwind-tables", "-march=i686", "-mgeneral-regs-only",
                    "-" + opt, "-o", bin.toString(), SOURCES.resolve(name + ".c").toString()), null, 120);
        } catch (IOException e) {
            assumeTrue(false, "whole-program test skipped: cannot build i386 programs (" + e.getMessage() + ")");
        }
        // The reference is the host CPU; where the host kernel runs no i386 executables (no IA-32
        // emulation) it is qemu-i386, an independent x86 implementation, and the test says so.
        Tools.Result expected = runOrNull(List.of(bin.toString()));
        String reference = "host CPU";
        if (expected == null && Tools.onPath("qemu-i386")) {
            expected = runOrNull(List.of("qemu-i386", bin.toString()));
            reference = "qemu-i386 (this host's kernel runs no i386 executables)";
        }
        if (expected == null) {
            System.out.println(NO_REFERENCE);
        }
        assumeTrue(expected != null, NO_REFERENCE);
        byte[] image = Files.readAllBytes(bin);
        Elf32.parse(image); // the loader's parser accepts what gcc produced
        UserProgram.Result ours = UserProgram.run(image, 16 << 20, 2_000_000_000L);
        System.out.printf("%s -%s: exit %d, %d bytes of output, %d guest instructions; reference: %s%n", name, opt,
                ours.exitCode(), ours.stdout().length, ours.instructions(), reference);
        assertNull(ours.failure(), () -> ours.failure() + "; output so far: "
                + new String(ours.stdout(), StandardCharsets.ISO_8859_1));
        assertEquals(new String(expected.stdout(), StandardCharsets.ISO_8859_1),
                new String(ours.stdout(), StandardCharsets.ISO_8859_1));
        assertEquals(expected.exitCode(), ours.exitCode());
    }

    /** The program's result, or null when it cannot be run or wrote to stderr (the kernel refused it). */
    private static Tools.Result runOrNull(List<String> cmd) {
        try {
            Tools.Result r = Tools.run(cmd, new byte[0], 60);
            return r.stderr().isEmpty() ? r : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Path buildDir() {
        try {
            return Path.of(WholeProgramTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            return Path.of("target");
        }
    }
}
