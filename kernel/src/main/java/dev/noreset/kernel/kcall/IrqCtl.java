package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.IrqTable;
import dev.noreset.kernel.trap.KernelGlue;

/**
 * SYS_IRQCTL: a driver registers for an IRQ line it is privileged for (SETPOLICY), then
 * enables, disables or acknowledges it; only the registered driver may change its line. The
 * timer and the cascade line belong to the kernel.
 */
final class IrqCtl implements KernelCall {
    @Override
    public int call(KernelGlue k, int caller, Message m) {
        int req = m.get(Abi.IRQCTL_REQ);
        int line = m.get(Abi.IRQCTL_LINE);
        if (req < Abi.IRQCTL_SETPOLICY || req > Abi.IRQCTL_ACK || line < 0 || line >= IrqTable.LINES) {
            return Abi.EINVAL;
        }
        if (line == IrqTable.TIMER || line == IrqTable.CASCADE) {
            return Abi.EPERM;
        }
        int rc = k.core.checkIrq(caller, line);
        if (rc != Abi.OK) {
            return rc;
        }
        int self = k.core.endpointOf(caller);
        int owner = k.irqs.owner(line);
        boolean ownerLive = owner != Abi.NONE && k.core.slotOf(owner) >= 0;
        if (req == Abi.IRQCTL_SETPOLICY) {
            if (ownerLive && owner != self) {
                return Abi.EBUSY;
            }
            k.irqs.setOwner(line, self);
            k.irqs.setMasked(line, true);
            return Abi.OK;
        }
        if (owner != self) {
            return Abi.EPERM;
        }
        switch (req) {
            case Abi.IRQCTL_RMPOLICY -> {
                k.irqs.setOwner(line, Abi.NONE);
                k.irqs.setMasked(line, true);
            }
            case Abi.IRQCTL_DISABLE -> k.irqs.setMasked(line, true);
            default -> k.irqs.setMasked(line, false);
        }
        return Abi.OK;
    }
}
