package dev.noreset.hw.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads MOO test files (the SingleStepTests format: little-endian chunks {@code [tag][u32 length]
 * [payload]}; unknown chunks are skipped by length). Every structural problem raises
 * {@link MooFormatException} with a one-line description; nothing else escapes.
 */
public final class MooReader {
    private static final int MAX_FILE = 256 << 20;

    private final byte[] b;
    private int pos;

    private MooReader(byte[] data) {
        b = data;
    }

    /** Reads a file, gunzipping it when its name ends in {@code .gz}. */
    public static List<MooTest> read(Path file) throws MooFormatException {
        byte[] data;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_FILE) {
                    throw new MooFormatException("file larger than " + (MAX_FILE >> 20) + " MiB");
                }
            }
            data = out.toByteArray();
        } catch (java.io.EOFException e) {
            throw new MooFormatException("truncated gzip stream");
        } catch (IOException e) {
            throw new MooFormatException("cannot read: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        return parse(data);
    }

    /** Parses an uncompressed MOO image. */
    public static List<MooTest> parse(byte[] data) throws MooFormatException {
        return new MooReader(data).top();
    }

    private List<MooTest> top() throws MooFormatException {
        List<MooTest> tests = new ArrayList<>();
        if (b.length < 8 || !"MOO ".equals(tag(0))) {
            throw new MooFormatException("not a MOO file (no 'MOO ' header chunk)");
        }
        long declared = -1;
        while (pos < b.length) {
            int start = pos;
            String t = tag(pos);
            int len = length(pos);
            int body = pos + 8;
            if (t.equals("MOO ")) {
                if (len < 8) throw new MooFormatException("header chunk too short (" + len + " bytes)");
                declared = u32(body + 4);
            } else if (t.equals("TEST")) {
                tests.add(test(body, len));
            }
            pos = body + len;
            if (pos <= start) throw new MooFormatException("chunk length overflow at offset " + start);
        }
        if (declared >= 0 && declared != tests.size()) {
            throw new MooFormatException("header declares " + declared + " tests but file holds " + tests.size()
                    + " (truncated?)");
        }
        return tests;
    }

    private String tag(int at) throws MooFormatException {
        need(at, 4, "chunk tag");
        char[] cs = new char[4];
        for (int i = 0; i < 4; i++) {
            int ch = b[at + i] & 0xFF;
            cs[i] = ch >= 0x20 && ch < 0x7F ? (char) ch : '?'; // tags appear in one-line messages
        }
        return new String(cs);
    }

    private int length(int at) throws MooFormatException {
        need(at, 8, "chunk header");
        long len = u32(at + 4);
        if (at + 8 + len > b.length) {
            throw new MooFormatException("chunk '" + tag(at) + "' at offset " + at + " runs past the end of the file (truncated)");
        }
        return (int) len;
    }

    private void need(int at, int n, String what) throws MooFormatException {
        if (at < 0 || at + n > b.length) {
            throw new MooFormatException("truncated " + what + " at offset " + at);
        }
    }

    private long u32(int at) throws MooFormatException {
        need(at, 4, "u32");
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private int u16(int at) throws MooFormatException {
        need(at, 2, "u16");
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private MooTest test(int body, int len) throws MooFormatException {
        int end = body + len;
        int index = (int) u32(body);
        String name = "";
        byte[] bytes = null;
        MooState init = null, fin = null;
        int exc = -1, flagsAt = -1;
        String hash = "";
        int p = body + 4;
        while (p < end) {
            String t = tag(p);
            int l = length(p);
            int q = p + 8;
            if (q + l > end) throw new MooFormatException("test " + index + ": chunk '" + t + "' overruns its test");
            switch (t) {
                case "NAME": {
                    int n = (int) u32(q);
                    if (n < 0 || n > l - 4) throw new MooFormatException("test " + index + ": NAME length " + n + " does not fit its chunk");
                    name = new String(b, q + 4, n, java.nio.charset.StandardCharsets.ISO_8859_1);
                    break;
                }
                case "BYTS": {
                    int n = (int) u32(q);
                    if (n < 0 || n > l - 4) throw new MooFormatException("test " + index + ": BYTS length " + n + " too long");
                    bytes = java.util.Arrays.copyOfRange(b, q + 4, q + 4 + n);
                    break;
                }
                case "INIT": init = state(q, l, index); break;
                case "FINA": fin = state(q, l, index); break;
                case "EXCP":
                    if (l < 1) throw new MooFormatException("test " + index + ": empty EXCP chunk");
                    exc = b[q] & 0xFF;
                    if (l >= 5) flagsAt = (int) u32(q + 1);
                    break;
                case "HASH": {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < l; i++) sb.append(String.format("%02x", b[q + i] & 0xFF));
                    hash = sb.toString();
                    break;
                }
                default: break;
            }
            p = q + l;
        }
        if (bytes == null) throw new MooFormatException("test " + index + ": no BYTS chunk");
        if (init == null) throw new MooFormatException("test " + index + ": no INIT chunk");
        if (fin == null) throw new MooFormatException("test " + index + ": no FINA chunk");
        if ((init.mask() & 0x3FFF) != 0x3FFF) {
            throw new MooFormatException("test " + index + ": INIT does not give all 14 registers");
        }
        return new MooTest(index, name, bytes, init, fin, exc, flagsAt, hash);
    }

    private MooState state(int body, int len, int index) throws MooFormatException {
        int end = body + len;
        int mask = 0;
        int[] regs = new int[14];
        int[] addr = new int[0];
        byte[] val = new byte[0];
        int p = body;
        while (p < end) {
            String t = tag(p);
            int l = length(p);
            int q = p + 8;
            if (q + l > end) throw new MooFormatException("test " + index + ": state chunk '" + t + "' overruns its state");
            if (t.equals("REGS")) {
                mask = u16(q);
                int r = q + 2;
                for (int i = 0; i < 14; i++) {
                    if ((mask & (1 << i)) != 0) {
                        if (r + 2 > q + l) throw new MooFormatException("test " + index + ": REGS chunk too short for its mask");
                        regs[i] = u16(r);
                        r += 2;
                    }
                }
            } else if (t.equals("RAM ")) {
                long n = u32(q);
                if (n * 5 + 4 > l) throw new MooFormatException("test " + index + ": RAM chunk holds fewer than its " + n + " entries");
                addr = new int[(int) n];
                val = new byte[(int) n];
                for (int i = 0; i < n; i++) {
                    addr[i] = (int) u32(q + 4 + 5 * i);
                    val[i] = b[q + 8 + 5 * i];
                }
            }
            p = q + l;
        }
        return new MooState(mask, regs, addr, val);
    }
}
