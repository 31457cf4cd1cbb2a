package dev.noreset.kernel.trap;

import dev.noreset.kernel.core.Abi;

/**
 * The timer interrupt: one tick of the running process's quantum (the core moves it to the
 * tail of its queue when the quantum is used up) and the kernel alarms (SYS_SETALARM), which
 * expire as a notification from CLOCK.
 */
final class Clock {
    private final KernelGlue k;

    Clock(KernelGlue k) {
        this.k = k;
    }

    void tick() {
        k.addTick();
        int cur = k.current;
        if (cur >= 0) {
            k.info.addTick(cur);
            k.core.tick(cur);
        }
        long now = k.ticks();
        for (int s = 0; s < Abi.NR_PROCS; s++) {
            long at = k.info.alarmAt(s);
            if (at != 0 && at <= now) {
                k.info.setAlarmAt(s, 0);
                if (k.core.isLive(s)) {
                    k.core.notifyFromKernel(s, Abi.CLOCK);
                }
            }
        }
    }
}
