package dev.noreset.tla.mbt;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.core.Async;
import dev.noreset.kernel.core.Ipc;
import dev.noreset.kernel.core.Kernel;
import dev.noreset.kernel.core.Privs;
import dev.noreset.kernel.core.Procs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Thin adapter from MessagePassing's actions to the Java kernel core.  Model slot s is kernel
 * slot s; the model endpoint <<s, g>> is the kernel endpoint (g << 15) | s.  Every process
 * runs with one privilege record that allows all IPC, so the core's privilege checks never
 * decide a step (the model has no privileges).  It plays the glue's part too: it loads the
 * message buffer (word 1 = type, word 2 = the model's message id) and keeps each sender's
 * SENDA table, dropping entries the kernel marked done.
 */
final class KernelAdapter {
    static final int PRIV = 1;
    static final int TYPE = 1;

    final Kernel k = new Kernel();
    /** Test of the test: a wrong core whose SENDNB blocks like SEND must be caught. */
    boolean mutantSendNbBlocks;
    /** Per sender: its SENDA table entries still pending, as {endpoint, message id}. */
    private final Map<Integer, List<int[]>> asyncTable = new HashMap<>();

    KernelAdapter(Iterable<Integer> slots) {
        check(Privs.setSchedLimits(k, PRIV, 8, 10), "setSchedLimits");
        for (int op = 0; op <= Abi.SENDA; op++) {
            check(Privs.allowTrap(k, PRIV, op, true), "allowTrap");
        }
        for (int t = 0; t < Abi.NR_PROCS; t++) {
            check(Privs.allowIpc(k, PRIV, t, true), "allowIpc");
        }
        for (int s : slots) {
            int ep = Procs.spawn(k, s, PRIV);
            if (ep != s) {
                throw new IllegalStateException("spawn of slot " + s + " returned " + ep);
            }
        }
    }

    private static void check(int rc, String what) {
        if (rc != Abi.OK) {
            throw new IllegalStateException(what + " returned " + rc);
        }
    }

    /** Kernel endpoint of a model endpoint <<slot, gen>>; <<0, 1>> is ANY. */
    static int endpoint(List<?> e) {
        int slot = (Integer) e.get(0);
        int gen = (Integer) e.get(1);
        if (slot == 0) {
            return gen == 1 ? Abi.ANY : Abi.NONE;
        }
        return (gen << Abi.ENDPOINT_SLOT_BITS) | slot;
    }

    private void load(int p, int id) {
        k.setMsgWord(p, 1, TYPE);
        k.setMsgWord(p, 2, id);
    }

    /**
     * Performs one model action on the kernel and returns the caller's result the way the
     * model names it: an error code the call returned, else the completed IPC's result, else
     * NONE when the caller is now blocked, else OK.
     */
    String apply(String action, int p, List<?> e, int id) {
        k.clearResult(p);
        int rc;
        switch (action) {
            case "Send" -> {
                load(p, id);
                rc = Ipc.send(k, p, endpoint(e));
            }
            case "SendRec" -> {
                load(p, id);
                rc = Ipc.sendrec(k, p, endpoint(e));
            }
            case "SendNB", "ServerReply" -> {
                load(p, id);
                rc = mutantSendNbBlocks ? Ipc.send(k, p, endpoint(e)) : Ipc.sendnb(k, p, endpoint(e));
            }
            case "Notify" -> rc = Ipc.notify(k, p, endpoint(e));
            case "Receive", "ServerReceive" -> rc = Ipc.receive(k, p, endpoint(e));
            case "SendA" -> {
                return sendA(p, endpoint(e), id);
            }
            case "Die" -> {
                asyncTable.remove(p);
                rc = Procs.exit(k, p);
                return rc == Abi.OK ? "NONE" : name(rc);
            }
            case "Spawn" -> {
                rc = Procs.spawn(k, p, PRIV);
                return rc >= 0 ? "NONE" : name(rc);
            }
            default -> throw new IllegalArgumentException("no adapter for model action " + action);
        }
        return callerResult(p, rc);
    }

    private String callerResult(int p, int rc) {
        if (rc != Abi.OK) {
            return name(rc);
        }
        if (k.resultReady(p)) {
            return name(k.ipcResult(p));
        }
        return k.isRunnable(p) ? "OK" : "NONE";
    }

    /** SENDA: the table keeps the entries still pending and gets the new one at the end. */
    private String sendA(int p, int ep, int id) {
        List<int[]> old = asyncTable.getOrDefault(p, new ArrayList<>());
        List<int[]> table = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            if (!k.asyncDone(p, i)) {
                table.add(old.get(i));
            }
        }
        table.add(new int[] {ep, id});
        for (int i = 0; i < table.size(); i++) {
            check(Async.setAsyncEntry(k, p, i, table.get(i)[0], true), "setAsyncEntry");
            check(Async.setAsyncWord(k, p, i, 1, TYPE), "setAsyncWord");
            check(Async.setAsyncWord(k, p, i, 2, table.get(i)[1]), "setAsyncWord");
        }
        asyncTable.put(p, table);
        int rc = Async.senda(k, p, table.size());
        if (rc != Abi.OK) {
            return name(rc);
        }
        int last = table.size() - 1;
        if (k.asyncDone(p, last) && k.asyncResult(p, last) != Abi.OK) {
            return name(k.asyncResult(p, last));
        }
        return "OK";
    }

    /** SENDA entries of all senders that the kernel still holds pending. */
    int pendingAsync() {
        int n = 0;
        for (Map.Entry<Integer, List<int[]>> t : asyncTable.entrySet()) {
            for (int i = 0; i < t.getValue().size(); i++) {
                if (!k.asyncDone(t.getKey(), i)) {
                    n++;
                }
            }
        }
        return n;
    }

    static String name(int code) {
        if (code == Abi.OK) {
            return "OK";
        } else if (code == Abi.ELOCKED) {
            return "ELOCKED";
        } else if (code == Abi.EDEADSRCDST) {
            return "EDEADSRCDST";
        } else if (code == Abi.ENOTREADY) {
            return "ENOTREADY";
        }
        return "E" + code;
    }
}
