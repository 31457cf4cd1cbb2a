package dev.noreset.tla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** tla/manifest.json: every TLC configuration with the result it must give. */
public final class Manifest {

    /** Result kinds, as written in the manifest and the evidence. */
    public static final Set<String> RESULTS =
            Set.of("ok", "invariant violated", "property violated", "deadlock");

    /** One configuration: model folder, spec module, cfg file and expectation. */
    public record Entry(String model, String spec, String cfg, String suite, String result,
                        String name, Long distinctStates, Long depth, String note, String trace) {

        /** A label such as MessagePassing/MCMessagePassing.cfg. */
        public String label() {
            return model + "/" + cfg;
        }
    }

    /** A manifest that cannot be used; the message is one line. */
    public static final class ManifestException extends Exception {
        private static final long serialVersionUID = 1L;

        public ManifestException(String message) {
            super(message);
        }
    }

    private Manifest() {
    }

    /**
     * Reads and checks the manifest: every entry names an existing model folder, spec module
     * and cfg file, a known suite and result; "ok" entries give states and depth.
     */
    public static List<Entry> read(Path tlaDir) throws ManifestException {
        Path file = tlaDir.resolve("manifest.json");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ManifestException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.ParseException e) {
            throw new ManifestException(file + ": " + e.getMessage());
        }
        if (!(root instanceof Map) || !(((Map<?, ?>) root).get("configs") instanceof List)) {
            throw new ManifestException(file + ": expected an object with a \"configs\" array");
        }
        List<Entry> out = new ArrayList<>();
        int i = 0;
        for (Object o : (List<?>) ((Map<?, ?>) root).get("configs")) {
            i++;
            out.add(entry(tlaDir, i, o));
        }
        return out;
    }

    private static Entry entry(Path tlaDir, int i, Object o) throws ManifestException {
        String where = "manifest.json config " + i;
        if (!(o instanceof Map)) {
            throw new ManifestException(where + ": not an object");
        }
        Map<?, ?> m = (Map<?, ?>) o;
        String model = str(m, "model", where, true);
        String cfg = str(m, "cfg", where, true);
        String spec = str(m, "spec", where, false);
        if (spec == null) {
            spec = "MC" + model;
        }
        String suite = str(m, "suite", where, true);
        if (!suite.equals("ci") && !suite.equals("large")) {
            throw new ManifestException(where + ": suite must be \"ci\" or \"large\", not \"" + suite + "\"");
        }
        for (String part : new String[] {model, cfg, spec}) {
            if (part.contains("/") || part.contains("\\") || part.startsWith(".")) {
                throw new ManifestException(where + ": \"" + part + "\" must be a plain file or folder name");
            }
        }
        Path dir = tlaDir.resolve(model);
        if (!Files.isDirectory(dir)) {
            throw new ManifestException(where + " names model " + model + ", but " + dir + " does not exist");
        }
        if (!Files.isRegularFile(dir.resolve(cfg))) {
            throw new ManifestException(where + " names unknown cfg " + model + "/" + cfg);
        }
        if (!Files.isRegularFile(dir.resolve(spec + ".tla"))) {
            throw new ManifestException(where + " names missing spec " + model + "/" + spec + ".tla");
        }
        if (!(m.get("expected") instanceof Map)) {
            throw new ManifestException(where + ": missing \"expected\" object");
        }
        Map<?, ?> ex = (Map<?, ?>) m.get("expected");
        String result = str(ex, "result", where + " expected", true);
        if (!RESULTS.contains(result)) {
            throw new ManifestException(where + ": unknown expected result \"" + result + "\"");
        }
        String name = str(ex, "name", where + " expected", !result.equals("ok") && !result.equals("deadlock"));
        Long states = num(ex, "distinctStates", where);
        Long depth = num(ex, "depth", where);
        if (result.equals("ok") && (states == null || depth == null)) {
            throw new ManifestException(where + ": an \"ok\" entry must give distinctStates and depth");
        }
        String trace = str(m, "trace", where, false);
        if (trace != null && (trace.startsWith("/") || trace.contains("..") || !Files.isRegularFile(dir.resolve(trace)))) {
            throw new ManifestException(where + " names missing trace " + model + "/" + trace);
        }
        return new Entry(model, spec, cfg, suite, result, name, states, depth, str(m, "note", where, false), trace);
    }

    private static String str(Map<?, ?> m, String key, String where, boolean required)
            throws ManifestException {
        Object v = m.get(key);
        if (v == null && !required) {
            return null;
        }
        if (!(v instanceof String) || ((String) v).isEmpty()) {
            throw new ManifestException(where + ": \"" + key + "\" must be a non-empty string");
        }
        return (String) v;
    }

    private static Long num(Map<?, ?> m, String key, String where) throws ManifestException {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Long) || (Long) v < 0) {
            throw new ManifestException(where + ": \"" + key + "\" must be a non-negative integer");
        }
        return (Long) v;
    }
}
