package dev.go4j.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.go4j.notebook.Cell;
import dev.go4j.notebook.Notebook;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Grades a small class end to end, each submission in a JVM of its own: a perfect one, an untouched one, a
 * tampered one that also calls System.exit, a malformed one, one that starts a million goroutines and prints
 * huge output, and one with a deleted answer cell.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The class grader")
class ClassGraderTest {
    private Path submissions, out;
    private ClassGrader.Summary first;
    private List<ClassGrader.Source> sources;
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @BeforeAll
    void gradeTheClass(@TempDir Path dir) throws Exception {
        Notebook source = SampleExercises.source();
        Map<String, String> perfect = SampleExercises.solutions(source);
        submissions = Files.createDirectories(dir.resolve("submissions"));
        out = dir.resolve("grades");
        write("alice", SampleExercises.submission(source, perfect));
        write("bob", StudentVersion.of(source));

        Map<String, String> exits = new HashMap<>(perfect);
        exits.put("count", "RecvChan<Integer> count(int n) { System.exit(3); return null; }");
        Notebook dave = SampleExercises.submission(source, exits);
        for (Cell c : dave.cells()) {
            if (c.hasTag("check") && "fan-in".equals(c.go4jString("exercise"))) {
                c.setSource("class FanInTests { @Test void ok() {} }\ncheck(\"fan-in\", FanInTests.class);");
            }
        }
        write("dave", dave);

        Files.createDirectories(submissions.resolve("eve"));
        Files.writeString(submissions.resolve("eve/exercises.ipynb"), "{\"cells\": [ {\"cell_type\": ");

        Map<String, String> wild = new HashMap<>(perfect);
        wild.put("counter", "class SafeCounter { void inc() { for (int i = 0; i < 1_000_000; i++) go(() -> sleep(seconds(600))); } long value() { return 0; } }");
        wild.put("count", perfect.get("count") + "\nfor (int i = 0; i < 200_000; i++) println(\"spam \" + i);");
        write("frank", SampleExercises.submission(source, wild));

        Notebook gina = SampleExercises.submission(source, perfect);
        gina.cells().removeIf(c -> c.hasTag("stub") && "naturals".equals(c.go4jString("exercise")));
        write("gina", gina);

        sources = ClassGrader.sources(List.of(SampleExercises.sourcePath()));
        first = grader().grade(sources, submissions, out);
    }

    private ClassGrader grader() {
        return new ClassGrader(new SubmissionRunner(Duration.ofSeconds(30), Duration.ofSeconds(240), 160), 2,
                new PrintStream(progress, true, StandardCharsets.UTF_8), false);
    }

    private void write(String student, Notebook nb) throws Exception {
        nb.write(submissions.resolve(student).resolve("exercises.ipynb"));
    }

    private String grades() throws Exception {
        return Files.readString(out.resolve("grades.csv"));
    }

    @Test
    @DisplayName("gives full marks to the reference and zero to the untouched stubs, and reports progress")
    void referenceAndStub() throws Exception {
        assertEquals(6, first.graded());
        String totals = Files.readString(out.resolve("totals.csv"));
        assertTrue(totals.contains("alice,11,11\n"), totals);
        assertTrue(totals.contains("bob,0,11\n"), totals);
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("[6/6] "), progress.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("grades an edited check cell with the original, and flags it")
    void tampering() throws Exception {
        assertTrue(grades().contains("dave,exercises,fan-in,3,3,\n"), grades());
        String feedback = Files.readString(out.resolve("feedback/dave.html"));
        assertTrue(feedback.contains("the check cell of exercise &quot;fan-in&quot; was changed; it was graded with the original"), feedback);
    }

    @Test
    @DisplayName("gives 0 with a reason for the part that called System.exit, and grades the rest")
    void systemExit() throws Exception {
        assertTrue(grades().contains("dave,exercises,count,0,2,\"the check could not run: the program ended the grading JVM with exit status 3 "
                + "(System.exit?) while running the check of \"\"count\"\"\"\n"), grades());
        assertTrue(grades().contains("dave,exercises,naturals,2,2,\n"), grades());
    }

    @Test
    @DisplayName("gives 0 with a reason to a malformed notebook")
    void malformed() throws Exception {
        assertTrue(grades().contains("eve,exercises,fan-in,0,3,\"the submitted notebook could not be read:"), grades());
        assertTrue(grades().contains("invalid JSON at line 1"), grades());
    }

    @Test
    @DisplayName("survives a million goroutines (out of memory) and huge output, grading the other parts")
    void resources() throws Exception {
        assertTrue(grades().contains("frank,exercises,counter,0,2,\"the check could not run: the program ran out of memory (160 MB"), grades());
        assertTrue(grades().contains("frank,exercises,count,2,2,\n"), grades());
        assertTrue(grades().contains("frank,exercises,fan-in,3,3,\n"), grades());
    }

    @Test
    @DisplayName("gives 0 for a deleted answer cell")
    void missingAnswer() throws Exception {
        assertTrue(grades().contains("gina,exercises,naturals,0,2,your answer cell for this exercise is missing from the notebook\n"), grades());
        assertTrue(grades().contains("gina,exercises,count,2,2,\n"), grades());
    }

    @Test
    @DisplayName("writes JUnit XML with every check, hidden ones included")
    void junit() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit/alice.xml").toFile());
        assertEquals("11", xml.getDocumentElement().getAttribute("tests"));
        assertEquals("0", xml.getDocumentElement().getAttribute("failures"));
        assertTrue(Files.readString(out.resolve("junit/alice.xml")).contains("[hidden] merges 200 values"));
        Document bob = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit/bob.xml").toFile());
        assertEquals("11", bob.getDocumentElement().getAttribute("failures"));
    }

    @Test
    @DisplayName("writes feedback that counts hidden checks without naming or showing them")
    void feedback() throws Exception {
        String html = Files.readString(out.resolve("feedback/bob.html"));
        assertTrue(html.contains("Hidden checks: 0 of 1 passed."), html);
        assertTrue(html.contains("Hint: Read each input in its own goroutine"), html);
        assertTrue(html.contains("your code threw java.lang.UnsupportedOperationException: fanIn is not written yet"), html);
        for (String secret : List.of("merges 200 values", "FanInHiddenTests", "mergesMany", "assertMergesAll")) {
            assertFalse(html.contains(secret), "the feedback reveals " + secret);
        }
    }

    @Test
    @DisplayName("resumes: a second run grades only the submissions that changed")
    void resumes() throws Exception {
        assertEquals(new ClassGrader.Summary(0, 6, out), grader().grade(sources, submissions, out));
        write("bob", SampleExercises.submission(SampleExercises.source(), Map.of("count", SampleExercises.solutions(SampleExercises.source()).get("count"))));
        assertEquals(new ClassGrader.Summary(1, 5, out), grader().grade(sources, submissions, out));
        assertTrue(grades().contains("bob,exercises,count,2,2,\n"), grades());
        assertTrue(grades().contains("alice,exercises,fan-in,3,3,\n"), "earlier grades are kept");
    }
}
