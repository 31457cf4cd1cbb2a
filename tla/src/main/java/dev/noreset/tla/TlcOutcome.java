package dev.noreset.tla;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one TLC run printed, reduced to what the manifest compares. */
public record TlcOutcome(String result, String name, long distinctStates, long statesGenerated,
                         long depth, int traceLength, String tlcVersion, String detail) {

    private static final Pattern INVARIANT = Pattern.compile("^Error: Invariant (\\S+) is violated");
    private static final Pattern ACTION_PROP =
            Pattern.compile("^Error: Action property (\\S+) is violated");
    private static final Pattern STATES = Pattern.compile(
            "^([0-9,]+) states generated, ([0-9,]+) distinct states found");
    private static final Pattern DEPTH =
            Pattern.compile("^The depth of the complete state graph search is ([0-9,]+)");
    private static final Pattern VERSION = Pattern.compile("^TLC2 Version (\\S+)");
    private static final Pattern TRACE_STATE = Pattern.compile("^State (\\d+):");

    /**
     * Reads TLC's standard output.  properties are the cfg's PROPERTIES, so that a violated
     * temporal property (TLC does not name it) is named when the cfg lists just one.
     */
    public static TlcOutcome parse(String out, List<String> properties) {
        String result = null;
        String name = null;
        String detail = "";
        long distinct = -1;
        long generated = -1;
        long depth = -1;
        int trace = 0;
        String version = "unknown";
        for (String line : out.split("\r?\n")) {
            Matcher m;
            if ((m = VERSION.matcher(line)).find()) {
                version = m.group(1);
            } else if (line.startsWith("Model checking completed. No error has been found.")) {
                result = result == null ? "ok" : result;
            } else if ((m = INVARIANT.matcher(line)).find()) {
                result = "invariant violated";
                name = m.group(1);
            } else if ((m = ACTION_PROP.matcher(line)).find()) {
                result = "property violated";
                name = m.group(1);
            } else if (line.startsWith("Error: Temporal properties were violated")) {
                result = "property violated";
                name = properties.size() == 1 ? properties.get(0) : "temporal";
            } else if (line.startsWith("Error: Deadlock reached")) {
                result = "deadlock";
            } else if (line.startsWith("Error:") && result == null && detail.isEmpty()) {
                detail = line.substring("Error:".length()).trim();
            } else if ((m = STATES.matcher(line)).find()) {
                generated = num(m.group(1));
                distinct = num(m.group(2));
            } else if ((m = DEPTH.matcher(line)).find()) {
                depth = num(m.group(1));
            } else if ((m = TRACE_STATE.matcher(line)).find()) {
                trace = Math.max(trace, Integer.parseInt(m.group(1)));
            }
        }
        if (result == null) {
            result = "error";
            if (detail.isEmpty()) {
                detail = "TLC printed no verdict";
            }
        }
        return new TlcOutcome(result, name, distinct, generated, depth, trace, version, detail);
    }

    private static long num(String s) {
        return Long.parseLong(s.replace(",", ""));
    }
}
