package dev.go4j.notebook;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one notebook session: it defines the classes JShell compiles from the cells, and loads its
 * own fresh copy of go4j's runtime, so that every notebook starts with the runtime's state new (goroutine
 * numbers, timers, the deadlock detector's view), as in a fresh kernel.
 *
 * <p>Classes under {@code dev.go4j} are loaded child-first from go4j's own location, except the host-side
 * tooling ({@code dev.go4j.notebook}, {@code dev.go4j.grade}), which is shared with the runner. Everything else
 * (the JDK, JUnit) is loaded parent-first as usual.
 */
final class SessionClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> snippets = new ConcurrentHashMap<>();

    SessionClassLoader(URL[] go4j, ClassLoader parent) {
        super(go4j, parent); // unnamed, so stack traces read as in a kernel
    }

    /** Makes the bytecode of a snippet class known; it is defined on first load. */
    void declare(String name, byte[] bytes) {
        snippets.put(name, bytes);
    }

    void addPath(URL url) {
        addURL(url);
    }

    static boolean isolated(String name) {
        return name.startsWith("dev.go4j.") && !name.startsWith("dev.go4j.notebook.") && !name.startsWith("dev.go4j.grade.");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isolated(name)) return super.loadClass(name, resolve);
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException notOurs) {
                    c = getParent().loadClass(name); // e.g. go4j test classes, which live beside the runtime
                }
            }
            if (resolve) resolveClass(c);
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = snippets.get(name);
        if (bytes != null) return defineClass(name, bytes, 0, bytes.length);
        return super.findClass(name);
    }
}
