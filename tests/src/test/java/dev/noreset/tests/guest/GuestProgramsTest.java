package dev.noreset.tests.guest;

import dev.noreset.kernel.trap.Invariants;
import dev.noreset.kernel.trap.KernelGlue;
import dev.noreset.hw.machine.Machine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guest-level tests: real i386 programs (userland/tests, built with gcc -m32) booted on the
 * emulated PC under the noreset kernel, checked through their console output, the kernel's
 * log, its invariants and its trace.
 */
class GuestProgramsTest {

    /** Every process ended, no frame leaked, glue and core agree, the trace is well-formed. */
    private static void assertCleanEnd(GuestRun r) throws Exception {
        assertNull(r.checkTraceFormat(), "the trace follows tla/trace-format.md");
        assertEquals(Machine.Stop.REQUESTED, r.stop, "all processes should end\n" + r.describe());
        KernelGlue k = r.system.kernel();
        assertNull(r.system.entry().internalError(), r.describe());
        assertNull(Invariants.check(k), r.describe());
        int frames = k.ram.size() >>> 12;
        assertEquals(frames - KernelGlue.FIRST_USER_FRAME, k.memory.freeFrames(),
                "every frame returns when every process has ended\n" + r.describe());
    }

    @Test
    void sendrecPingPong() throws Exception {
        GuestRun r = GuestRun.run(GuestRun.guestDir().resolve("pingpong.image"), "pingpong");
        assertTrue(r.console.contains("ping: 200 round trips ok\n"), r.describe());
        assertTrue(r.console.contains("pong: served 200 requests\n"), r.describe());
        assertFalse(r.console.contains("FAIL"), r.describe());
        assertCleanEnd(r);
        assertTrue(r.events("SendRec") >= 201, "each round trip is a SendRec event in the trace");
        assertTrue(r.events("Spawn") == 2 && r.events("Die") == 2, "two processes start and end in the trace");
        assertNull(r.checkTraceFormat(), "the trace follows tla/trace-format.md");
    }

    @Test
    void driverPortIoAllowedAndRefused() throws Exception {
        GuestRun r = GuestRun.run(GuestRun.guestDir().resolve("devio.image"), "devio");
        for (String check : new String[] {"inb uart lsr allowed", "outb post port allowed", "outb pic mask refused",
            "inw ata data refused", "bad request refused", "bad port refused"}) {
            assertTrue(r.console.contains("devio: " + check + " ok\n"), check + "\n" + r.describe());
        }
        assertTrue(r.console.contains("devio: all ok\n"), r.describe());
        assertCleanEnd(r);
    }

    @Test
    void touchingForeignMemoryKillsOnlyTheToucher() throws Exception {
        Path dir = GuestRun.guestDir();
        for (String how : new String[] {"null", "text", "high"}) {
            Path image = dir.resolve("pgfault-" + how + ".image");
            Files.writeString(image, Files.readString(dir.resolve("pgfault.image"))
                    .replace("pgfault.elf\treaper\t-\tSYS_DEVIO,SYS_EXIT\t0x3f8-0x3ff\t-\t7\t8\tnull",
                            "pgfault.elf\treaper\t-\tSYS_DEVIO,SYS_EXIT\t0x3f8-0x3ff\t-\t7\t8\t" + how));
            GuestRun r = GuestRun.run(image, "pgfault-" + how);
            assertTrue(r.console.contains("pgfault: touching "), r.describe());
            assertFalse(r.console.contains("FAIL"), how + ": the toucher must not survive\n" + r.describe());
            assertTrue(r.log.stream().anyMatch(l -> l.startsWith("kernel: pgfault ") && l.contains("#PF")),
                    how + ": killed with #PF\n" + r.describe());
            assertTrue(Pattern.compile("reaper: process \\d+ died, cause 14,").matcher(r.console).find(),
                    how + ": the signal manager hears of the death\n" + r.describe());
            assertTrue(r.console.contains("ping: 100 round trips ok\n"), how + ": others unaffected\n" + r.describe());
            assertTrue(r.console.contains("pong: served 100 requests\n"), r.describe());
            assertCleanEnd(r);
        }
    }

