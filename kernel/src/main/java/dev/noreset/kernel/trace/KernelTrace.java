package dev.noreset.kernel.trace;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;
import dev.noreset.kernel.trap.KernelObserver;

import java.util.Set;

/**
 * Records the kernel's IPC and process-lifecycle events for trace validation, in the format of
 * tla/trace-format.md: one event per IPC call as it returns to the dispatcher, and one per death
 * and spawn; {@code event} is the TLA+ action of tla/MessagePassing ({@code Send}, {@code SendRec},
 * {@code SendNB}, {@code SendA} (one per table entry), {@code Notify}, {@code Receive}, {@code Die},
 * {@code Spawn}); {@code actor} and {@code peer} are endpoints; {@code result} is the caller's
 * result ({@code BLOCKED} when it blocked).
 *
 * <p>What the model does not contain is left out, as the format asks: calls that failed before
 * the core changed anything (EFAULT, ECALLDENIED, EINVAL, ...: a stutter step for the model),
 * kernel calls, and receives that took a notification from the kernel (HARDWARE, CLOCK, SYSTEM).
 */
public final class KernelTrace implements KernelObserver {
    /** Results the model has (its Codes, with BLOCKED for NONE). */
    private static final Set<String> MODEL_RESULTS = Set.of("OK", "ELOCKED", "EDEADSRCDST", "ENOTREADY");

    private final TraceRecorder rec;
    private KernelGlue k;

    public KernelTrace(TraceRecorder rec) {
        this.rec = rec;
    }

    public TraceRecorder recorder() {
        return rec;
    }

    @Override
    public void attach(KernelGlue kernel) {
        k = kernel;
    }

    @Override
    public void ipc(int caller, int op, int endpoint, int result, boolean blocked) {
        String name = action(op);
        String res = blocked ? "BLOCKED" : ErrorNames.name(result);
        if (name == null || k == null || !blocked && !MODEL_RESULTS.contains(res)) {
            return;
        }
        if (op == Abi.RECEIVE && !blocked && k.core.resultReady(caller) && k.core.messageReceived(caller)
                && k.core.msgWord(caller, 0) < 0) {
            return; // a kernel notification: not in the model
        }
        rec.begin(name).field("actor", k.core.endpointOf(caller)).field("peer", endpoint);
        if (op == Abi.SEND || op == Abi.SENDREC || op == Abi.SENDNB) {
            rec.field("msg", k.core.msgWord(caller, 2));
        }
        rec.field("result", res).end();
    }

    @Override
    public void senda(int caller, int[] destinations, int count, int result) {
        String res = ErrorNames.name(result);
        if (k == null || !MODEL_RESULTS.contains(res)) {
            return;
        }
        int actor = k.core.endpointOf(caller);
        for (int i = 0; i < count; i++) {
            rec.begin("SendA").field("actor", actor).field("peer", destinations[i]).field("result", res).end();
        }
    }

    @Override
    public void spawned(int slot, int endpoint, String name) {
        rec.begin("Spawn").field("actor", endpoint).field("result", "OK").end();
    }

    @Override
    public void died(int slot, int endpoint, int cause, int status) {
        rec.begin("Die").field("actor", endpoint).field("result", "OK").end();
    }

    /** The TLA+ action of an IPC operation, or null for kernel calls and bad operations. */
    private static String action(int op) {
        return switch (op) {
            case Abi.SEND -> "Send";
            case Abi.RECEIVE -> "Receive";
            case Abi.SENDREC -> "SendRec";
            case Abi.NOTIFY -> "Notify";
            case Abi.SENDNB -> "SendNB";
            default -> null;
        };
    }
}
