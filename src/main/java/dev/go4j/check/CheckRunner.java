package dev.go4j.check;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Runs JUnit 5 test classes with the JUnit Platform Launcher, one test method at a time, each on its own thread
 * under a time limit, and describes each outcome in the learner's terms.
 *
 * <p>Why one thread per test: a wrong concurrent answer often hangs (a deadlock, a range over a channel nobody
 * closes, a busy loop). A hung test is abandoned after its limit (interrupted, left as a daemon) and the next test
 * runs, so one bad case never hides the others.
 */
final class CheckRunner {
    private final Duration perTest;

    CheckRunner(Duration perTest) {
        this.perTest = perTest;
    }

    /** Runs every test of {@code classes}; {@code hidden} marks the outcomes as hidden. */
    List<TestOutcome> run(List<Class<?>> classes, boolean hidden) {
        if (classes.isEmpty()) return List.of();
        // JUnit finds classes by name again when it runs a selected test: let it see the notebook's classes.
        ClassLoader loader = classes.get(0).getClassLoader();
        Thread me = Thread.currentThread();
        ClassLoader before = me.getContextClassLoader();
        me.setContextClassLoader(loader);
        try {
            LauncherDiscoveryRequest all = request().selectors(classes.stream().map(c -> selectClass(c)).toList()).build();
            TestPlan plan = LauncherFactory.create().discover(all);
            List<TestOutcome> outcomes = new ArrayList<>();
            for (TestIdentifier unit : units(plan)) outcomes.addAll(runUnit(unit, hidden, loader));
            return outcomes;
        } finally {
            me.setContextClassLoader(before);
        }
    }

    private static LauncherDiscoveryRequestBuilder request() {
        return LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
    }

    /** The test methods (a parameterized method counts as one unit, all its invocations under one limit). */
    private static List<TestIdentifier> units(TestPlan plan) {
        List<TestIdentifier> out = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) collect(plan, root, out);
        return out;
    }

    private static void collect(TestPlan plan, TestIdentifier id, List<TestIdentifier> out) {
        if (id.getSource().filter(MethodSource.class::isInstance).isPresent()) {
            out.add(id);
            return;
        }
        for (TestIdentifier child : plan.getChildren(id)) collect(plan, child, out);
    }

    private List<TestOutcome> runUnit(TestIdentifier unit, boolean hidden, ClassLoader loader) {
        String hint = hintOf(unit);
        Recorder recorder = new Recorder(hidden, hint);
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest one = request().selectors(selectUniqueId(unit.getUniqueId())).build();
        long start = System.nanoTime();
        Thread thread = Thread.ofPlatform().daemon().name("go4j-check " + unit.getDisplayName())
                .unstarted(() -> launcher.execute(one, recorder));
        thread.setContextClassLoader(loader);
        thread.start();
        try {
            thread.join(perTest);
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking", e);
        }
        if (!thread.isAlive()) {
            if (recorder.outcomes.isEmpty()) {
                recorder.outcomes.add(new TestOutcome(name(unit), hidden, TestOutcome.Status.ERROR,
                        "the test did not run (" + Optional.ofNullable(recorder.containerFailure).orElse("no result") + ")",
                        hint, elapsed(start)));
            }
            return recorder.outcomes;
        }
        StackTraceElement[] stack = thread.getStackTrace();
        List<TestOutcome> out = new ArrayList<>(recorder.close()); // what it reports after this is not its verdict
        thread.interrupt(); // it may still end; if not, it is left behind as a daemon thread
        String blocked = Blocking.describe(stack);
        String limit = seconds(perTest);
        out.add(blocked != null
                ? new TestOutcome(name(unit), hidden, TestOutcome.Status.DEADLOCK,
                        "deadlock: after " + limit + " the test is still waiting " + blocked
                                + ", and nothing will wake it: a goroutine that should send, receive or close never does",
                        hint, elapsed(start))
                : new TestOutcome(name(unit), hidden, TestOutcome.Status.TIMED_OUT,
                        "timed out: the test did not finish within " + limit
                                + " (an endless loop? a busy wait?). It was stopped; the other checks still ran.",
                        hint, elapsed(start)));
        return out;
    }

    private static String hintOf(TestIdentifier unit) {
        Optional<TestSource> source = unit.getSource();
        if (source.isEmpty() || !(source.get() instanceof MethodSource ms)) return "";
        try {
            Class<?> c = ms.getJavaClass();
            Method m = ms.getJavaMethod();
            Hint h = m.getAnnotation(Hint.class);
            if (h == null) h = c.getAnnotation(Hint.class);
            return h == null ? "" : h.value();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String name(TestIdentifier id) {
        String n = id.getDisplayName();
        return n.endsWith("()") ? n.substring(0, n.length() - 2) : n;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Collects the outcome of each test (each invocation of a parameterized test). */
    private static final class Recorder implements TestExecutionListener {
        private final boolean hidden;
        private final String hint;
        final List<TestOutcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.util.Map<String, Long> started = new java.util.concurrent.ConcurrentHashMap<>();
        volatile String containerFailure;

        Recorder(boolean hidden, String hint) {
            this.hidden = hidden;
            this.hint = hint;
        }

        private volatile boolean closed;

        /** The outcomes so far; later ones are ignored. */
        List<TestOutcome> close() {
            synchronized (outcomes) {
                closed = true;
                return List.copyOf(outcomes);
            }
        }

        private void add(TestOutcome o) {
            synchronized (outcomes) {
                if (!closed) outcomes.add(o);
            }
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            started.put(id.getUniqueId(), System.nanoTime());
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) add(new TestOutcome(name(id), hidden, TestOutcome.Status.ERROR, "skipped: " + reason, hint, Duration.ZERO));
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    containerFailure = result.getThrowable().map(Failures::describe).orElse("it failed");
                }
                return;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime()));
            Throwable t = result.getThrowable().orElse(null);
            TestOutcome.Status status;
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) status = TestOutcome.Status.PASSED;
            else if (Failures.isDeadlock(t)) status = TestOutcome.Status.DEADLOCK;
            else if (t instanceof AssertionError || t instanceof AssertionFailedError) status = TestOutcome.Status.FAILED;
            else status = TestOutcome.Status.ERROR;
            add(new TestOutcome(name(id), hidden, status, t == null ? "" : Failures.describe(t), status == TestOutcome.Status.PASSED ? "" : hint, took));
        }
    }
}
