package dev.noreset.kernel.trap;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.kernel.core.Abi;

/**
 * Delivers what the core finished for a process (its completion protocol): the result into
 * the saved EAX and, for a receive, the message from the core's buffer to the user buffer the
 * process named in ECX when it trapped. Runs just before the process is resumed, so a process
 * sees its result exactly when it runs again.
 */
final class Completions {
    private Completions() { }

    static void deliver(KernelGlue k, int slot) {
        if (!k.core.resultReady(slot)) {
            return;
        }
        int rc = k.core.ipcResult(slot);
        boolean received = k.core.messageReceived(slot);
        int source = 0, type = 0;
        if (received) {
            // The message as words (word i at byte 4 * i, Abi's offsets are 4-aligned).
            int[] m = k.wordBuffer;
            for (int w = 0; w < 16; w++) {
                m[w] = k.core.msgWord(slot, w);
            }
            source = m[Abi.M_SOURCE / 4];
            type = m[Abi.M_TYPE / 4];
            if (type == Abi.NOTIFY_MESSAGE && (source == Abi.HARDWARE || source == Abi.CLOCK)) {
                if (source == Abi.HARDWARE) {
                    m[Abi.NOTIFY_IRQS / 4] = k.irqs.takePending(slot);
                }
                m[Abi.NOTIFY_TICKS_LO / 4] = (int) k.ticks();
            }
            if (k.wordsOut(slot, m, k.ctx.reg(slot, Cpu.ECX)) != Abi.OK) {
                rc = Abi.EFAULT;
            }
        }
        k.ctx.setReg(slot, Cpu.EAX, rc);
        k.core.clearResult(slot);
        int sender = k.core.lastAsyncSender();
        if (sender >= 0) {
            syncAsyncTable(k, sender);
        }
        k.observer().completed(slot, rc, received, source, type);
    }

    /** Writes AMF_DONE and the result into the user's SENDA entries the core has finished. */
    static void syncAsyncTable(KernelGlue k, int slot) {
        int table = k.info.sendaTable(slot);
        int n = k.info.sendaCount(slot);
        int pd = k.spaces.pageDir(slot);
        int[] flags = new int[1];
        for (int i = 0; i < n; i++) {
            if (!k.core.asyncDone(slot, i)) {
                continue;
            }
            int entry = table + i * Abi.ASYN_SIZE;
            if (k.copy.readInt(pd, entry + Abi.ASYN_FLAGS, flags) != Abi.OK || (flags[0] & Abi.AMF_DONE) != 0) {
                continue;
            }
            k.copy.writeInt(pd, entry + Abi.ASYN_RESULT, k.core.asyncResult(slot, i));
            k.copy.writeInt(pd, entry + Abi.ASYN_FLAGS, flags[0] | Abi.AMF_DONE);
        }
    }
}
