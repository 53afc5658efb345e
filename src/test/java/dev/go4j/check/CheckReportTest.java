package dev.go4j.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.go4j.notebook.CellResult;
import dev.go4j.notebook.Notebook;
import dev.go4j.notebook.NotebookRun;
import dev.go4j.notebook.NotebookRunner;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A check cell, run in a notebook as a learner runs it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A check cell in a notebook")
class CheckReportTest {
    private NotebookRun run;
    private String report;

    @BeforeAll
    void runNotebook() throws Exception {
        Path nb = Path.of(CheckReportTest.class.getResource("/checks/checks.ipynb").toURI());
        run = NotebookRunner.withDefaults().cellTimeLimit(Duration.ofSeconds(60)).run(Notebook.read(nb));
        CellResult check = run.cells().get(2);
        assertNull(check.error(), () -> check.error().text());
        report = check.stdout();
    }

    @Test
    @DisplayName("counts the cases that passed, visible and hidden")
    void headline() {
        assertTrue(report.startsWith("add: 1 of 6 checks passed\n"), report);
        assertTrue(report.contains("  PASS  adds zero\n"), report);
    }

    @Test
    @DisplayName("shows expected vs. actual and the case's hint for a wrong result")
    void wrongResult() {
        assertTrue(report.contains("  FAIL  adds two numbers\n          expected: 5\n            actual: -1\n          Hint: Use + rather than -.\n"), report);
    }

    @Test
    @DisplayName("says deadlock when the answer blocks on a channel nobody sends on, and goes on")
    void deadlock() {
        assertTrue(report.contains("  FAIL  waits for a value\n          deadlock: all goroutines are asleep - deadlock!\n"), report);
        assertTrue(report.contains("waiting to receive from chan(unbuffered): nothing was sent\n            at waitForever\n"), report);
    }

    @Test
    @DisplayName("says timed out for an endless loop, and goes on")
    void timeout() {
        assertTrue(report.contains("  FAIL  spins\n          timed out: the test did not finish within 1 s"), report);
    }

    @Test
    @DisplayName("names the exception the answer threw")
    void exception() {
        assertTrue(report.contains("  FAIL  throws\n          your code threw java.lang.UnsupportedOperationException: add is not written yet"), report);
    }

    @Test
    @DisplayName("only counts hidden cases, without their names")
    void hidden() {
        assertTrue(report.contains("  hidden checks: 0 of 1 passed\n"), report);
        assertFalse(report.contains("secretCaseName"), report);
    }

    @Test
    @DisplayName("race check: catches a racy counter in at least 19 of 20 runs, and never blames a safe one")
    void raceDetectionProbability() {
        CellResult racy = run.cells().get(3);
        assertNull(racy.error(), () -> racy.error().text());
        Matcher m = Pattern.compile("caught (\\d+) of 20").matcher(racy.stdout());
        assertTrue(m.find(), racy.stdout());
        assertTrue(Integer.parseInt(m.group(1)) >= 19, racy.stdout());
        CellResult safe = run.cells().get(4);
        assertNull(safe.error(), () -> safe.error().text());
        assertEquals("a safe counter passed 3 checks\n", safe.stdout());
    }
}
