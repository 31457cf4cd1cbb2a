package dev.noreset.kernel.trace;

import dev.noreset.kernel.core.Abi;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** The spec/abi/errors.tsv name of a result code ("OK", "EDEADSRCDST", ...), from the generated constants. */
public final class ErrorNames {
    private static final Map<Integer, String> NAMES = load();

    private ErrorNames() { }

    public static String name(int code) {
        String n = NAMES.get(code);
        return n != null ? n : Integer.toString(code);
    }

    private static Map<Integer, String> load() {
        Map<Integer, String> m = new HashMap<>();
        m.put(0, "OK");
        for (Field f : Abi.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class || !f.getName().startsWith("E")) {
                continue;
            }
            try {
                int v = f.getInt(null);
                if (v < 0) {
                    m.putIfAbsent(v, f.getName());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.copyOf(m);
    }
}
