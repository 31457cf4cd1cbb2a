package dev.noreset.hw.dev;

import dev.noreset.hw.bus.IrqLine;
import dev.noreset.hw.bus.VirtualClock;

import java.util.ArrayList;
import java.util.List;

/** Test doubles: a settable virtual clock and an IRQ wire that records its level changes. */
final class TestWires {
    private TestWires() { }

    static final class Clock implements VirtualClock {
        long now;

        @Override
        public long now() {
            return now;
        }
    }

    static final class Line implements IrqLine {
        boolean high;
        int rises;
        final List<Long> riseTimes = new ArrayList<>();
        private final VirtualClock clock;

        Line(VirtualClock clock) {
            this.clock = clock;
        }

        Line() {
            this(() -> 0);
        }

        @Override
        public void raise() {
            if (!high) {
                rises++;
                riseTimes.add(clock.now());
            }
            high = true;
        }

        @Override
        public void lower() {
            high = false;
        }
    }
}
