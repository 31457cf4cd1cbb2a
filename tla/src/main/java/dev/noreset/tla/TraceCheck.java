package dev.noreset.tla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trace validation of one kernel event log (tla/trace-format.md) against MessagePassing: the
 * log becomes module TraceData ({@link TraceLog}), and TLC checks MessagePassingTrace with
 * MessagePassingTrace.cfg in a fresh JVM with one worker (the trace spec leaves at most one
 * successor per state, so more workers only cost start-up time).
 *
 * <p>A log is accepted when TLC printed the trace spec's MatchedMark (a behaviour matched the
 * last event) and ended with no error; it is rejected when TLC ended with no error and no mark
 * (no behaviour matches it) or found a MessagePassing invariant violated on the way.  Anything
 * else (TLC could not run, a timeout, a malformed log) is an error, neither verdict.
 */
public final class TraceCheck {

    /** The string MessagePassingTrace.tla prints (PrintT) when the whole log has been matched. */
    public static final String MATCHED_MARK = "noreset-trace: all events matched";

    /** What became of a log. */
    public enum Verdict { ACCEPTED, REJECTED, ERROR }

    /**
     * One check: the log, its events, the verdict, what TLC reported (result, distinct states,
     * depth = 1 + matched events + kernel wake-ups the trace spec inserted) and the wall time.
     */
    public record Result(Path trace, int events, Verdict verdict, String tlcResult, String detail,
                         long distinctStates, long depth, double seconds, Path log) {

        /** The result as a JSON-ready map (for evidence files). */
        public Map<String, Object> toJson() {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("trace", trace.toString());
            j.put("events", events);
            j.put("verdict", verdict.name().toLowerCase(java.util.Locale.ROOT));
            j.put("tlcResult", tlcResult);
            j.put("detail", detail);
            j.put("distinctStates", distinctStates);
            j.put("depth", depth);
            j.put("seconds", Math.round(seconds * 10) / 10.0);
            j.put("log", log == null ? null : log.toString());
            return j;
        }
    }

    private TraceCheck() {
    }

    /** The tla/ folder, found as {@code noreset verify --models} finds it; null if not found. */
    public static Path findTlaDir() {
        try {
            return ModelRunner.findTlaDir();
        } catch (ModelRunner.UsageException e) {
            return null;
        }
    }

    /**
     * Checks the log at {@code ndjson}.  {@code out} receives TLC's meta data, the generated
     * TraceData module and the log (tlc-logs/trace-NAME.log).  Never throws for a bad log or
     * a failed TLC run: those are {@link Verdict#ERROR} with a one-line detail.
     */
    public static Result check(Path ndjson, Path tlaDir, Path out) {
        return check(ndjson, tlaDir, out, "MessagePassing", "MessagePassingTrace", "MessagePassingTrace.cfg");
    }

    /**
     * Checks the log with another trace spec: {@code spec} (a module in tla/{@code model}/
     * that EXTENDS TraceData and prints {@link #MATCHED_MARK} when the last event is matched)
     * and {@code cfg}; for trace specs of other models (e.g. a future ReincarnationTrace).
     */
    public static Result check(Path ndjson, Path tlaDir, Path out, String model, String spec, String cfg) {
        String name = ndjson.getFileName().toString().replaceAll("\\.ndjson$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        String base = "trace-" + name;
        TraceLog.Module module;
        try {
            module = TraceLog.convert(ndjson);
        } catch (TraceLog.TraceException e) {
            return new Result(ndjson, 0, Verdict.ERROR, "not run", e.getMessage(), -1, -1, 0, null);
        }
        ModelRunner.Run run;
        String text;
        try {
            run = ModelRunner.runTlc(tlaDir.resolve(model), spec, cfg, base, module.text(), "1", out,
                    ModelRunner.tlcJar());
            text = Files.readString(run.log(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new Result(ndjson, module.events(), Verdict.ERROR, "not run",
                    e.getClass().getSimpleName() + ": " + e.getMessage(), -1, -1, 0, null);
        }
        TlcOutcome o = run.outcome();
        boolean matched = text.contains(MATCHED_MARK);
        Verdict v;
        String detail = o.detail();
        if (o.result().equals("ok")) {
            v = matched ? Verdict.ACCEPTED : Verdict.REJECTED;
            if (!matched) {
                detail = "no behaviour of MessagePassing matches the whole log; the search ended at depth "
                        + o.depth() + " (1 + matched events + kernel wake-ups)";
            }
        } else if (o.result().equals("invariant violated")) {
            v = Verdict.REJECTED;
            detail = "the matching behaviour violates " + o.name();
        } else {
            v = Verdict.ERROR;
        }
        return new Result(ndjson, module.events(), v, o.result(), detail, o.distinctStates(), o.depth(),
                run.seconds(), run.log());
    }
}
