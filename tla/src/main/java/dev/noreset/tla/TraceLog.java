package dev.noreset.tla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a kernel event log (ND-JSON, one event per line, see tla/trace-format.md) into the
 * TLA+ module TraceData that a trace spec (e.g. MessagePassingTrace) EXTENDS.  The TLC on
 * Maven Central has no Json module, so the log is checked and converted here, and the
 * module is written to the build folder and found through TLC's TLA-Library path.
 */
public final class TraceLog {

    /** Event names: the TLA+ actions of MessagePassing a kernel event stands for. */
    public static final Set<String> EVENTS =
            Set.of("Send", "SendRec", "SendNB", "SendA", "Notify", "Receive", "Die", "Spawn");
    /** Results: the model's codes, with BLOCKED for a call that blocked. */
    public static final Set<String> RESULTS =
            Set.of("OK", "BLOCKED", "ELOCKED", "EDEADSRCDST", "ENOTREADY");
    static final int ANY = 0x7ace;
    static final int NONE = 0x6ace;
    static final int SLOT_BITS = 15;
    /** Highest kernel slot a log may name: the model's state grows with the slots. */
    static final long MAX_SLOT = 255;
    static final long SLOT_MASK = (1 << SLOT_BITS) - 1;
    /** Events that take a message id in the model (its ClientCall actions). */
    static final Set<String> CREATES_MESSAGE = Set.of("Send", "SendRec", "SendNB", "SendA", "Notify");

    /** A log that is not a well-formed trace; the message is one line. */
    public static final class TraceException extends Exception {
        private static final long serialVersionUID = 1L;

        TraceException(String message) {
            super(message);
        }
    }

    private TraceLog() {
    }

    /**
     * The TLA+ text of module TraceData for the log at {@code ndjson}: {@code TraceLog} (the
     * events) and the model's constants sized from the log: {@code TraceSlots} (1 .. the highest
     * slot named, plus one), {@code TraceServer} (that extra slot, which no event names: the
     * model's server loop stays idle, so every logged process is checked as a client),
     * {@code TraceMaxGen} (the highest generation a slot reaches) and {@code TraceMaxMsgs} (the
     * number of events that create a message).
     */
    public static String toModule(Path ndjson) throws TraceException {
        return convert(ndjson).text();
    }

    /** Module TraceData (see {@link #toModule}) and the sizes taken from the log. */
    public record Module(String text, int events, long slots, long maxGen, long maxMsgs) {
    }

    /** Checks the log and converts it (see {@link #toModule}). */
    public static Module convert(Path ndjson) throws TraceException {
        List<String> lines;
        try {
            lines = Files.readAllLines(ndjson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TraceException("cannot read trace " + ndjson + " (" + e.getClass().getSimpleName() + ")");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("---- MODULE TraceData ----\n");
        sb.append("EXTENDS Naturals\n");
        sb.append("\\* Generated from ").append(ndjson.getFileName()).append(" by dev.noreset.tla.TraceLog.\n");
        sb.append("\\* Model slot = kernel slot + 1 (the model keeps slot 0 for ANY and NONE).\n");
        sb.append("TraceLog == <<\n");
        int seq = 0;
        long maxSlot = 0;
        long maxGen = 0;
        long msgs = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String where = ndjson.getFileName() + " line " + (i + 1);
            Object o;
            try {
                o = Json.parse(line);
            } catch (Json.ParseException e) {
                throw new TraceException(where + ": " + e.getMessage());
            }
            if (!(o instanceof Map)) {
                throw new TraceException(where + ": not a JSON object");
            }
            Map<?, ?> ev = (Map<?, ?>) o;
            seq++;
            if (num(ev, "seq", where) != seq) {
                throw new TraceException(where + ": seq " + ev.get("seq") + ", expected " + seq);
            }
            String event = str(ev, "event", where, EVENTS);
            String result = str(ev, "result", where, RESULTS);
            long actor = num(ev, "actor", where);
            long peer = ev.containsKey("peer") ? num(ev, "peer", where) : NONE;
            long msg = ev.containsKey("msg") ? num(ev, "msg", where) : 0;
            if (actor == ANY || actor == NONE) {
                throw new TraceException(where + ": actor must be a process endpoint");
            }
            for (long ep : new long[] {actor, peer}) {
                if (ep != ANY && ep != NONE) {
                    maxSlot = Math.max(maxSlot, ep & SLOT_MASK);
                    maxGen = Math.max(maxGen, ep >> SLOT_BITS);
                }
            }
            if (event.equals("Die")) {
                maxGen = Math.max(maxGen, (actor >> SLOT_BITS) + 1);
            }
            if (CREATES_MESSAGE.contains(event)) {
                msgs++;
            }
            sb.append(seq == 1 ? "    " : "  , ");
            sb.append("[seq |-> ").append(seq).append(", event |-> \"").append(event)
                    .append("\", actor |-> ").append(endpoint(actor)).append(", peer |-> ").append(endpoint(peer))
                    .append(", msg |-> ").append(msg).append(", result |-> \"").append(result).append("\"]\n");
        }
        if (seq == 0) {
            throw new TraceException(ndjson.getFileName() + ": no events");
        }
        sb.append(">>\n");
        if (maxSlot > MAX_SLOT) {
            throw new TraceException(ndjson.getFileName() + ": slot " + maxSlot + " is beyond the "
                    + MAX_SLOT + " slots a trace check sizes the model for");
        }
        long server = maxSlot + 2;
        sb.append("TraceSlots == 1..").append(server).append("\n");
        sb.append("TraceServer == ").append(server).append("\n");
        sb.append("TraceMaxGen == ").append(maxGen).append("\n");
        sb.append("TraceMaxMsgs == ").append(msgs).append("\n");
        sb.append("====\n");
        return new Module(sb.toString(), seq, server, maxGen, msgs);
    }

    /** Kernel endpoint as the model's <<slot + 1, gen>> (ANY is <<0, 1>>, NONE <<0, 0>>). */
    static String endpoint(long ep) {
        if (ep == ANY) {
            return "<<0, 1>>";
        }
        if (ep == NONE) {
            return "<<0, 0>>";
        }
        return "<<" + ((ep & SLOT_MASK) + 1) + ", " + (ep >> SLOT_BITS) + ">>";
    }

    private static long num(Map<?, ?> m, String key, String where) throws TraceException {
        Object v = m.get(key);
        if (!(v instanceof Long) || (Long) v < 0 || (Long) v > Integer.MAX_VALUE) {
            throw new TraceException(where + ": \"" + key + "\" must be a non-negative integer");
        }
        return (Long) v;
    }

    private static String str(Map<?, ?> m, String key, String where, Set<String> allowed) throws TraceException {
        Object v = m.get(key);
        if (!(v instanceof String) || !allowed.contains(v)) {
            throw new TraceException(where + ": \"" + key + "\" must be one of " + allowed);
        }
        return (String) v;
    }
}
