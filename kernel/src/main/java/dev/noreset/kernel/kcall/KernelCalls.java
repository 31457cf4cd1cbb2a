package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

/**
 * The kernel-call table and its dispatcher (MINIX's system task): the number is checked for
 * range, then the caller's privilege (the core's {@code checkKernelCall}), then the handler
 * runs. The table is data indexed by the numbers of spec/abi/kcalls.tsv.
 */
public final class KernelCalls {
    private final KernelCall[] table = new KernelCall[Abi.NR_SYS_CALLS];

    public KernelCalls() {
        table[Abi.SYS_FORK] = new Fork();
        table[Abi.SYS_EXEC] = new Exec();
        table[Abi.SYS_EXIT] = new Exit();
        table[Abi.SYS_PRIVCTL] = new PrivCtl();
        table[Abi.SYS_KILL] = new Kill();
        table[Abi.SYS_DEVIO] = new DevIo();
        table[Abi.SYS_IRQCTL] = new IrqCtl();
        table[Abi.SYS_SAFECOPYFROM] = new SafeCopyFrom();
        table[Abi.SYS_SAFECOPYTO] = new SafeCopyTo();
        table[Abi.SYS_SETGRANT] = new SetGrant();
        table[Abi.SYS_VMCTL] = new VmCtl();
        table[Abi.SYS_SETALARM] = new SetAlarm();
        table[Abi.SYS_TIMES] = new Times();
        table[Abi.SYS_GETINFO] = new GetInfo();
    }

    /** Runs the call {@code m.type()} for {@code caller}; returns the result for the reply. */
    public int dispatch(KernelGlue k, int caller, Message m) {
        int nr = m.type();
        if (nr < 0 || nr >= table.length || table[nr] == null) {
            return Abi.ENOSYS;
        }
        int rc = k.core.checkKernelCall(caller, nr);
        if (rc != Abi.OK) {
            return rc;
        }
        return table[nr].call(k, caller, m);
    }
}
