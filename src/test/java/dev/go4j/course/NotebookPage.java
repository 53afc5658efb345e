package dev.go4j.course;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One notebook open in Jupyter's classic notebook page (6.x), used through its menus and editor as a learner
 * does; its JavaScript API ({@code Jupyter.notebook}) is read to know when the page is ready or done.
 * Cells are numbered as in the .ipynb file, markdown cells included.
 */
final class NotebookPage {
    private final ChromeDriver browser;
    private final String name;

    private NotebookPage(ChromeDriver browser, String name) {
        this.browser = browser;
        this.name = name;
    }

    /**
     * Opens the notebook and waits until its kernel has started and is idle. Autosave is turned off, so that what
     * the test does is never written back into the course's notebook.
     */
    static NotebookPage open(ChromeDriver browser, String url, String name, Duration limit) {
        browser.get(url);
        NotebookPage page = new NotebookPage(browser, name);
        page.await(limit, "the notebook page to load", () -> Boolean.TRUE.equals(page.js(
                "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded)")));
        page.js("Jupyter.notebook.set_autosave_interval(0);");
        page.await(limit, "the kernel to start", () -> Boolean.TRUE.equals(page.js(
                "return !!(Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())")) && page.kernelIdle());
        return page;
    }

    /** The name of the kernel the page runs ({@code display_name}), as shown in its top right corner. */
    String kernelName() {
        return browser.findElement(By.cssSelector(".kernel_indicator_name")).getText();
    }

    /** Clears every cell's outputs, so that what is seen afterwards comes from this page's own run. */
    void clearAllOutputs() {
        js("Jupyter.notebook.clear_all_output();");
    }

    /** Clicks into cell {@code index}'s editor, selects everything in it and types {@code text} over it. */
    void type(int index, String text) {
        WebElement editor = cell(index).findElement(By.cssSelector(".CodeMirror"));
        editor.click();
        var input = browser.switchTo().activeElement();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(text);
        input.sendKeys(Keys.ESCAPE); // back to command mode, as after editing
    }

    /** The text in cell {@code index}'s editor. */
    String source(int index) {
        return (String) js("return Jupyter.notebook.get_cell(arguments[0]).get_text();", index);
    }

    /** Cell > Run All, from the menu bar. */
    void runAll() {
        browser.findElement(By.linkText("Cell")).click();
        browser.findElement(By.cssSelector("#run_all_cells > a")).click();
    }

    /**
     * Waits until every code cell has run (it shows a number, not "*" or nothing) and the kernel is idle;
     * fails naming the cells that did not run.
     */
    void awaitAllRun(Duration limit) {
        String unrun = "return Jupyter.notebook.get_cells().map((c, i) => [c, i])"
                + ".filter(([c, i]) => c.cell_type === 'code' && typeof c.input_prompt_number !== 'number')"
                + ".map(([c, i]) => i);";
        try {
            await(limit, "every cell to run", () -> ((List<?>) js(unrun)).isEmpty() && kernelIdle());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; cells not run: " + js(unrun), e);
        }
    }

    /** What is visible of cell {@code index}'s outputs. */
    String outputText(int index) {
        List<WebElement> outputs = cell(index).findElements(By.cssSelector(".output_subarea"));
        StringBuilder text = new StringBuilder();
        for (WebElement o : outputs) text.append(o.getText()).append('\n');
        return text.toString();
    }

    /** The pictures (inline SVG) in cell {@code index}'s outputs. */
    List<WebElement> svgOutputs(int index) {
        return cell(index).findElements(By.cssSelector(".output_subarea svg"));
    }

    /** The cell's prompt as shown left of it, e.g. {@code In [7]:}. */
    String prompt(int index) {
        return cell(index).findElement(By.cssSelector(".input_prompt")).getText();
    }

    /** Scrolls cell {@code index} to the top of the window and saves a picture of the window as {@code file}. */
    Path screenshot(int index, Path file) throws IOException {
        js("arguments[0].scrollIntoView(true);", cell(index));
        Files.createDirectories(file.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Shuts the notebook's kernel down and leaves the page without saving. */
    void close() {
        js("Jupyter.notebook.set_dirty(false); window.onbeforeunload = null; Jupyter.notebook.session.delete();");
    }

    private WebElement cell(int index) {
        List<WebElement> cells = browser.findElements(By.cssSelector("#notebook-container > .cell"));
        if (index >= cells.size()) throw new AssertionError(name + " shows " + cells.size() + " cells, not " + (index + 1));
        return cells.get(index);
    }

    private boolean kernelIdle() {
        return Boolean.TRUE.equals(js("return document.querySelector('#kernel_indicator_icon')"
                + ".classList.contains('kernel_idle_icon');"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void await(Duration limit, String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(name + ": waited " + limit.toSeconds() + " s for " + what);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
