package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

/**
 * SYS_SETALARM: after ALARM_TICKS clock ticks the caller gets a notification from CLOCK; 0
 * cancels. One alarm per process; ALARM_LEFT returns what was left of the previous one.
 */
final class SetAlarm implements KernelCall {
    @Override
    public int call(KernelGlue k, int caller, Message m) {
        int ticks = m.get(Abi.ALARM_TICKS);
        if (ticks < 0) {
            return Abi.EINVAL;
        }
        long now = k.ticks();
        long old = k.info.alarmAt(caller);
        m.set(Abi.ALARM_LEFT, old == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, old - now)));
        k.info.setAlarmAt(caller, ticks == 0 ? 0 : now + ticks);
        return Abi.OK;
    }
}
