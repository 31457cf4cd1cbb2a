package dev.noreset.proofs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Writes the machine-readable evidence of one proof run. */
final class Evidence {
    private Evidence() { }

    /**
     * {@code restsOn}: for a proved contract whose proof applies (directly or through other
     * proofs) a contract that is not proved, those contracts; absent when it rests on proofs only.
     */
    static void write(Path file, List<ProofRunner.Result> results, double seconds, List<String> problems,
            java.util.Map<String, java.util.TreeSet<String>> restsOn) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"tool\": \"KeY\",\n  \"keyVersion\": \"").append(ProofRunner.KEY_VERSION).append("\",\n");
        sb.append("  \"intRules\": \"").append(ProofRunner.INT_RULES).append("\",\n");
        sb.append("  \"finished\": \"").append(Instant.now()).append("\",\n");
        sb.append(String.format(Locale.ROOT, "  \"seconds\": %.1f,%n", seconds));
        sb.append("  \"ok\": ").append(problems.isEmpty()).append(",\n");
        sb.append("  \"problems\": [");
        for (int i = 0; i < problems.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(problems.get(i)));
        }
        sb.append("],\n  \"contracts\": [\n");
        for (int i = 0; i < results.size(); i++) {
            ProofRunner.Result r = results.get(i);
            sb.append(String.format(Locale.ROOT,
                    "    {\"name\": %s, \"status\": \"%s\", \"nodes\": %d, \"branches\": %d, \"seconds\": %.2f, \"strategy\": \"%s\", \"method\": \"%s\", \"uses\": %s",
                    quote(r.name), r.status, r.nodes, r.branches, r.seconds, r.strategy, r.method, array(r.uses)));
            if (restsOn.containsKey(r.name)) {
                sb.append(", \"restsOn\": ").append(array(restsOn.get(r.name)));
            }
            sb.append('}').append(i + 1 < results.size() ? "," : "").append('\n');
        }
        sb.append("  ]\n}\n");
        Files.writeString(file, sb.toString());
    }

    static String array(java.util.Collection<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (String item : items) {
            sb.append(sb.length() == 1 ? "" : ", ").append(quote(item));
        }
        return sb.append(']').toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
