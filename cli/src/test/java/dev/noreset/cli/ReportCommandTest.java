package dev.noreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report counts what the evidence says, flags mismatches and missing evidence, and invents nothing. */
class ReportCommandTest {

    private static final String PROOFS = """
            {"tool": "KeY", "keyVersion": "2.12.3", "intRules": "intRules:arithmeticSemanticsCheckingOF",
             "finished": "2026-01-01T00:00:00Z", "seconds": 12.5, "ok": %s, "problems": [%s],
             "contracts": [
               {"name": "Ipc[Ipc::send(Kernel,int,int)].JML normal_behavior operation contract.0", "status": "proved", "nodes": 900, "branches": 3, "seconds": 1.0},
               {"name": "Ipc[Ipc::send(Kernel,int,int)].JML normal_behavior operation contract.1", "status": "open", "nodes": 201, "branches": 2, "seconds": 1.0},
               {"name": "Sched[Sched::tick(Kernel,int)].JML normal_behavior operation contract.0", "status": "proved", "nodes": 50, "branches": 1, "seconds": 0.2}
             ]}
            """;

    /** Evidence of a matching run in which the contract whose entry ends with {@code entry} also has {@code field}. */
    private static Path evidenceWith(Path dir, String entry, String field) throws Exception {
        Path ev = dir.resolve("proofs-evidence.json");
        Files.writeString(ev, String.format(PROOFS, "true", "").replace(entry + "}", entry + ", " + field + "}"));
        return ev;
    }

    @Test
    void saysHowManyProofsWereCheckedFromCertificates(@TempDir Path dir) throws Exception {
        Path ev = evidenceWith(dir, "\"nodes\": 900, \"branches\": 3, \"seconds\": 1.0", "\"method\": \"replay\"");
        StringBuilder md = new StringBuilder();
        assertTrue(ReportCommand.proofs(ev, dir.resolve("index.tsv"), md, new ArrayList<>()));
        assertTrue(md.toString().contains("Of the 2 proofs, 1 were checked by KeY step by step from stored certificates"
                + " of earlier auto-mode proofs and 1 were found by auto mode in this run"), md.toString());
    }

    @Test
    void namesProofsThatRestOnAContractNotProved(@TempDir Path dir) throws Exception {
        Path ev = evidenceWith(dir, "\"nodes\": 900, \"branches\": 3, \"seconds\": 1.0",
                "\"restsOn\": [\"Ipc[Ipc::deliver(Kernel,int,int)].x.0\"]");
        StringBuilder md = new StringBuilder();
        List<String> summary = new ArrayList<>();
        assertTrue(ReportCommand.proofs(ev, dir.resolve("index.tsv"), md, summary));
        assertEquals("proofs: 2 proved / 3 contracts, 12.5 s (1 of them conditional)", summary.get(0));
        assertTrue(md.toString().contains("applies 1 contract(s) not proved: `Ipc[Ipc::deliver(Kernel,int,int)].x.0`"),
                md.toString());
    }

    @Test
    void countsProvedContractsPerClassAndListsTheOpenOnes(@TempDir Path dir) throws Exception {
        Path ev = dir.resolve("proofs-evidence.json");
        Files.writeString(ev, String.format(PROOFS, "true", ""));
        StringBuilder md = new StringBuilder();
        List<String> summary = new ArrayList<>();
        assertTrue(ReportCommand.proofs(ev, dir.resolve("index.tsv"), md, summary));
        assertEquals("proofs: 2 proved / 3 contracts, 12.5 s", summary.get(0));
        assertTrue(md.toString().contains("| Ipc | 1 | 2 |"), md.toString());
        assertTrue(md.toString().contains("| Sched | 1 | 1 |"), md.toString());
        assertTrue(md.toString().contains("open, 201 nodes: `Ipc[Ipc::send(Kernel,int,int)].JML normal_behavior operation contract.1`"));
        assertTrue(md.toString().contains("\"Why the IPC preservation contracts stay open\""), md.toString());
    }

    @Test
    void namesProofsThatNeededTheDepsTactic(@TempDir Path dir) throws Exception {
        Path ev = evidenceWith(dir, "\"nodes\": 50, \"branches\": 1, \"seconds\": 0.2", "\"strategy\": \"deps\"");
        StringBuilder md = new StringBuilder();
        assertTrue(ReportCommand.proofs(ev, dir.resolve("index.tsv"), md, new ArrayList<>()));
        String tail = md.substring(md.indexOf("not by auto mode alone"));
        assertTrue(tail.contains("- `Sched[Sched::tick(Kernel,int)].JML normal_behavior operation contract.0`"), md.toString());
        assertFalse(tail.contains("send(Kernel,int,int)].JML normal_behavior operation contract.0`"), md.toString());
        StringBuilder plain = new StringBuilder();
        Files.writeString(ev, String.format(PROOFS, "true", ""));
        assertTrue(ReportCommand.proofs(ev, dir.resolve("index.tsv"), plain, new ArrayList<>()));
        assertFalse(plain.toString().contains("auto mode alone"), plain.toString());
    }

    @Test
    void aRunThatDidNotMatchTheIndexFailsTheReport(@TempDir Path dir) throws Exception {
        Path ev = dir.resolve("proofs-evidence.json");
        Files.writeString(ev, String.format(PROOFS, "false", "\"REGRESSION expected proved, got open: X\""));
        List<String> summary = new ArrayList<>();
        assertFalse(ReportCommand.proofs(ev, dir.resolve("index.tsv"), new StringBuilder(), summary));
        assertTrue(summary.get(0).endsWith("(MISMATCH with the index)"), summary.get(0));
    }

    @Test
    void missingEvidenceIsReportedAsMissing(@TempDir Path dir) throws Exception {
        List<String> summary = new ArrayList<>();
        assertFalse(ReportCommand.proofs(dir.resolve("none.json"), dir.resolve("index.tsv"), new StringBuilder(), summary));
        assertFalse(ReportCommand.models(dir.resolve("evidence"), new StringBuilder(), summary));
        assertEquals(List.of("proofs: no evidence (run noreset verify --proofs)",
                "models: no evidence (run noreset verify --models)"), summary);
    }

    @Test
    void aModelThatDidNotBehaveAsExpectedFailsTheReport(@TempDir Path dir) throws Exception {
        Path ev = Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(ev.resolve("A-ok.json"), """
                {"kind": "tlc-model-check", "model": "A", "cfg": "MCA.cfg", "expected": {"result": "ok"},
                 "actual": {"result": "ok"}, "distinctStates": 10, "depth": 3, "seconds": 1.0, "passed": true, "problems": []}
                """);
        Files.writeString(ev.resolve("A-bug.json"), """
                {"kind": "tlc-model-check", "model": "A", "cfg": "ABug.cfg",
                 "expected": {"result": "invariant violated", "name": "Inv"},
                 "actual": {"result": "ok"}, "distinctStates": 7, "depth": 2, "seconds": 1.0, "passed": false,
                 "problems": ["expected a violation of Inv"]}
                """);
        StringBuilder md = new StringBuilder();
        List<String> summary = new ArrayList<>();
        assertFalse(ReportCommand.models(ev, md, summary));
        assertEquals("models: 1 of 2 configurations as expected (17 states)", summary.get(0));
        assertTrue(md.toString().contains("**NO**"), md.toString());
    }
}
