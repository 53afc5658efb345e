package dev.go4j.notebook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs a notebook's code cells in order in a fresh JShell, in this JVM, with go4j on the class path and the
 * imports of {@code startup.jsh}, and returns what each cell printed, its value and its error.
 *
 * <pre>{@code
 * NotebookRun run = NotebookRunner.withDefaults().run(Notebook.read(Path.of("notebooks/03-channels.ipynb")));
 * run.unexpectedErrors().forEach(System.out::println);
 * }</pre>
 *
 * <p>Contract:
 * <ul>
 *   <li>Each cell has a time limit ({@link #cellTimeLimit}, or the cell's own {@code go4j.time_limit} in seconds).
 *       A cell that runs longer is stopped and reported as {@link CellError.Kind#TIMEOUT}, and the next cell
 *       runs. A cell that cannot be stopped (busy in code that JShell did not compile and that ignores
 *       interrupts) is reported as {@link CellError.Kind#STUCK} and the remaining cells as
 *       {@link CellError.Kind#NOT_RUN}; {@link #run} still returns.</li>
 *   <li>When the notebook ends, threads still running its cell code (a goroutine in an endless loop) are made to
 *       stop at their next loop back-edge.</li>
 *   <li>Output of goroutines is captured for the cell that started them; what they print after their cell ended
 *       is reported as that cell's {@link CellResult#lateOutput()}.</li>
 *   <li>Output beyond {@link #outputLimit} bytes per stream is dropped and replaced by a note saying how much.</li>
 *   <li>Notebooks run one at a time per JVM: {@code System.out} and {@code System.err} are redirected while a
 *       notebook runs. Code in a cell runs with this JVM's rights: {@code System.exit} ends the JVM, so run
 *       untrusted notebooks in a JVM of their own (the grader does).</li>
 * </ul>
 */
public final class NotebookRunner {
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private final Duration cellTimeLimit;
    private final int outputLimit;
    private final Consumer<CellResult> listener;
    private final Predicate<CellResult> sweepAfter;

    private NotebookRunner(Duration cellTimeLimit, int outputLimit, Consumer<CellResult> listener, Predicate<CellResult> sweepAfter) {
        this.cellTimeLimit = cellTimeLimit;
        this.outputLimit = outputLimit;
        this.listener = listener;
        this.sweepAfter = sweepAfter;
    }

    /** A runner with a 60 s limit per cell and 100 000 bytes of output per stream and cell. */
    public static NotebookRunner withDefaults() {
        return new NotebookRunner(Duration.ofSeconds(60), 100_000, r -> {}, r -> false);
    }

    /** This runner with another time limit per cell. */
    public NotebookRunner cellTimeLimit(Duration limit) {
        if (limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("the time limit must be positive: " + limit);
        return new NotebookRunner(limit, outputLimit, listener, sweepAfter);
    }

    /** This runner with another limit on the bytes kept per stream and cell. */
    public NotebookRunner outputLimit(int bytes) {
        if (bytes < 1) throw new IllegalArgumentException("the output limit must be positive: " + bytes);
        return new NotebookRunner(cellTimeLimit, bytes, listener, sweepAfter);
    }

    /** This runner, telling {@code listener} each cell's result as soon as the cell ends (late output is not known yet). */
    public NotebookRunner onCell(Consumer<CellResult> listener) {
        return new NotebookRunner(cellTimeLimit, outputLimit, Objects.requireNonNull(listener, "listener"), sweepAfter);
    }

    /**
     * This runner, stopping the threads left spinning in cell code after each cell for which {@code when} holds
     * (it is asked after the {@link #onCell} listener). Goroutines blocked on channels survive a sweep; a goroutine
     * that happens to be running at that moment does not, so sweep only after cells that left runaway code behind,
     * such as a check whose tests timed out. A spinning goroutine never yields its carrier thread, so left alone it
     * starves every other goroutine.
     */
    public NotebookRunner sweepAfter(Predicate<CellResult> when) {
        return new NotebookRunner(cellTimeLimit, outputLimit, listener, Objects.requireNonNull(when, "when"));
    }

    /** Runs every code cell of {@code notebook}, in order, in a fresh JShell. */
    public NotebookRun run(Notebook notebook) {
        ONE_AT_A_TIME.lock();
        OutputRouter.install();
        List<CellResult> results = new ArrayList<>();
        List<CellOutput> outputs = new ArrayList<>();
        try (JShellSession session = new JShellSession(outputLimit)) {
            int count = 0;
            for (int i = 0; i < notebook.cells().size(); i++) {
                Cell cell = notebook.cells().get(i);
                if (!cell.isCode()) continue;
                CellOutput output = new CellOutput(outputLimit);
                CellResult result = session.run(cell.source(), i, ++count, cell.tags(), limitFor(cell), output);
                results.add(result);
                outputs.add(output);
                listener.accept(result);
                if (sweepAfter.test(result)) session.sweep();
            }
        } finally {
            OutputRouter.uninstall();
            ONE_AT_A_TIME.unlock();
        }
        List<CellResult> withLate = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            CellResult r = results.get(i);
            CellOutput o = outputs.get(i);
            String late = o.lateStdout() + o.lateStderr();
            withLate.add(new CellResult(r.cellIndex(), r.executionCount(), r.tags(), r.stdout(), r.stderr(), r.value(),
                    r.error(), late, r.duration()));
        }
        return new NotebookRun(notebook, withLate);
    }

    private Duration limitFor(Cell cell) {
        Object own = cell.metadata().get("go4j") instanceof java.util.Map<?, ?> m ? m.get("time_limit") : null;
        if (own instanceof Number seconds && seconds.doubleValue() > 0) {
            return Duration.ofMillis((long) (seconds.doubleValue() * 1000));
        }
        return cellTimeLimit;
    }
}
