package dev.go4j.course;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A learner's first hour, in a real browser: the course is started with the README's command
 * ({@code ./go4j start --no-browser}), opened in headless Chromium, and notebooks of notebooks/ are run with
 * Cell > Run All. A notebook must open with its saved pictures shown. After the run, the page must show what the
 * real kernel printed when the notebook was saved, the trace as a picture, the deadlock report of a deliberately
 * stuck cell with the next cell still running, and the report of each exercise check: a pass for an answer typed
 * into the stub, a fail with hints for an untouched stub. Screenshots go to target/browser/ (look at them). The
 * notebooks on disk are left as they were.
 */
@DisplayName("A learner's first hour, in a real browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstHourInBrowserIT {
    static final Path SHOTS = Shell.ROOT.resolve("target/browser");
    static final String DEADLOCK = "fatal error: all goroutines are asleep - deadlock!";

    @TempDir
    static Path dir;
    static CourseServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        if (!Shell.jupyterReady()) {
            LoudSkip.skip("the course in a browser", "Jupyter (notebook server, nbconvert, nbclient) is not installed "
                    + "here; scripts/install-jupyter.sh installs it (.ci/run does)");
        }
        browser = HeadlessChromium.start(dir.resolve("chromium-profile"), 1280, 1400);
        server = CourseServer.start(dir, Duration.ofMinutes(5));
        System.err.printf("browser test: ./go4j start served the course after %.1f s%n", server.startUp.toMillis() / 1000.0);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @Test
    @Order(1)
    @DisplayName("the address ./go4j start prints opens the course, every notebook listed")
    void courseListsEveryNotebook() throws IOException {
        browser.get(server.treeUrl());
        List<String> listed = awaitListing();
        shot("00-course.png");
        try (Stream<Path> files = Files.list(Shell.ROOT.resolve("notebooks"))) {
            List<String> expected = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).sorted().toList();
            assertFalse(expected.isEmpty());
            assertEquals(expected, listed, "the course's notebooks, in order");
        }
    }

    @Test
    @Order(2)
    @DisplayName("00-welcome: outputs, a deadlock and the next cell, a typed answer that passes, a stub that fails with hints")
    void welcome() throws IOException {
        String name = "00-welcome.ipynb";
        SavedNotebook saved = SavedNotebook.read(Shell.ROOT.resolve("notebooks").resolve(name));
        byte[] before = Files.readAllBytes(saved.file());
        NotebookPage page = open(name);
        try {
            assertEquals("Java (go4j)", page.kernelName());
            page.clearAllOutputs();
            int greeter = saved.indexOf("stub", "greeter");
            String answer = "RecvChan<String> greeter(String name) { Chan<String> c = chan(); "
                    + "go(() -> c.send(\"Hello, \" + name + \"!\")); return c; }";
            page.type(greeter, answer);
            assertEquals(answer, page.source(greeter), "the answer as typed into the stub");

            runAll(page, name);

            assertSavedOutputsShown(saved, page);
            int deadlock = assertDeadlockThenNextCellRuns(saved, page);
            page.screenshot(0, SHOTS.resolve("00-welcome-top.png"));
            page.screenshot(deadlock - 1, SHOTS.resolve("00-welcome-deadlock.png"));

            String pass = page.outputText(saved.indexOf("check", "greeter"));
            assertTrue(pass.contains("greeter: 3 of 3 checks passed"), pass);
            page.screenshot(greeter - 1, SHOTS.resolve("00-welcome-check-pass.png"));
            String fail = page.outputText(saved.indexOf("check", "echo"));
            assertTrue(fail.contains("echo: 0 of 2 checks passed"), fail);
            assertTrue(fail.contains("FAIL"), fail);
            assertTrue(fail.contains("Hint:"), fail);
            page.screenshot(saved.indexOf("stub", "echo") - 1, SHOTS.resolve("00-welcome-check-fail.png"));
        } finally {
            page.close();
        }
        assertArrayEquals(before, Files.readAllBytes(saved.file()), name + " on disk must be left as it was");
    }

    @Test
    @Order(3)
    @DisplayName("05-select: the saved trace shown as a picture on opening; after Run All the trace drawn again, outputs, "
            + "a deadlock and the next cell, the checks' fail reports")
    void select() throws IOException {
        String name = "05-select.ipynb";
        SavedNotebook saved = SavedNotebook.read(Shell.ROOT.resolve("notebooks").resolve(name));
        byte[] before = Files.readAllBytes(saved.file());
        NotebookPage page = open(name);
        try {
            int trace = saved.firstPicture();
            assertEquals(1, page.svgOutputs(trace).size(),
                    "the saved trace shows as a picture on opening (./go4j start trusts the course's notebooks), not as text");
            page.screenshot(trace - 1, SHOTS.resolve("05-select-opened.png"));
            page.clearAllOutputs();
            assertTrue(page.svgOutputs(trace).isEmpty(), "cleared before the run");

            runAll(page, name);

            List<WebElement> pictures = page.svgOutputs(trace);
            assertEquals(1, pictures.size(), "one picture under the trace cell: " + page.outputText(trace));
            WebElement svg = pictures.get(0);
            assertTrue(svg.getSize().getWidth() > 400 && svg.getSize().getHeight() > 100, "drawn at a readable size: " + svg.getSize());
            String lanes = svg.findElements(By.tagName("text")).stream().map(WebElement::getText).toList().toString();
            for (String lane : List.of("main", "Joe", "Ann", "fanIn")) assertTrue(lanes.contains(lane), "a lane for " + lane + ": " + lanes);
            assertFalse(svg.findElements(By.tagName("line")).isEmpty(), "arrows for the messages");
            page.screenshot(trace - 1, SHOTS.resolve("05-select-trace.png"));

            assertSavedOutputsShown(saved, page);
            int deadlock = assertDeadlockThenNextCellRuns(saved, page);
            page.screenshot(deadlock - 1, SHOTS.resolve("05-select-deadlock.png"));
            for (String exercise : List.of("first-or-timeout", "merge")) {
                String report = page.outputText(saved.indexOf("check", exercise));
                assertTrue(report.matches("(?s)" + exercise + ": 0 of \\d+ checks passed.*"), report);
                assertTrue(report.contains("FAIL") && report.contains("Hint:"), report);
            }
            page.screenshot(saved.indexOf("check", "first-or-timeout") - 2, SHOTS.resolve("05-select-check-fail.png"));
        } finally {
            page.close();
        }
        assertArrayEquals(before, Files.readAllBytes(saved.file()), name + " on disk must be left as it was");
    }

    /** Opens a notebook of the course at its address (where its link in the listing leads) and waits for its kernel. */
    static NotebookPage open(String name) {
        long begin = System.nanoTime();
        NotebookPage page = NotebookPage.open(browser, server.notebookUrl(name), name, Duration.ofMinutes(2));
        System.err.printf("browser test: %s open, kernel ready after %.1f s%n", name, (System.nanoTime() - begin) / 1e9);
        return page;
    }

    static void runAll(NotebookPage page, String name) {
        long begin = System.nanoTime();
        page.runAll();
        page.awaitAllRun(Duration.ofMinutes(3));
        System.err.printf("browser test: %s ran all cells in %.1f s%n", name, (System.nanoTime() - begin) / 1e9);
    }

    /** Every cell whose output is the same every run shows what the real kernel printed when it was saved. */
    static void assertSavedOutputsShown(SavedNotebook saved, NotebookPage page) {
        int compared = 0;
        for (int i = 0; i < saved.cells().size(); i++) {
            SavedNotebook.Cell cell = saved.cells().get(i);
            if (!cell.code() || cell.text().isBlank() || cell.tagged("nondeterministic") || cell.tagged("raises-exception")
                    || cell.tagged("check") || cell.tagged("stub")) continue;
            assertTrue(SavedNotebook.squeezed(page.outputText(i)).contains(SavedNotebook.squeezed(cell.text())),
                    "cell " + i + " shows its output:\nexpected: " + cell.text() + "\nshown: " + page.outputText(i));
            compared++;
        }
        assertTrue(compared >= 2, "outputs compared: " + compared);
    }

    /**
     * The first cell tagged raises-exception that deadlocks shows Go's message and the report saved from the kernel;
     * the next code cell runs after it.
     */
    static int assertDeadlockThenNextCellRuns(SavedNotebook saved, NotebookPage page) {
        for (int i = 0; i < saved.cells().size(); i++) {
            SavedNotebook.Cell cell = saved.cells().get(i);
            if (!cell.tagged("raises-exception") || !cell.error().contains(DEADLOCK)) continue;
            String shown = page.outputText(i);
            assertTrue(shown.contains(DEADLOCK), "cell " + i + " shows the deadlock:\n" + shown);
            assertTrue(SavedNotebook.squeezed(shown).contains(SavedNotebook.squeezed(cell.error())),
                    "cell " + i + " shows the report saved from the kernel, who waits on what:\nexpected: " + cell.error() + "\nshown: " + shown);
            int next = i + 1;
            while (!saved.cells().get(next).code()) next++;
            assertTrue(number(page.prompt(next)) > number(page.prompt(i)),
                    "the cell after the deadlock ran after it: " + page.prompt(i) + " then " + page.prompt(next));
            return i;
        }
        throw new AssertionError(saved.file() + " has no deadlock demo");
    }

    static int number(String prompt) {
        String digits = prompt.replaceAll("\\D", "");
        assertFalse(digits.isEmpty(), "a cell that ran shows its number: " + prompt);
        return Integer.parseInt(digits);
    }

    static List<String> awaitListing() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> names = browser.findElements(By.cssSelector("#notebook_list .item_link .item_name"))
                    .stream().map(WebElement::getText).filter(n -> n.endsWith(".ipynb")).toList();
            if (!names.isEmpty() || System.nanoTime() > deadline) return names;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void shot(String file) throws IOException {
        Files.createDirectories(SHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
}
