package dev.go4j.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * One fresh JShell, in this JVM, with go4j and the class path of this JVM, and the imports every cell starts
 * with ({@code startup.jsh}). It runs cells one at a time, each under a time limit, on its own thread.
 *
 * <p>A cell may hold several snippets (statements, declarations, expressions); they run in order and the first
 * failure ends the cell, as in a Jupyter Java kernel.
 */
final class JShellSession implements AutoCloseable {
    /** The subkinds whose value a Jupyter kernel shows (as IJava does): expressions and a bare variable name. */
    private static final Set<Snippet.SubKind> SHOWN = Set.of(Snippet.SubKind.VAR_VALUE_SUBKIND,
            Snippet.SubKind.OTHER_EXPRESSION_SUBKIND, Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
    /** How long a cell may take to react to being stopped before the session gives up on it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final int outputLimit;
    private final JShell shell;
    private final SessionExecutionControl control;
    private final SessionClassLoader loader;
    private final ExecutorService thread;
    private final Map<String, CellErrors.Origin> origins = new HashMap<>();
    private volatile boolean stopRequested;
    private boolean broken;

    /** A piece of a cell that JShell evaluates as one snippet, and where it starts in the cell. */
    private record Piece(String source, int offset) {}

    JShellSession(int outputLimit) {
        this.outputLimit = outputLimit;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "go4j-notebook-session");
            t.setDaemon(true);
            return t;
        });
        try {
            URL go4j = ClassPath.go4jLocation().toUri().toURL();
            this.loader = new SessionClassLoader(new URL[] {go4j}, ClassLoader.getSystemClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        SessionExecutionControl[] created = new SessionExecutionControl[1];
        this.shell = onSessionThread(() -> {
            JShell js = JShell.builder()
                    .executionEngine(SessionExecutionControl.provider(loader, created), Map.of())
                    .compilerOptions("-Xlint:none", "-proc:none")
                    .build();
            for (String entry : ClassPath.current()) js.addToClasspath(entry);
            return js;
        });
        this.control = created[0];
        runStartup();
    }

    /** Lets the runtime's reports give line numbers within a cell (see {@link dev.go4j.ReplFrames}); must be line 1. */
    static final String CALIBRATE_FRAMES = "dev.go4j.ReplFrames.calibrate(new Throwable().getStackTrace()[0].getLineNumber() - 1);";

    /** Lets this session's copy of the runtime show the code of a cell in its reports (see {@link dev.go4j.ReplFrames}). */
    private void lookUpSources() {
        java.util.function.Function<String, String> source = id -> shell.snippets()
                .filter(sn -> sn.id().equals(id)).map(Snippet::source).findFirst().orElse(null);
        try {
            loader.loadClass("dev.go4j.ReplFrames").getMethod("lookUpSources", java.util.function.Function.class).invoke(null, source);
            // as in the kernel: a cell that deadlocks outside run() says so instead of running into its time limit
            loader.loadClass("dev.go4j.Program").getMethod("watchRepl", boolean.class).invoke(null, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the runtime's ReplFrames cannot be reached", e);
        }
    }

    private void runStartup() {
        String startup;
        try (InputStream in = JShellSession.class.getResourceAsStream("startup.jsh")) {
            if (in == null) throw new IllegalStateException("startup.jsh is missing from the class path");
            startup = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = onSessionThread(() -> {
            List<String> bad = new ArrayList<>();
            for (Piece p : split(startup)) {
                for (SnippetEvent e : shell.eval(p.source())) {
                    if (e.causeSnippet() == null && e.status() != Snippet.Status.VALID) bad.add(p.source().strip());
                }
            }
            shell.eval(CALIBRATE_FRAMES);
            lookUpSources();
            return bad;
        });
        if (!problems.isEmpty()) throw new IllegalStateException("startup.jsh does not compile: " + problems);
    }

    /**
     * Runs one cell's source. Never throws for anything the cell does: failures are in the result.
     *
     * @param cellIndex      the cell's position in its notebook
     * @param executionCount the cell's number among code cells ({@code In [n]})
     * @param limit          how long the cell may run before it is stopped
     */
    CellResult run(String source, int cellIndex, int executionCount, Set<String> tags, Duration limit, CellOutput output) {
        long start = System.nanoTime();
        if (broken) {
            output.finish();
            return new CellResult(cellIndex, executionCount, tags, "", "", null, CellErrors.notRun(), "", Duration.ZERO);
        }
        stopRequested = false;
        Future<Evaluated> future = thread.submit(() -> evaluate(source, executionCount, output));
        Evaluated evaluated;
        try {
            evaluated = future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            evaluated = new Evaluated(null, CellErrors.timeout(limit, stop(future)));
            if (broken) output.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            evaluated = new Evaluated(null, CellErrors.timeout(Duration.ofNanos(System.nanoTime() - start), stop(future)));
        } catch (ExecutionException e) {
            throw new IllegalStateException("the notebook runner failed on In [" + executionCount + "]", e.getCause());
        }
        return new CellResult(cellIndex, executionCount, tags, output.stdout(), output.stderr(), evaluated.value(),
                evaluated.error(), "", Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Stops the running cell and waits for it to end; returns false (and marks the session broken) if it did not
     * end within the grace period. JShell's stop only acts while cell code runs, not while a snippet compiles, so
     * it is repeated until the cell ends.
     */
    private boolean stop(Future<?> cell) {
        stopRequested = true;
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (System.nanoTime() < deadline) {
            shell.stop();
            try {
                cell.get(50, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException stillRunning) {
                // stop again: it may have been compiling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                return true;
            }
        }
        broken = true; // the cell's thread is lost; later cells cannot run in this session
        return false;
    }

    private record Evaluated(String value, CellError error) {}

    /** Runs on the session thread. */
    private Evaluated evaluate(String source, int executionCount, CellOutput output) {
        OutputRouter.enter(output);
        try {
            SessionExecutionControl.Invocation lastShown = null;
            for (Piece piece : split(source)) {
                control.forgetLast();
                List<SnippetEvent> events = shell.eval(piece.source());
                if (stopRequested) return new Evaluated(null, null); // reported by the caller as a timeout
                SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
                if (main == null) continue;
                Snippet snippet = main.snippet();
                // JShell numbers a snippet's lines from its first non-blank character
                int firstLine = CellErrors.lineOf(source, piece.offset() + leadingSpace(piece.source()));
                origins.put(snippet.id(), new CellErrors.Origin(executionCount, firstLine));
                switch (main.status()) {
                    case REJECTED -> {
                        return new Evaluated(null, CellErrors.compile(source, piece.offset(), shell.diagnostics(snippet).toList()));
                    }
                    case RECOVERABLE_NOT_DEFINED -> {
                        List<String> missing = shell.unresolvedDependencies((DeclarationSnippet) snippet).toList();
                        return new Evaluated(null, CellErrors.unresolved(describe(snippet), missing, firstLine));
                    }
                    default -> { }
                }
                if (main.exception() != null) {
                    return new Evaluated(null, CellErrors.exception(main.exception(), origins, executionCount));
                }
                lastShown = SHOWN.contains(snippet.subKind()) ? control.last() : null;
            }
            String value = lastShown == null ? null : lastShown.display;
            if (value != null && value.length() > outputLimit) {
                value = value.substring(0, outputLimit) + "\n[value truncated: " + (value.length() - outputLimit)
                        + " more characters than the limit of " + outputLimit + " allows]";
            }
            return new Evaluated(value, null);
        } finally {
            OutputRouter.leave(output);
            output.finish();
        }
    }

    private static String describe(Snippet s) {
        if (s instanceof DeclarationSnippet d) return d.kind().name().toLowerCase().replace("type_decl", "type") + " " + d.name();
        return "this code";
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** Splits a cell into snippets, keeping where each starts; an incomplete tail is kept whole (it will not compile). */
    private List<Piece> split(String text) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<Piece> pieces = new ArrayList<>();
        String rest = text;
        int offset = 0;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
            if (!info.completeness().isComplete()) {
                pieces.add(new Piece(rest, offset));
                break;
            }
            pieces.add(new Piece(info.source(), offset));
            offset += rest.length() - info.remaining().length();
            rest = info.remaining();
        }
        return pieces;
    }

    private <T> T onSessionThread(java.util.concurrent.Callable<T> task) {
        try {
            return thread.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JShell", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell could not start: " + e.getCause(), e.getCause());
        }
    }

    /** Stops threads left spinning in cell code by the cells so far (see {@link SessionExecutionControl#sweep}). */
    void sweep() {
        if (!broken) control.sweep(Duration.ofMillis(100));
    }

    @Override
    public void close() {
        control.stopForGood();
        if (broken) {
            // The stuck cell holds JShell's lock; close it from a thread that may wait forever.
            Thread.ofPlatform().daemon().start(shell::close);
        } else {
            try {
                thread.submit(shell::close).get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException ignored) {
                // the session is being thrown away either way
            }
        }
        thread.shutdownNow();
        try {
            loader.close();
        } catch (IOException ignored) {
            // its jars are closed when it is collected
        }
    }
}
