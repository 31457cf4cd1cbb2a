package dev.noreset.hw.machine;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.cpu.Trap;
import dev.noreset.hw.dev.ByteSink;
import dev.noreset.hw.dev.ScriptedSerialInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole machine: a CPL 3 guest, the PIT interrupt through the PIC, system calls, the disk. */
class MachineTest {
    /**
     * Counts to 100000 four times, printing 'A'..'D' through INT 0x80 after each round, then exits
     * with code 7. About 1.2 million instructions, so the 100 Hz timer interrupts it ~25 times.
     */
    static final byte[] COUNTER = bytes(
            0xB9, 0, 0, 0, 0,                     // 00 mov ecx, 0
            0xBB, 'A', 0, 0, 0,                   // 05 mov ebx, 'A'
            0x41,                                 // 0a loop: inc ecx
            0x81, 0xF9, 0xA0, 0x86, 0x01, 0x00,   // 0b cmp ecx, 100000
            0x75, 0xF7,                           // 11 jne loop
            0xB8, 1, 0, 0, 0,                     // 13 mov eax, 1 (putc)
            0xCD, 0x80,                           // 18 int 0x80
            0x43,                                 // 1a inc ebx
            0xB9, 0, 0, 0, 0,                     // 1b mov ecx, 0
            0x81, 0xFB, 'E', 0, 0, 0,             // 20 cmp ebx, 'E'
            0x75, 0xE2,                           // 26 jne loop
            0xB8, 2, 0, 0, 0,                     // 28 mov eax, 2 (exit)
            0xBB, 7, 0, 0, 0,                     // 2d mov ebx, 7
            0xCD, 0x80,                           // 32 int 0x80
            0xEB, 0xFE);                          // 34 jmp $

    /** Asks for disk sector 3, spins until the kernel marks it read, then exits with code 0. */
    static final byte[] DISK_READER = bytes(
            0xB8, 3, 0, 0, 0,                     // mov eax, 3
            0xBB, 3, 0, 0, 0,                     // mov ebx, 3
            0xCD, 0x80,                           // int 0x80
            0x83, 0x3D, 0x00, 0x00, 0x18, 0x00, 0x00, // spin: cmp dword [0x180000], 0
            0x74, 0xF7,                           // je spin
            0xB8, 2, 0, 0, 0,                     // mov eax, 2
            0xBB, 0, 0, 0, 0,                     // mov ebx, 0
            0xCD, 0x80,                           // int 0x80
            0xEB, 0xFE);                          // jmp $ (until the console has drained)

    /** Echoes COM1 input through getc/putc until it has echoed a newline, then exits with code 0. */
    static final byte[] ECHO = bytes(
            0xB8, 4, 0, 0, 0,                     // 00 loop: mov eax, 4 (getc)
            0xCD, 0x80,                           // 05 int 0x80
            0x83, 0xF8, 0xFF,                     // 07 cmp eax, -1
            0x74, 0xF4,                           // 0a je loop
            0x89, 0xC3,                           // 0c mov ebx, eax
            0xB8, 1, 0, 0, 0,                     // 0e mov eax, 1 (putc)
            0xCD, 0x80,                           // 13 int 0x80
            0x83, 0xFB, 0x0A,                     // 15 cmp ebx, 10
            0x75, 0xE6,                           // 18 jne loop
            0xB8, 2, 0, 0, 0,                     // 1a mov eax, 2 (exit)
            0xBB, 0, 0, 0, 0,                     // 1f mov ebx, 0
            0xCD, 0x80,                           // 24 int 0x80
            0xEB, 0xFE);                          // 26 jmp $ (until the console has drained)

    @TempDir
    Path dir;

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static Machine machine(ByteArrayOutputStream console) throws MachineConfigException {
        return Machine.create(MachineConfig.defaults().withRamBytes(4 << 20)
                .withSerial(new ScriptedSerialInput(), console::write));
    }

    /** Rising edges of counter 0 in mode 2 programmed at time 0: PIT ticks 1 + k*count, 4 ticks each. */
    private static List<Long> expectedTimerTicks(long until) {
        List<Long> r = new ArrayList<>();
        for (long k = 1; (1 + k * TinyKernel.PIT_COUNT) * 4 <= until; k++) {
            r.add((1 + k * TinyKernel.PIT_COUNT) * 4);
        }
        return r;
    }

