package dev.noreset.hw.machine;

import dev.noreset.hw.loader.Elf32;
import dev.noreset.hw.loader.ElfFormatException;
import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.dev.ScriptedSerialInput;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A C program built with the machine's gcc -m32 runs at CPL 3 under timer interrupts. */
class GccGuestTest {
    private static final String SIEVE = """
            static inline int sys(int n, int a) {
                int r;
                __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a) : "memory");
                return r;
            }
            static unsigned char composite[20000];
            static void say(const char *s) { while (*s) sys(1, *s++); }
            void _start(void) {
                int count = 0;
                for (int i = 2; i < 20000; i++) {
                    if (!composite[i]) {
                        count++;
                        for (int j = 2 * i; j < 20000; j += i) composite[j] = 1;
                    }
                }
                char buf[12];
                int n = 0;
                do { buf[n++] = (char) ('0' + count % 10); count /= 10; } while (count);
                say("primes below 20000: ");
                while (n) sys(1, buf[--n]);
                sys(1, '\\n');
                sys(2, 0);
                for (;;) { }
            }
            """;

    @TempDir
    Path dir;

    private Path compile() throws IOException, InterruptedException {
        Path src = dir.resolve("sieve.c");
        Path elf = dir.resolve("sieve.elf");
        Files.writeString(src, SIEVE);
        ProcessBuilder pb = new ProcessBuilder("gcc", "-m32", "-march=i686", "-mgeneral-regs-only", "-O2",
                "-ffreestanding", "-fno-pic", "-fno-stack-protector", "-fno-asynchronous-unwind-tables",
                "-nostdlib", "-static", "-Wl,-Ttext-segment=0x100000", "-Wl,--build-id=none", "-Wl,-e,_start",
                "-o", elf.toString(), src.toString()).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            Assumptions.abort("gcc is not installed: " + e.getMessage());
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                "gcc -m32 cannot build freestanding i386 code here: " + out);
        return elf;
    }

    /** Loads the PT_LOAD segments (bss zeroed) with the project's ELF reader; returns the entry point. */
    static int loadElf(PhysicalMemory ram, byte[] image) throws ElfFormatException {
        Elf32 elf = Elf32.parse(image);
        for (Elf32.Segment seg : elf.segments()) {
            ram.fill(seg.vaddr(), seg.memSize(), 0);
            ram.load(seg.vaddr(), seg.fileBytes(), 0, seg.fileSize());
        }
        return elf.entry();
    }

    @Test
    void sieveProgramPrintsThePrimeCount() throws Exception {
        Path elf = compile();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine m = Machine.create(MachineConfig.defaults().withRamBytes(4 << 20)
                .withSerial(new ScriptedSerialInput(), console::write))) {
            int entry = loadElf(m.ram(), Files.readAllBytes(elf));
            TinyKernel k = new TinyKernel();
            TinyKernel.boot(m, entry);
            assertEquals(Machine.Stop.REQUESTED, m.run(k, 50_000_000));
            assertNull(k.error);
            assertEquals(0, k.exitCode);
            assertEquals("primes below 20000: 2262\n", console.toString(StandardCharsets.US_ASCII));
            assertTrue(k.consoleIrqs >= 1, "25 bytes overflow the 16-byte FIFO: THRE interrupts refill it");
            assertTrue(k.timerTicks.size() >= 2, "timer interrupts during the sieve: " + k.timerTicks.size());
            for (int i = 0; i < k.timerTicks.size(); i++) {
                assertEquals((1 + (i + 1L) * TinyKernel.PIT_COUNT) * 4, k.timerTicks.get(i));
            }
        }
    }
}