    @Test
    void kernelCallsOfServersAndDrivers() throws Exception {
        GuestRun r = GuestRun.run(GuestRun.guestDir().resolve("kcalls.image"), "kcalls");
        for (String check : new String[] {"vmctl map", "mapped pages hold data", "vmctl map twice", "vmctl unmap",
            "vmctl page 0", "irqctl setpolicy 3", "irqctl timer refused", "irqctl unlisted line refused", "setgrant",
            "grantee copied through the grant", "grantee wrote through the grant", "fork", "privctl on the child",
            "privctl on itself refused", "kill the child", "kill it again", "times"}) {
            assertTrue(r.console.contains("kcalls: " + check + " ok\n"), check + "\n" + r.describe());
        }
        assertTrue(r.console.contains("grantee: copy in ok, copy out 0, past end refused, stale id refused\n"),
                r.describe());
        assertTrue(r.console.contains("kcalls: all ok\n"), r.describe());
        assertCleanEnd(r);
    }

    @Test
    void deviceInterruptBecomesANotification() throws Exception {
        GuestRun r = GuestRun.run(GuestRun.guestDir().resolve("uartirq.image"), "uartirq");
        assertTrue(r.console.contains("uartirq: round 1: IRQ 4 notification from HARDWARE\n"), r.describe());
        assertTrue(r.console.contains("uartirq: round 2: IRQ 4 notification from HARDWARE\n"),
                "the acknowledgement unmasks the line again\n" + r.describe());
        assertTrue(r.console.contains("uartirq: all ok\n"), r.describe());
        assertTrue(r.system.kernel().irqs.masked(4), "the line is masked again once its driver is gone");
        assertCleanEnd(r);
    }

    @Test
    void clockTicksShareTheCpuBetweenComputeBoundProcesses() throws Exception {
        GuestRun r = GuestRun.run(GuestRun.guestDir().resolve("spin.image"), "spin");
        int aDone = r.console.indexOf("spina: done after 300000 iterations\n");
        int bStart = r.console.indexOf("spinb: start\n");
        assertTrue(aDone >= 0 && bStart >= 0, r.describe());
        assertTrue(bStart < aDone, "spinb runs before spina is done: quanta end by the clock\n" + r.describe());
        assertTrue(r.console.contains("spinb: done after 450000 iterations\n"), r.describe());
        assertCleanEnd(r);
    }

    @Test
    void alarmWakesAnIdleSystem() throws Exception {
        GuestRun r = GuestRun.run(GuestRun.guestDir().resolve("alarm.image"), "alarm");
        var m = Pattern.compile("alarm: woken by CLOCK after (\\d+) ticks of virtual time\n").matcher(r.console);
        assertTrue(m.find(), r.describe());
        long ticksPerClock = Math.round(1_193_182.0 / dev.noreset.kernel.boot.Boot.HZ)
                * dev.noreset.hw.machine.MachineConfig.DEFAULT_INSTRUCTIONS_PER_PIT_TICK;
        long waited = Long.parseLong(m.group(1));
        assertTrue(waited >= 4 * ticksPerClock && waited <= 6 * ticksPerClock,
                "a 5-tick alarm waits about 5 clock periods, waited " + waited);
        assertTrue(r.system.machine().now() > r.system.machine().cpu().retired(),
                "the machine idled (virtual time passed without instructions)");
        assertCleanEnd(r);
    }

    @Test
    void defaultBootImageRunsEveryProgram() throws Exception {
        GuestRun r = GuestRun.run(GuestRun.guestDir().resolve("boot.image"), "boot");
        assertTrue(r.console.contains("ping: 50 round trips ok\n"), r.describe());
        assertTrue(r.console.contains("devio: all ok\n"), r.describe());
        assertTrue(r.console.contains("kcalls: all ok\n"), r.describe());
        assertTrue(r.console.contains(", cause 14, "), "reaper hears of pgfault's #PF\n" + r.describe());
        assertTrue(r.console.contains(", cause 256, "), "reaper hears of devio's exit\n" + r.describe());
        assertFalse(r.console.contains("FAIL"), r.describe());
        assertCleanEnd(r);
    }
}
