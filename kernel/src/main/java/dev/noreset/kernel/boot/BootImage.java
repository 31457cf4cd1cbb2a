package dev.noreset.kernel.boot;

import dev.noreset.kernel.core.Abi;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boot image: the ordered table of programs the kernel starts, read from a tab-separated
 * file (format in userland/images/README.md). Every error names the file and line.
 */
public final class BootImage {
    /** Longest name: GI_NAME_LEN bytes including the terminating NUL. */
    public static final int MAX_NAME = Abi.GI_NAME_LEN - 1;
    private static final Map<String, Integer> KCALLS = kcallNames();

    private final Path file;
    private final List<BootEntry> entries;

    private BootImage(Path file, List<BootEntry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    public Path file() {
        return file;
    }

    public List<BootEntry> entries() {
        return entries;
    }

    /** An image built in memory (tests, tools); checked like a file. */
    public static BootImage of(List<BootEntry> entries) throws BootImageException {
        Set<String> names = new HashSet<>();
        for (BootEntry e : entries) {
            if (!names.add(e.name())) {
                throw new BootImageException("duplicate process name '" + e.name() + "'");
            }
        }
        if (entries.isEmpty() || entries.size() > Abi.NR_PROCS) {
            throw new BootImageException("a boot image needs 1.." + Abi.NR_PROCS + " programs");
        }
        for (BootEntry e : entries) {
            checkName("boot image", e.sigmgr(), names, "signal manager");
            if (e.ipcTargets() != null) {
                for (String t : e.ipcTargets()) {
                    checkName("boot image", t, names, "IPC target of " + e.name());
                }
            }
        }
        return new BootImage(null, entries);
    }

    /** Reads and checks an image file; ELF paths are resolved against its folder. */
    public static BootImage read(Path file) throws BootImageException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
            throw new BootImageException(file + ": cannot read boot image: " + why);
        }
        Path dir = file.toAbsolutePath().getParent();
        List<BootEntry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1);
            BootEntry e = parse(line, dir, where);
            if (!names.add(e.name())) {
                throw new BootImageException(where + ": duplicate process name '" + e.name() + "'");
            }
            entries.add(e);
        }
        if (entries.isEmpty()) {
            throw new BootImageException(file + ": boot image has no programs");
        }
        if (entries.size() > Abi.NR_PROCS) {
            throw new BootImageException(file + ": " + entries.size() + " programs, at most " + Abi.NR_PROCS);
        }
        for (BootEntry e : entries) {
            checkName(file.toString(), e.sigmgr(), names, "signal manager");
            if (e.ipcTargets() != null) {
                for (String t : e.ipcTargets()) {
                    checkName(file.toString(), t, names, "IPC target of " + e.name());
                }
            }
        }
        return new BootImage(file, entries);
    }

    private static void checkName(String where, String name, Set<String> names, String role) throws BootImageException {
        if (name != null && !names.contains(name)) {
            throw new BootImageException(where + ": " + role + " '" + name + "' is not in the image");
        }
    }

    private static BootEntry parse(String line, Path dir, String where) throws BootImageException {
        String[] col = line.split("\t");
        if (col.length < 9 || col.length > 10) {
            throw new BootImageException(where + ": expected 9 or 10 tab-separated columns, found " + col.length);
        }
        String name = col[0].trim();
        if (name.isEmpty() || name.length() > MAX_NAME || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new BootImageException(where + ": bad process name '" + name + "' (1.." + MAX_NAME
                    + " characters of A-Z a-z 0-9 _ . -)");
        }
        Path elf = dir.resolve(col[1].trim());
        String sigmgr = dash(col[2]) ? null : col[2].trim();
        List<String> ipc = col[3].trim().equals("*") ? null : list(col[3]);
        int kcalls = kcalls(col[4], where);
        List<int[]> io = ports(col[5], where);
        int irqs = irqs(col[6], where);
        int prio = number(col[7], where, "priority", 0, Abi.NR_PRIORITIES - 1);
        int quantum = number(col[8], where, "quantum", 1, Integer.MAX_VALUE);
        List<String> args = col.length == 10 && !col[9].isBlank() ? List.of(col[9].trim().split(" +")) : List.of();
        return new BootEntry(name, elf, sigmgr, ipc, kcalls, io, irqs, prio, quantum, args);
    }

    private static boolean dash(String s) {
        return s.trim().equals("-") || s.isBlank();
    }

    private static List<String> list(String s) {
        if (dash(s)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String p : s.split(",")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    private static int kcalls(String s, String where) throws BootImageException {
        if (s.trim().equals("*")) {
            return (1 << Abi.NR_SYS_CALLS) - 1;
        }
        int mask = 0;
        for (String n : list(s)) {
            Integer nr = KCALLS.get(n);
            if (nr == null) {
                throw new BootImageException(where + ": unknown kernel call '" + n + "'");
            }
            mask |= 1 << nr;
        }
        return mask;
    }

    private static List<int[]> ports(String s, String where) throws BootImageException {
        List<int[]> out = new ArrayList<>();
        for (String r : list(s)) {
            String[] ends = r.split("-", 2);
            int first = number(ends[0], where, "port", 0, 0xFFFF);
            int last = ends.length == 2 ? number(ends[1], where, "port", 0, 0xFFFF) : first;
            if (last < first) {
                throw new BootImageException(where + ": empty port range '" + r + "'");
            }
            out.add(new int[] {first, last});
        }
        return out;
    }

    private static int irqs(String s, String where) throws BootImageException {
        int mask = 0;
        for (String n : list(s)) {
            mask |= 1 << number(n, where, "IRQ line", 0, 15);
        }
        return mask;
    }

    private static int number(String s, String where, String what, int min, int max) throws BootImageException {
        String t = s.trim();
        long v;
        try {
            v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new BootImageException(where + ": bad " + what + " '" + t + "'");
        }
        if (v < min || v > max) {
            throw new BootImageException(where + ": " + what + " " + t + " out of range " + min + ".." + max);
        }
        return (int) v;
    }

    /** SYS_* names of spec/abi/kcalls.tsv, read from the generated constants (one source of numbers). */
    private static Map<String, Integer> kcallNames() {
        Map<String, Integer> m = new HashMap<>();
        for (Field f : Abi.class.getFields()) {
            if (f.getName().startsWith("SYS_") && Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    int v = f.getInt(null);
                    if (v >= 0 && v < Abi.NR_SYS_CALLS) {
                        m.put(f.getName(), v);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(m);
    }

    /** The kernel-call name for {@code nr}, for messages and traces. */
    public static String kcallName(int nr) {
        for (Map.Entry<String, Integer> e : KCALLS.entrySet()) {
            if (e.getValue() == nr) {
                return e.getKey();
            }
        }
        return "SYS_" + nr;
    }
}
