package dev.go4j.notebook;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.util.HashMap;
import java.util.Map;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in this JVM, on JShell's {@link LocalExecutionControl} (which gives {@code JShell.stop()}: it
 * interrupts the cell's thread and makes compiled cell code throw at its next loop back-edge), with three
 * changes: classes are loaded by a {@link SessionClassLoader}; the value of each snippet is kept as an object,
 * not only as JShell's quoted string, so the runner can show it as a Jupyter kernel does; and a cell never waits
 * for a thread it started (see {@link #awaitJoin}).
 *
 * <p>How the value is kept: JShell calls {@link #invoke(Method)} with the snippet's {@code do_it$} method. This
 * class passes JShell a different method, {@link #trampoline()}, which finds the real one in an inheritable
 * thread-local (JShell runs it on a new thread it starts from here), calls it, and records the result.
 */
final class SessionExecutionControl extends LocalExecutionControl {
    private static final Method TRAMPOLINE;
    static {
        try {
            TRAMPOLINE = SessionExecutionControl.class.getDeclaredMethod("trampoline");
            TRAMPOLINE.setAccessible(true); // JShell's module calls it
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private static final java.time.Duration JOIN_WAIT = java.time.Duration.ofSeconds(1);
    private static final InheritableThreadLocal<Invocation> PENDING = new InheritableThreadLocal<>();

    private final Delegate loader;
    private volatile Invocation last;

    /** One run of a snippet: what to call, who called it, and what came back. */
    static final class Invocation {
        final Method doit;
        final Thread caller;
        volatile Object value;
        volatile String display;

        Invocation(Method doit) {
            this.doit = doit;
            this.caller = Thread.currentThread();
        }
    }

    private SessionExecutionControl(Delegate loader) {
        super(loader);
        this.loader = loader;
    }

    /** A provider that hands JShell this control, loading classes with {@code classLoader}. */
    static ExecutionControlProvider provider(SessionClassLoader classLoader, SessionExecutionControl[] created) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "go4j-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                SessionExecutionControl control = new SessionExecutionControl(new Delegate(classLoader));
                created[0] = control;
                return control;
            }
        };
    }

    /** The last snippet invocation (null before the first), with its value. */
    Invocation last() {
        return last;
    }

    void forgetLast() {
        last = null;
    }

    /**
     * Makes every thread still running cell code (a goroutine in an endless loop, a test thread that was given up
     * on) throw at its next loop back-edge, for good: JShell's stop flag is set and never cleared again. Called
     * when the session ends; threads blocked on a channel stay blocked.
     */
    void stopForGood() {
        try {
            Field allStop = findClass("REPL.$Cancel$").getDeclaredField("allStop");
            allStop.setBoolean(null, true);
        } catch (ClassNotFoundException nothingRan) {
            // no cell ran, so nothing can be running
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a JDK whose JShell works differently: leftover threads keep running until the JVM ends
        }
    }

    /**
     * Makes threads that are running cell code right now (spinning in a loop) throw, and lets the others be: JShell's
     * stop flag is raised for {@code window} and lowered again. Threads blocked on a channel or sleeping are not
     * running cell code, so they survive unless they wake within the window.
     */
    void sweep(java.time.Duration window) {
        try {
            Field allStop = findClass("REPL.$Cancel$").getDeclaredField("allStop");
            allStop.setBoolean(null, true);
            try {
                Thread.sleep(window);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                allStop.setBoolean(null, false);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // nothing ran yet, or a JShell that works differently: nothing to sweep
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Invocation inv = new Invocation(doitMethod);
        last = inv;
        PENDING.set(inv);
        try {
            return super.invoke(TRAMPOLINE);
        } finally {
            PENDING.remove();
        }
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        Invocation inv = new Invocation(null);
        last = inv;
        try {
            Field f = findClass(className).getDeclaredField(varName);
            f.setAccessible(true);
            inv.value = f.get(null);
            inv.display = display(inv.value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            inv.display = null;
        }
        return super.varValue(className, varName);
    }

    /** Called by JShell (reflectively, on the snippet's thread) in place of the snippet's own method. */
    @SuppressWarnings("unused")
    private static Object trampoline() throws Throwable {
        Invocation inv = PENDING.get();
        PENDING.remove(); // goroutines started by the snippet must not inherit it
        OutputRouter.markCellThread();
        awaitJoin(inv.caller);
        Object result;
        try {
            result = inv.doit.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // JShell wraps it again, and reports the cell's own exception
        }
        inv.value = result;
        inv.display = display(result);
        return result;
    }

    /**
     * Waits until the thread that invoked the snippet waits for it to end (at most {@link #JOIN_WAIT}).
     * {@link LocalExecutionControl} starts the snippet's thread, then lists the threads of its thread group and joins
     * each one. A thread that the snippet starts before that listing would be joined too, and the cell would wait for
     * it to end, which a thread started to run in the background may never do. Once the invoker waits in a join, the
     * listing is done.
     */
    private static void awaitJoin(Thread caller) {
        long deadline = System.nanoTime() + JOIN_WAIT.toNanos();
        while (caller.getState() != Thread.State.WAITING && System.nanoTime() - deadline < 0) Thread.yield();
    }

    /** How Jupyter's Java kernels show a value: its {@code toString}, or nothing for null. */
    private static String display(Object value) {
        if (value == null) return null;
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return "(toString() threw " + e + ")";
        }
    }

    /** Loads snippet classes into the session's class loader. */
    private static final class Delegate implements LoaderDelegate {
        private final SessionClassLoader loader;
        private final Map<String, Class<?>> classes = new HashMap<>();

        Delegate(SessionClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
            boolean[] loaded = new boolean[cbcs.length];
            try {
                for (ClassBytecodes cbc : cbcs) loader.declare(cbc.name(), cbc.bytecodes());
                for (int i = 0; i < cbcs.length; i++) {
                    Class<?> c = loader.loadClass(cbcs[i].name());
                    synchronized (classes) {
                        classes.put(cbcs[i].name(), c);
                    }
                    loaded[i] = true;
                    c.getDeclaredMethods(); // link it now, as JShell's own delegate does
                }
            } catch (Throwable e) {
                throw new ClassInstallException("load: " + e.getMessage(), loaded);
            }
        }

        @Override
        public void classesRedefined(ClassBytecodes[] cbcs) {
            for (ClassBytecodes cbc : cbcs) loader.declare(cbc.name(), cbc.bytecodes());
        }

        @Override
        public void addToClasspath(String path) throws InternalException {
            try {
                for (String p : path.split(File.pathSeparator)) if (!p.isEmpty()) loader.addPath(new File(p).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new InternalException(e.toString());
            }
        }

        @Override
        public Class<?> findClass(String name) throws ClassNotFoundException {
            synchronized (classes) {
                Class<?> c = classes.get(name);
                if (c == null) throw new ClassNotFoundException(name + " not found");
                return c;
            }
        }
    }
}
