package dev.noreset.hw.conformance;

import java.util.HashMap;
import java.util.Map;

/**
 * The parts of the collection's {@code metadata.json} the runner needs: per opcode (and ModRM reg
 * for group opcodes) the mask of flag bits to compare. Parsed with a small JSON reader because
 * hw-model has no dependencies; malformed JSON raises {@link MooFormatException}.
 */
public final class Metadata {
    private final Map<String, Integer> flagsMask = new HashMap<>();

    private Metadata() { }

    public static Metadata empty() {
        return new Metadata();
    }

    public static Metadata parse(String json) throws MooFormatException {
        Metadata m = new Metadata();
        Object root = new Json(json).value();
        if (!(root instanceof Map<?, ?> top) || !(top.get("opcodes") instanceof Map<?, ?> ops)) {
            throw new MooFormatException("metadata.json has no 'opcodes' object");
        }
        for (Map.Entry<?, ?> e : ops.entrySet()) {
            String op = ((String) e.getKey()).toUpperCase();
            if (!(e.getValue() instanceof Map<?, ?> info)) continue;
            m.put(op, info);
            if (info.get("reg") instanceof Map<?, ?> regs) {
                for (Map.Entry<?, ?> r : regs.entrySet()) {
                    if (r.getValue() instanceof Map<?, ?> ri) {
                        m.put(op + "." + r.getKey(), ri);
                    }
                }
            }
        }
        return m;
    }

    private void put(String key, Map<?, ?> info) {
        if (info.get("flags-mask") instanceof Number n) {
            flagsMask.put(key, n.intValue());
        }
    }

    /** The flags mask for a test file's form ("80.3" or "27"), or 0xFFFF when none is given. */
    public int flagsMask(String form) {
        Integer v = flagsMask.get(form.toUpperCase());
        return v == null ? 0xFFFF : v;
    }

    /** A minimal JSON reader: objects, arrays, strings, numbers, true/false/null. */
    private static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        private MooFormatException err(String what) {
            return new MooFormatException("metadata.json: " + what + " at character " + i);
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        Object value() throws MooFormatException {
            ws();
            if (i >= s.length()) throw err("unexpected end");
            char ch = s.charAt(i);
            switch (ch) {
                case '{': {
                    i++;
                    Map<String, Object> m = new HashMap<>();
                    ws();
                    if (i < s.length() && s.charAt(i) == '}') { i++; return m; }
                    for (;;) {
                        ws();
                        if (i >= s.length() || s.charAt(i) != '"') throw err("expected a key");
                        String k = string();
                        ws();
                        if (i >= s.length() || s.charAt(i) != ':') throw err("expected ':'");
                        i++;
                        m.put(k, value());
                        ws();
                        if (i >= s.length()) throw err("unterminated object");
                        if (s.charAt(i) == ',') { i++; continue; }
                        if (s.charAt(i) == '}') { i++; return m; }
                        throw err("expected ',' or '}'");
                    }
                }
                case '[': {
                    i++;
                    java.util.List<Object> l = new java.util.ArrayList<>();
                    ws();
                    if (i < s.length() && s.charAt(i) == ']') { i++; return l; }
                    for (;;) {
                        l.add(value());
                        ws();
                        if (i >= s.length()) throw err("unterminated array");
                        if (s.charAt(i) == ',') { i++; continue; }
                        if (s.charAt(i) == ']') { i++; return l; }
                        throw err("expected ',' or ']'");
                    }
                }
                case '"': return string();
                default:
                    if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
                    if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
                    if (s.startsWith("null", i)) { i += 4; return null; }
                    int st = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
                    if (st == i) throw err("unexpected character '" + ch + "'");
                    try {
                        return Double.parseDouble(s.substring(st, i));
                    } catch (NumberFormatException e) {
                        throw err("bad number");
                    }
            }
        }

        private String string() throws MooFormatException {
            i++;
            StringBuilder sb = new StringBuilder();
            while (i < s.length() && s.charAt(i) != '"') {
                char ch = s.charAt(i++);
                if (ch == '\\') {
                    if (i >= s.length()) throw err("unterminated escape");
                    char e = s.charAt(i++);
                    if (e == 'u') {
                        if (i + 4 > s.length()) throw err("short \\u escape");
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException x) {
                            throw err("bad \\u escape");
                        }
                        i += 4;
                    } else {
                        sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                    }
                } else {
                    sb.append(ch);
                }
            }
            if (i >= s.length()) throw err("unterminated string");
            i++;
            return sb.toString();
        }
    }
}
