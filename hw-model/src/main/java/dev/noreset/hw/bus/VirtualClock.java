package dev.noreset.hw.bus;

/**
 * Virtual time, in ticks of one retired instruction (plus idle time the machine skipped). Devices
 * derive all timing from it and never from host time, so a run is reproducible.
 */
@FunctionalInterface
public interface VirtualClock {
    long now();
}
