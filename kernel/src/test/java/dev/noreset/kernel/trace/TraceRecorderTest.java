package dev.noreset.kernel.trace;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TraceRecorderTest {
    @Test
    void writesOneJsonObjectPerLineInOrder() {
        StringWriter out = new StringWriter();
        TraceRecorder r = new TraceRecorder(out);
        r.begin("Send").field("p", 3).field("e", 5, 1).field("ok", true).end();
        r.begin("Die").field("name", "a\"b\\c\n").end();
        r.flush();
        assertEquals("{\"seq\":1,\"event\":\"Send\",\"p\":3,\"e\":[5,1],\"ok\":true}\n"
                + "{\"seq\":2,\"event\":\"Die\",\"name\":\"a\\\"b\\\\c\\n\"}\n", out.toString());
        assertEquals(2, r.count());
    }

    @Test
    void unfinishedEventIsAProgrammingError() {
        TraceRecorder r = new TraceRecorder(new StringWriter());
        r.begin("Send");
        assertThrows(IllegalStateException.class, () -> r.begin("Receive"));
    }
}
