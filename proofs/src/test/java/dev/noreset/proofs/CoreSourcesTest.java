package dev.noreset.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.uka.ilkd.key.speclang.jml.pretranslation.TextualJMLConstruct;
import de.uka.ilkd.key.speclang.jml.pretranslation.TextualJMLSpecCase;
import de.uka.ilkd.key.speclang.njml.LabeledParserRuleContext;
import de.uka.ilkd.key.speclang.njml.PreParser;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.key_project.logic.Name;
import org.key_project.util.collection.ImmutableList;

class CoreSourcesTest {
    private static final Pattern JML_COMMENT = Pattern.compile("/\\*@(.*?)@\\*/", Pattern.DOTALL);

    @Test
    void blanksOnlyTheAlsoThatJoinsTwoCases() {
        String src = "    /*@ public normal_behavior\n      @ requires a; // also noted\n"
                + "      @ also public normal_behavior\n      @ requires b;\n      @also normal_behavior\n"
                + "      @ ensures also_x;\n      @*/\n    // also public normal_behavior (a line comment, not JML)\n";
        String out = CoreSources.forKey(src);
        assertEquals(src.length(), out.length());
        assertEquals(src.replace("@ also public", "@      public").replace("@also normal", "@     normal"), out);
    }

    /**
     * Every core JML comment the transformation changes gives KeY's JML pre-parser the same
     * specification cases, in the same order, with the same behavior, modifiers and clause
     * texts, as the original comment.
     */
    @Test
    void keyReadsTheSameSpecificationCases() throws IOException {
        Path core = ProofRunner.findRoot().resolve(CoreSources.CORE_DIR);
        int changed = 0;
        int cases = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(core, "*.java")) {
            for (Path f : ds) {
                Matcher m = JML_COMMENT.matcher(Files.readString(f));
                while (m.find()) {
                    String original = m.group(1).replaceAll("(?m)^\\s*@", " ");
                    String forKey = CoreSources.forKey(m.group()).replaceFirst("^/\\*@", "").replaceFirst("@\\*/$", "")
                            .replaceAll("(?m)^\\s*@", " ");
                    if (original.equals(forKey)) {
                        continue;
                    }
                    changed++;
                    List<String> a = describe(new PreParser(false).parseClassLevel(original));
                    List<String> b = describe(new PreParser(false).parseClassLevel(forKey));
                    assertEquals(a, b, f.getFileName() + ": comment at offset " + m.start());
                    cases += a.size();
                }
            }
        }
        assertTrue(changed >= 30, "the core joins cases with 'also' in many comments; found " + changed);
        System.out.printf("CoreSourcesTest: %d comments, %d specification cases read alike%n", changed, cases);
    }

    private static List<String> describe(ImmutableList<TextualJMLConstruct> constructs) {
        List<String> out = new ArrayList<>();
        Name heap = new Name("heap");
        for (TextualJMLConstruct c : constructs) {
            StringBuilder sb = new StringBuilder(c.getClass().getSimpleName()).append(' ').append(c.getModifiers());
            if (c instanceof TextualJMLSpecCase s) {
                sb.append(' ').append(s.getBehavior()).append(" name=").append(s.getName());
                clauses(sb, "requires", s.getRequires());
                clauses(sb, "requires_free", s.getRequiresFree(heap));
                clauses(sb, "ensures", s.getEnsures());
                clauses(sb, "ensures_free", s.getEnsuresFree(heap));
                clauses(sb, "assignable", s.getAssignable());
                clauses(sb, "assignable_free", s.getAssignableFree(heap));
                clauses(sb, "accessible", s.getAccessible(heap));
                clauses(sb, "axioms", s.getAxioms(heap));
                clauses(sb, "signals", s.getSignals());
                clauses(sb, "signals_only", s.getSignalsOnly());
                clauses(sb, "measured_by", s.getMeasuredBy());
                clauses(sb, "diverges", s.getDiverges());
                clauses(sb, "decreases", s.getDecreases());
                sb.append(" abbreviations=").append(s.getAbbreviations().length);
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static void clauses(StringBuilder sb, String kind, ImmutableList<LabeledParserRuleContext> cs) {
        for (LabeledParserRuleContext c : cs) {
            sb.append(' ').append(kind).append('[').append(c.first.getText()).append(']');
        }
    }
}
