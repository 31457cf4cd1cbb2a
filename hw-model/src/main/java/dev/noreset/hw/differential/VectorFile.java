package dev.noreset.hw.differential;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Recorded vectors with the host CPU's outcomes (gzip), so the comparison can be replayed on
 * machines that cannot run i386 code. Format: "NRDIFF1", count, then vector/outcome pairs.
 */
public final class VectorFile {
    private static final String MAGIC = "NRDIFF1";

    /** Vectors and the outcomes the host produced for them, in the same order. */
    public record Recording(String origin, List<TestVector> vectors, List<Outcome> outcomes) {
    }

    private VectorFile() {
    }

    public static void write(OutputStream raw, String origin, List<TestVector> vs, List<Outcome> os)
            throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw)))) {
            out.writeUTF(MAGIC);
            out.writeUTF(origin);
            out.writeInt(vs.size());
            for (int i = 0; i < vs.size(); i++) {
                vs.get(i).write(out);
                os.get(i).write(out);
            }
        }
    }

    /** Reads a recording; any malformation is an IOException with a one-line reason. */
    public static Recording read(InputStream raw) throws IOException {
        try {
            return readGzip(raw);
        } catch (java.util.zip.ZipException e) {
            throw new IOException("not a recorded vector file (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw new IOException("recorded vector file is truncated");
        } catch (java.io.UTFDataFormatException e) {
            throw new IOException("recorded vector file is corrupt (bad text field)");
        }
    }

    private static Recording readGzip(InputStream raw) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException("not a recorded vector file");
            }
            String origin = in.readUTF();
            int n = in.readInt();
            if (n < 0 || n > 10_000_000) {
                throw new IOException("bad vector count " + n);
            }
            List<TestVector> vs = new ArrayList<>(n);
            List<Outcome> os = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                vs.add(TestVector.read(in));
                os.add(Outcome.read(in));
            }
            // Reading to the end also checks the gzip trailer, so a file cut short is noticed.
            if (in.read() != -1) {
                throw new IOException("recorded vector file has data after its " + n + " vectors");
            }
            return new Recording(origin, vs, os);
        }
    }
}
