package dev.noreset.hw.machine;

import dev.noreset.hw.dev.ByteSink;
import dev.noreset.hw.dev.SerialInput;

import java.nio.file.Path;

/**
 * How to build a {@link Machine}. Immutable; start from {@link #defaults()} and change fields with
 * the {@code with...} methods. Values are checked when the machine is created.
 *
 * @param ramBytes              RAM size, a positive multiple of 4 KiB, at most 1 GiB (default 64 MiB)
 * @param instructionsPerPitTick virtual-time rate: retired instructions per 1.193182 MHz PIT clock
 *                              (default 4, a 4.77 MIPS machine: the IBM PC ratio)
 * @param diskImage             ATA disk image file, or null for no disk on the primary channel
 * @param diskReadOnly          open the image read-only (writes are aborted)
 * @param ataLatency            virtual ticks the disk stays busy per command and per sector
 * @param serialInput           what arrives on COM1 (scripted for reproducible runs)
 * @param serialOutput          where COM1 output goes
 * @param rtcEpochSeconds       the RTC's wall-clock time (Unix seconds) at virtual time 0
 */
public record MachineConfig(int ramBytes, int instructionsPerPitTick, Path diskImage, boolean diskReadOnly,
                            long ataLatency, SerialInput serialInput, ByteSink serialOutput,
                            long rtcEpochSeconds) {
    public static final int DEFAULT_RAM = 64 << 20;
    public static final int MAX_RAM = 1 << 30;
    public static final int DEFAULT_INSTRUCTIONS_PER_PIT_TICK = 4;
    public static final long DEFAULT_ATA_LATENCY = 200;
    /** 2026-01-01T00:00:00Z: a fixed default so runs do not depend on the host clock. */
    public static final long DEFAULT_RTC_EPOCH = 1_767_225_600L;

    public static MachineConfig defaults() {
        return new MachineConfig(DEFAULT_RAM, DEFAULT_INSTRUCTIONS_PER_PIT_TICK, null, false,
                DEFAULT_ATA_LATENCY, SerialInput.NONE, ByteSink.NONE, DEFAULT_RTC_EPOCH);
    }

    public MachineConfig withRamBytes(int v) {
        return new MachineConfig(v, instructionsPerPitTick, diskImage, diskReadOnly, ataLatency, serialInput,
                serialOutput, rtcEpochSeconds);
    }

    public MachineConfig withInstructionsPerPitTick(int v) {
        return new MachineConfig(ramBytes, v, diskImage, diskReadOnly, ataLatency, serialInput, serialOutput,
                rtcEpochSeconds);
    }

    public MachineConfig withDisk(Path image, boolean readOnly) {
        return new MachineConfig(ramBytes, instructionsPerPitTick, image, readOnly, ataLatency, serialInput,
                serialOutput, rtcEpochSeconds);
    }

    public MachineConfig withAtaLatency(long v) {
        return new MachineConfig(ramBytes, instructionsPerPitTick, diskImage, diskReadOnly, v, serialInput,
                serialOutput, rtcEpochSeconds);
    }

    public MachineConfig withSerial(SerialInput in, ByteSink out) {
        return new MachineConfig(ramBytes, instructionsPerPitTick, diskImage, diskReadOnly, ataLatency,
                in == null ? SerialInput.NONE : in, out == null ? ByteSink.NONE : out, rtcEpochSeconds);
    }

    public MachineConfig withRtcEpochSeconds(long v) {
        return new MachineConfig(ramBytes, instructionsPerPitTick, diskImage, diskReadOnly, ataLatency, serialInput,
                serialOutput, v);
    }

    /** Virtual ticks per second of emulated time. */
    public long ticksPerSecond() {
        return instructionsPerPitTick * dev.noreset.hw.dev.Pit8254.INPUT_HZ;
    }

    /** Checks every value; the message names the field and what is wrong. */
    void validate() throws MachineConfigException {
        if (ramBytes <= 0 || ramBytes % 4096 != 0) {
            throw new MachineConfigException("RAM size " + ramBytes + " bytes is not a positive multiple of 4 KiB (4096)");
        }
        if (ramBytes > MAX_RAM) {
            throw new MachineConfigException("RAM size " + ramBytes + " bytes is more than the 1 GiB this machine supports");
        }
        if (instructionsPerPitTick < 1 || instructionsPerPitTick > 1_000_000) {
            throw new MachineConfigException("instructions per PIT tick must be 1..1000000, got " + instructionsPerPitTick);
        }
        if (ataLatency < 0) {
            throw new MachineConfigException("ATA latency must not be negative, got " + ataLatency);
        }
        if (serialInput == null || serialOutput == null) {
            throw new MachineConfigException("serial input and output must be set (use SerialInput.NONE / ByteSink.NONE)");
        }
    }
}
