package dev.noreset.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate is only a hint: KeY checks every step, and one that does not close the current
 * proof obligation is discarded for a search. Three small contracts, one KeY load: one with its
 * own certificate (replayed), one with another contract's certificate under its name, one with
 * its own certificate cut in half. The last two must be searched and still proved.
 */
class CertificatesTest {
    static final String OWN = "Sched[Sched::tick(Kernel,int)].JML normal_behavior operation contract.1";
    static final String SWAPPED = "Grants[Grants::setDirect(Kernel,int,int,int,boolean,boolean,int,int,int)].JML normal_behavior operation contract.1";
    static final String CUT = "Sched[Sched::tick(Kernel,int)].JML normal_behavior operation contract.0";

    @Test
    void onlyCertificatesThatCloseTheirProofAreUsed(@TempDir Path tmp) throws Exception {
        Path root = ProofRunner.findRoot();
        Path stored = root.resolve("proofs").resolve("certificates");
        Path certs = Files.createDirectories(tmp.resolve("certs"));
        Files.copy(Certificates.file(stored, OWN), Certificates.file(certs, OWN));
        Files.copy(Certificates.file(stored, OWN), Certificates.file(certs, SWAPPED));
        String text = gunzip(Certificates.file(stored, CUT));
        gzip(Certificates.file(certs, CUT), text.substring(0, text.length() / 2));
        Path names = tmp.resolve("names.txt");
        Files.write(names, List.of(OWN, SWAPPED, CUT));

        ProofRunner.Options o = ProofRunner.Options.parse(new String[] {"--names", names.toString(),
            "--certificates", certs.toString(), "--jobs", "1"});
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<ProofRunner.Result> results = ProofRunner.proveAll(o, root, tmp.resolve("stage"),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        Map<String, ProofRunner.Result> by = new HashMap<>();
        for (ProofRunner.Result r : results) {
            by.put(r.name, r);
        }
        assertEquals(3, by.size(), log.toString(StandardCharsets.UTF_8));
        for (String n : List.of(OWN, SWAPPED, CUT)) {
            assertEquals("proved", by.get(n).status, n);
        }
        assertEquals(ProofRunner.REPLAY, by.get(OWN).method);
        assertEquals(ProofRunner.SEARCH, by.get(SWAPPED).method, "another contract's certificate was accepted");
        assertEquals(ProofRunner.SEARCH, by.get(CUT).method, "a truncated certificate was accepted");
        // The replay rebuilds the proof the index records, node for node.
        String[] row = ProofIndex.read(root.resolve("proofs").resolve("index.tsv")).rows.get(OWN);
        assertEquals(Integer.parseInt(row[2]), by.get(OWN).nodes);
        assertTrue(by.get(SWAPPED).nodes > 0);
    }

    @Test
    void aCertificateOfNoContractIsAProblem(@TempDir Path tmp) throws Exception {
        Files.write(Certificates.file(tmp, OWN), new byte[] {1});
        Files.write(Certificates.file(tmp, "Gone[Gone::f()].JML normal_behavior operation contract.0"), new byte[] {1});
        Files.writeString(tmp.resolve("README.md"), "not a certificate");
        List<String> problems = Certificates.orphans(tmp, List.of(OWN, CUT));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Gone_Gone__f___.JML_normal_behavior_operation_contract.0.proof.gz"), problems.get(0));
        assertEquals(List.of(), Certificates.orphans(tmp.resolve("missing"), List.of(OWN)));
    }

    static String gunzip(Path f) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void gzip(Path f, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