    @Test
    void userProgramGetsTimerInterruptsAndSystemCalls() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine m = machine(console)) {
            TinyKernel k = new TinyKernel();
            TinyKernel.boot(m, COUNTER);
            Machine.Stop stop = m.run(k, 10_000_000);
            assertNull(k.error);
            assertEquals(Machine.Stop.REQUESTED, stop);
            assertEquals(7, k.exitCode);
            assertEquals(3, m.cpu().cpl(), "the guest ran in ring 3");
            assertEquals("ABCD", console.toString(StandardCharsets.US_ASCII));
            // 2 set-up, 4 rounds of (3 per iteration + 6 after the loop), 3 to exit.
            assertEquals(2 + 4L * (3 * 100_000 + 6) + 3, m.cpu().retired());
            assertEquals(m.cpu().retired(), m.now(), "no idle time");
            assertEquals(expectedTimerTicks(m.now()), k.timerTicks,
                    "each timer interrupt is taken at the instruction boundary of its PIT edge");
            assertTrue(k.timerTicks.size() >= 20);
        }
    }

    @Test
    void sameInputGivesTheSameRun() throws Exception {
        String[] digests = new String[2];
        List<List<String>> logs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            try (Machine m = machine(console)) {
                TinyKernel k = new TinyKernel();
                TinyKernel.boot(m, COUNTER);
                m.run(k, 700_000);                      // stop mid-program, mid-period
                digests[i] = m.stateDigest();
                List<String> l = new ArrayList<>(k.log);
                l.add("ticks " + k.timerTicks);
                logs.add(l);
            }
        }
        assertEquals(digests[0], digests[1]);
        assertEquals(logs.get(0), logs.get(1));
    }

    @Test
    void snapshotMidRunThenRestoreGivesIdenticalContinuation() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine m = machine(console)) {
            TinyKernel k = new TinyKernel();
            TinyKernel.boot(m, COUNTER);
            assertEquals(Machine.Stop.BUDGET, m.run(k, 500_001));
            byte[] snap = m.snapshot();
            int logAt = k.log.size();
            int ticksAt = k.timerTicks.size();

            m.run(k, 10_000_000);
            String finalDigest = m.stateDigest();
            List<String> restLog = List.copyOf(k.log.subList(logAt, k.log.size()));
            List<Long> restTicks = List.copyOf(k.timerTicks.subList(ticksAt, k.timerTicks.size()));
            String out1 = console.toString(StandardCharsets.US_ASCII);

            m.loadState(new DataInputStream(new ByteArrayInputStream(snap)));
            TinyKernel k2 = new TinyKernel();
            console.reset();
            assertEquals(Machine.Stop.REQUESTED, m.run(k2, 10_000_000));
            assertEquals(finalDigest, m.stateDigest());
            assertEquals(restLog, k2.log);
            assertEquals(restTicks, k2.timerTicks);
            assertEquals(out1.substring(out1.length() - console.size()), console.toString(StandardCharsets.US_ASCII));
            assertEquals(7, k2.exitCode);
        }
    }

    @Test
    void restoringIntoAFreshMachineMatches() throws Exception {
        byte[] snap;
        String expected;
        try (Machine m = machine(new ByteArrayOutputStream())) {
            TinyKernel.boot(m, COUNTER);
            m.run(new TinyKernel(), 333_333);
            snap = m.snapshot();
            m.run(new TinyKernel(), 10_000_000);
            expected = m.stateDigest();
        }
        try (Machine fresh = machine(new ByteArrayOutputStream())) {
            fresh.loadState(new DataInputStream(new ByteArrayInputStream(snap)));
            TinyKernel k = new TinyKernel();
            fresh.run(k, 10_000_000);
            assertEquals(7, k.exitCode);
            assertEquals(expected, fresh.stateDigest());
        }
    }

    @Test
    void badSnapshotsAreRejectedAndChangeNothing() throws Exception {
        try (Machine m = machine(new ByteArrayOutputStream());
             Machine big = Machine.create(MachineConfig.defaults().withRamBytes(8 << 20))) {
            TinyKernel.boot(m, COUNTER);
            m.run(new TinyKernel(), 100_000);
            String before = m.stateDigest();
            byte[] snap = m.snapshot();
            IOException e1 = assertThrows(IOException.class,
                    () -> big.loadState(new DataInputStream(new ByteArrayInputStream(snap))));
            assertTrue(e1.getMessage().contains("another machine"), e1.getMessage());
            byte[] truncated = Arrays.copyOf(snap, snap.length / 2);
            assertThrows(IOException.class, () -> m.loadState(new DataInputStream(new ByteArrayInputStream(truncated))));
            assertEquals(before, m.stateDigest(), "a failed restore keeps the old state");
            IOException e2 = assertThrows(IOException.class,
                    () -> m.loadState(new DataInputStream(new ByteArrayInputStream(new byte[64]))));
            assertTrue(e2.getMessage().contains("not a noreset machine snapshot"), e2.getMessage());
        }
    }

    @Test
    void scriptedConsoleInputArrivesAtDeterministicPoints() throws Exception {
        List<List<String>> logs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            ScriptedSerialInput script = new ScriptedSerialInput().at(300_000, "ab").whenPolled("c\n");
            try (Machine m = Machine.create(MachineConfig.defaults().withRamBytes(4 << 20)
                    .withSerial(script, console::write))) {
                TinyKernel k = new TinyKernel();
                TinyKernel.boot(m, ECHO);
                assertEquals(Machine.Stop.REQUESTED, m.run(k, 10_000_000));
                assertNull(k.error);
                assertEquals("abc\n", console.toString(StandardCharsets.US_ASCII));
                assertTrue(script.exhausted());
                List<String> gets = k.log.stream().filter(s -> s.startsWith("getc")).toList();
                assertEquals(4, gets.size());
                long first = Long.parseLong(gets.get(0).substring(gets.get(0).indexOf('@') + 1));
                assertTrue(first >= 300_000, "nothing before the scripted time: " + first);
                logs.add(k.log);
            }
        }
        assertEquals(logs.get(0), logs.get(1));
    }

    @Test
    void diskReadCompletesThroughIrq14() throws Exception {
        Path img = dir.resolve("disk.img");
        byte[] data = new byte[16 * 512];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + i / 512);
        }
        Files.write(img, data);
        try (Machine m = Machine.create(MachineConfig.defaults().withRamBytes(4 << 20).withDisk(img, false))) {
            TinyKernel k = new TinyKernel();
            TinyKernel.boot(m, DISK_READER);
            assertEquals(Machine.Stop.REQUESTED, m.run(k, 10_000_000));
            assertNull(k.error);
            assertEquals(0, k.exitCode);
            assertEquals(List.of(k.diskCommandAt + MachineConfig.DEFAULT_ATA_LATENCY), k.diskIrqs,
                    "IRQ 14 arrives exactly one latency after the command");
            byte[] got = new byte[512];
            m.ram().copyOut(TinyKernel.DISK_BUF + 4, got, 0, 512);
            assertArrayEquals(Arrays.copyOfRange(data, 3 * 512, 4 * 512), got);
        }
    }

    /** Real-mode guest: STI, then HLT in a loop; the IRQ 0 handler (via the IVT) counts ticks at 0x500. */
    @Test
    void haltedCpuIdlesToTheNextTimerInterrupt() throws Exception {
        try (Machine m = Machine.create(MachineConfig.defaults().withRamBytes(1 << 20))) {
            var ram = m.ram();
            ram.load(0x7C00, bytes(0xFB, 0xF4, 0xEB, 0xFD), 0, 4);          // sti; l: hlt; jmp l
            ram.load(0x8000, bytes(0xFF, 0x06, 0x00, 0x05,                  // inc word [0x500]
                    0xB0, 0x20, 0xE6, 0x20, 0xCF), 0, 9);                   // mov al,20h; out 20h,al; iret
            ram.write16(8 * 4, 0x8000);
            ram.write16(8 * 4 + 2, 0);
            var io = m.io();
            io.out(0x20, 1, 0x11);
            io.out(0x21, 1, 0x08);
            io.out(0x21, 1, 0x04);
            io.out(0x21, 1, 0x01);
            io.out(0x21, 1, 0xFE);
            io.out(0x43, 1, 0x34);
            io.out(0x40, 1, 1000 & 0xFF);
            io.out(0x40, 1, 1000 >> 8);
            m.cpu().setEip(0x7C00);
            m.cpu().setReg(Cpu.ESP, 0x7000);
            int[] halts = {0};
            Machine.Stop stop = m.run((mm, t) -> {
                if (t.kind() == Trap.Kind.HALT) {
                    halts[0]++;
                }
            }, 100_000);
            assertEquals(Machine.Stop.BUDGET, stop);
            long edges = (100_000 / 4 - 1) / 1000;                           // PIT ticks 1 + k*1000
            assertEquals(edges, ram.read16(0x500));
            assertEquals(edges + 1, halts[0]);
            assertTrue(m.cpu().retired() < 10 * (edges + 1), "the CPU slept: " + m.cpu().retired());
            assertEquals(100_000, m.now());
        }
    }

    @Test
    void haltWithInterruptsOffNeverWakes() throws Exception {
        try (Machine m = Machine.create(MachineConfig.defaults().withRamBytes(1 << 20))) {
            m.ram().load(0x7C00, bytes(0xFA, 0xF4), 0, 2);                   // cli; hlt
            m.cpu().setEip(0x7C00);
            assertEquals(Machine.Stop.IDLE_FOREVER, m.run((mm, t) -> { }, 1_000_000));
        }
    }

    @Test
    void aSinkThatNeverFixesAFaultEndsTheRunInsteadOfHanging() throws Exception {
        try (Machine m = machine(new ByteArrayOutputStream())) {
            TinyKernel.boot(m, bytes(0x8B, 0x05, 0x00, 0x00, 0x00, 0x40)); // mov eax, [0x40000000]: unmapped
            int[] faults = {0};
            Machine.Stop stop = m.run((mm, t) -> {
                if (t.kind() == Trap.Kind.EXCEPTION && t.vector() == Trap.PF) {
                    faults[0]++;
                }
            }, 1_000_000);
            assertEquals(Machine.Stop.STUCK, stop);
            assertEquals(Machine.STUCK_TRAPS, faults[0], "the first fault already made no progress");
            assertEquals(0x40000000, m.mmu().cr2());
        }
    }

    @Test
    void requestedIdleDeliversInterruptsWithoutRunningGuestCode() throws Exception {
        try (Machine m = machine(new ByteArrayOutputStream())) {
            TinyKernel.boot(m, COUNTER);
            List<Long> ticks = new ArrayList<>();
            m.requestIdle();                                                 // nothing runnable at boot
            Machine.Stop stop = m.run((mm, t) -> {
                assertEquals(Trap.Kind.INTERRUPT, t.kind());
                assertEquals(0x20, t.vector());
                ticks.add(mm.now());
                mm.io().out(0x20, 1, 0x20);
                if (ticks.size() < 5) {
                    mm.requestIdle();
                } else {
                    mm.requestStop();
                }
            }, 10_000_000);
            assertEquals(Machine.Stop.REQUESTED, stop);
            assertEquals(expectedTimerTicks(m.now()), ticks);
            assertEquals(0, m.cpu().retired());
            assertEquals(TinyKernel.CODE, m.cpu().eip(), "CPU state untouched");
        }
    }

    @Test
    void idleWakesForSerialAndRtcInterruptsThroughBothPics() throws Exception {
        ScriptedSerialInput script = new ScriptedSerialInput().at(5_000, "x");
        try (Machine m = Machine.create(MachineConfig.defaults().withRamBytes(4 << 20)
                .withSerial(script, ByteSink.NONE))) {
            TinyKernel.boot(m, COUNTER);
            var io = m.io();
            io.out(0x21, 1, 0xFF & ~0x10 & ~0x04);                        // only IRQ 4 and the cascade
            io.out(0xA1, 1, 0xFE);                                         // IRQ 8
            io.out(0x3F9, 1, 0x01);                                        // received-data interrupt
            io.out(0x70, 1, 0x0A);
            io.out(0x71, 1, 0x2F);                                         // 2 Hz periodic rate
            io.out(0x70, 1, 0x0B);
            io.out(0x71, 1, 0x42);                                         // PIE, 24-hour
            List<String> got = new ArrayList<>();
            m.requestIdle();
            m.run((mm, t) -> {
                got.add(Integer.toHexString(t.vector()) + "@" + mm.now());
                if (t.vector() == 0x24) {
                    got.add("byte " + (char) mm.io().in(0x3F8, 1));
                } else {
                    mm.io().out(0x70, 1, 0x0C);
                    mm.io().in(0x71, 1);                                   // acknowledge the RTC
                    mm.io().out(0xA0, 1, 0x20);
                }
                mm.io().out(0x20, 1, 0x20);
                if (got.size() < 4) {
                    mm.requestIdle();
                } else {
                    mm.requestStop();
                }
            }, 100_000_000);
            long half = m.config().ticksPerSecond() / 2;
            assertEquals(List.of("24@5000", "byte x", "28@" + half, "28@" + 2 * half), got);
        }
    }

    @Test
    void idleThatOutlastsTheBudgetContinuesInTheNextRun() throws Exception {
        try (Machine m = machine(new ByteArrayOutputStream())) {
            TinyKernel.boot(m, COUNTER);
            List<Long> ticks = new ArrayList<>();
            TrapSink sink = (mm, t) -> {
                ticks.add(mm.now());
                mm.io().out(0x20, 1, 0x20);
                mm.requestStop();
            };
            m.requestIdle();
            assertEquals(Machine.Stop.BUDGET, m.run(sink, 1000));
            assertEquals(1000, m.now());
            assertEquals(Machine.Stop.REQUESTED, m.run(sink, 10_000_000));
            assertEquals(List.of((1 + TinyKernel.PIT_COUNT) * 4L), ticks);
            assertEquals(0, m.cpu().retired());
        }
    }

    @Test
    void kernelIdleReturnsAtTheInterruptAndAcknowledges() throws Exception {
        try (Machine m = machine(new ByteArrayOutputStream())) {
            TinyKernel.boot(m, COUNTER);
            assertTrue(m.idleUntilInterrupt(1_000_000));
            assertEquals((1 + TinyKernel.PIT_COUNT) * 4L, m.now());
            assertEquals(0x20, m.acknowledgeInterrupt());
            m.io().out(0x21, 1, 0xFF);                                       // mask everything
            assertTrue(!m.idleUntilInterrupt(200_000));
            assertEquals((1 + TinyKernel.PIT_COUNT) * 4L + 200_000, m.now());
            assertEquals(0, m.cpu().retired());
        }
    }

    @Test
    void badConfigurationsGiveOneLineErrors() throws IOException {
        MachineConfigException e1 = assertThrows(MachineConfigException.class,
                () -> Machine.create(MachineConfig.defaults().withRamBytes(1000)));
        assertEquals("RAM size 1000 bytes is not a positive multiple of 4 KiB (4096)", e1.getMessage());
        assertThrows(MachineConfigException.class, () -> Machine.create(MachineConfig.defaults().withRamBytes(0)));
        MachineConfigException big = assertThrows(MachineConfigException.class,
                () -> Machine.create(MachineConfig.defaults().withRamBytes(Integer.MAX_VALUE & ~0xFFF)));
        assertTrue(big.getMessage().contains("more than the 1 GiB"), big.getMessage());
        assertThrows(MachineConfigException.class,
                () -> Machine.create(MachineConfig.defaults().withInstructionsPerPitTick(0)));
        Path odd = dir.resolve("odd.img");
        Files.write(odd, new byte[513]);
        MachineConfigException e2 = assertThrows(MachineConfigException.class,
                () -> Machine.create(MachineConfig.defaults().withDisk(odd, false)));
        assertTrue(e2.getMessage().startsWith("disk image " + odd), e2.getMessage());
        assertNotEquals(-1, e2.getMessage().indexOf("not a positive multiple of 512"));
    }
}
