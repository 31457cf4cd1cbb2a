package dev.noreset.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad manifests and options give one-line errors; TLC output is read correctly. */
class RunnerInputTest {

    @TempDir
    Path tmp;

    private Path model(String cfgName) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("M"));
        Files.writeString(d.resolve("MCM.tla"), "---- MODULE MCM ----\n====\n");
        Files.writeString(d.resolve(cfgName), "INIT Init\n");
        return d;
    }

    private static String entry(String cfg, String expected) {
        return "{\"configs\": [{\"model\": \"M\", \"cfg\": \"" + cfg + "\", \"suite\": \"ci\", "
                + "\"expected\": " + expected + "}]}";
    }

    /** Runs the CLI and returns [exit code, printed text]. */
    private Object[] cli(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int rc = ModelRunner.runCli(args);
            return new Object[] {rc, buf.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void unknownCfgIsAOneLineError() throws IOException {
        model("MCM.cfg");
        Files.writeString(tmp.resolve("manifest.json"),
                entry("Nope.cfg", "{\"result\": \"ok\", \"distinctStates\": 1, \"depth\": 1}"));
        Object[] r = cli("--tla-dir", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r[0]);
        String text = (String) r[1];
        assertEquals(1, text.strip().lines().count(), text);
        assertTrue(text.contains("unknown cfg M/Nope.cfg"), text);
    }

    @Test
    void missingModelFileIsAOneLineError() throws IOException {
        Path d = model("MCM.cfg");
        Files.delete(d.resolve("MCM.tla"));
        Files.writeString(tmp.resolve("manifest.json"),
                entry("MCM.cfg", "{\"result\": \"ok\", \"distinctStates\": 1, \"depth\": 1}"));
        Object[] r = cli("--tla-dir", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).startsWith("models: error: ") && ((String) r[1]).contains("MCM.tla"),
                (String) r[1]);
    }

    @Test
    void malformedManifestAndOptionsAreRejected() throws IOException {
        model("MCM.cfg");
        Files.writeString(tmp.resolve("manifest.json"), "{\"configs\": [");
        Object[] r = cli("--tla-dir", tmp.toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains("line 1"), (String) r[1]);
        Files.writeString(tmp.resolve("manifest.json"), entry("MCM.cfg", "{\"result\": \"maybe\"}"));
        assertEquals(2, cli("--tla-dir", tmp.toString())[0]);
        Files.writeString(tmp.resolve("manifest.json"), entry("MCM.cfg", "{\"result\": \"ok\"}"));
        assertTrue(((String) cli("--tla-dir", tmp.toString())[1]).contains("distinctStates"));
        assertEquals(2, cli("--bogus")[0]);
    }

    @Test
    void readsTlcVerdicts() {
        String ok = "TLC2 Version 2.18 of 20 March 2023\n"
                + "Model checking completed. No error has been found.\n"
                + "290297 states generated, 49739 distinct states found, 0 states left on queue.\n"
                + "The depth of the complete state graph search is 16.\n";
        TlcOutcome o = TlcOutcome.parse(ok, List.of());
        assertEquals("ok", o.result());
        assertEquals(49739, o.distinctStates());
        assertEquals(16, o.depth());
        assertEquals("2.18", o.tlcVersion());
        String inv = "Error: Invariant NoStaleDelivery is violated.\nState 1: <Initial predicate>\n"
                + "State 2: <Send>\n6,502 states generated, 2,579 distinct states found, 1 states left on queue.\n";
        o = TlcOutcome.parse(inv, List.of());
        assertEquals("invariant violated", o.result());
        assertEquals("NoStaleDelivery", o.name());
        assertEquals(2579, o.distinctStates());
        assertEquals(2, o.traceLength());
        o = TlcOutcome.parse("Error: Temporal properties were violated.\n", List.of("AllAnswered"));
        assertEquals("property violated", o.result());
        assertEquals("AllAnswered", o.name());
        assertEquals("deadlock", TlcOutcome.parse("Error: Deadlock reached.\n", List.of()).result());
        o = TlcOutcome.parse("Error: Parsing or semantic analysis failed.\n", List.of());
        assertEquals("error", o.result());
        assertTrue(o.detail().contains("Parsing"));
    }

    @Test
    void comparesResultNameStatesAndDepth() {
        Manifest.Entry ok = new Manifest.Entry("M", "MCM", "MCM.cfg", "ci", "ok", null, 10L, 3L, null, null);
        assertTrue(ModelRunner.compare(ok, new TlcOutcome("ok", null, 10, 20, 3, 0, "2.18", "")).isEmpty());
        assertEquals(1, ModelRunner.compare(ok, new TlcOutcome("ok", null, 11, 20, 3, 0, "2.18", "")).size());
        assertEquals(1, ModelRunner.compare(ok, new TlcOutcome("ok", null, 10, 20, 4, 0, "2.18", "")).size());
        Manifest.Entry bug = new Manifest.Entry("M", "MCM", "B.cfg", "ci", "invariant violated", "Inv",
                null, null, null, null);
        assertTrue(ModelRunner.compare(bug,
                new TlcOutcome("invariant violated", "Inv", 5, 9, 2, 2, "2.18", "")).isEmpty());
        assertEquals(1, ModelRunner.compare(bug,
                new TlcOutcome("invariant violated", "Other", 5, 9, 2, 2, "2.18", "")).size());
        assertEquals(1, ModelRunner.compare(bug, new TlcOutcome("ok", null, 5, 9, 2, 0, "2.18", "")).size());
    }

    @Test
    void traceLogsAreCheckedLineByLine() throws IOException, TraceLog.TraceException {
        Path good = tmp.resolve("good.ndjson");
        Files.writeString(good, "{\"seq\": 1, \"event\": \"Receive\", \"actor\": 32770, \"peer\": 31438, "
                + "\"result\": \"BLOCKED\"}\n\n{\"seq\": 2, \"event\": \"Die\", \"actor\": 3, \"result\": \"OK\"}\n");
        String module = TraceLog.toModule(good);
        assertTrue(module.contains("actor |-> <<3, 1>>, peer |-> <<0, 1>>"), module);
        assertTrue(module.contains("event |-> \"Die\", actor |-> <<4, 0>>, peer |-> <<0, 0>>"), module);
        // kernel slots 2 and 3 are model slots 3 and 4; the idle server slot is 5; slot 3
        // (kernel 2) is at generation 1, and a Die of kernel slot 3 at generation 0 needs 1.
        assertTrue(module.contains("TraceSlots == 1..5\nTraceServer == 5\nTraceMaxGen == 1\nTraceMaxMsgs == 0\n"),
                module);
        String[] bad = {
            "{\"seq\": 2, \"event\": \"Send\", \"actor\": 2, \"peer\": 1, \"result\": \"OK\"}",
            "{\"seq\": 1, \"event\": \"Fly\", \"actor\": 2, \"result\": \"OK\"}",
            "{\"seq\": 1, \"event\": \"Send\", \"actor\": 2, \"peer\": 1, \"result\": \"MAYBE\"}",
            "{\"seq\": 1, \"event\": \"Send\", \"actor\": -2, \"result\": \"OK\"}",
            "{\"seq\": 1, \"event\": \"Send\"",
            ""};
        for (String line : bad) {
            Path f = tmp.resolve("bad.ndjson");
            Files.writeString(f, line + "\n");
            TraceLog.TraceException e = assertThrows(TraceLog.TraceException.class, () -> TraceLog.toModule(f));
            assertTrue(e.getMessage().startsWith("bad.ndjson") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void jsonRoundTripsAndRejectsGarbage() throws Json.ParseException {
        Object v = Json.parse("{\"a\": [1, -2, 3.5, \"x\\\"y\", true, null], \"b\": {}}");
        assertEquals(v, Json.parse(Json.write(v)));
        assertEquals(v, Json.parse(Json.writeLine(v)));
        assertThrows(Json.ParseException.class, () -> Json.parse("{\"a\": 1,}"));
        assertThrows(Json.ParseException.class, () -> Json.parse("[1 2]"));
        assertThrows(Json.ParseException.class, () -> Json.parse("{\"a\": 1, \"a\": 2}"));
    }
}
