package dev.go4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.go4j.course.Shell;

/**
 * Starts a JVM on this test's class path, held to one core with {@code taskset} where it can be: races that need a
 * thread to run before another, and starvation of a single carrier, show there far more often than on two cores.
 */
public final class OneCore {
    private OneCore() {}

    /**
     * Runs {@code mainClass} with {@code args} on one core (on all of them without taskset), and returns what it
     * printed, on either stream.
     *
     * @throws AssertionError if it has not ended after 5 minutes
     */
    public static String run(String mainClass, String... args) {
        return Shell.run(Map.of(), 5, java(true, mainClass, args).toArray(String[]::new)).output();
    }

    /**
     * {@link #run}, but started as an application that uses the go4j jar starts: without the option that lets go4j
     * resize the JVM's scheduler, which go4j's own tools pass. If that JVM made its scheduler before go4j was
     * loaded, its goroutines have one carrier.
     */
    public static String runAsLibrary(String mainClass, String... args) {
        return Shell.run(Map.of(), 5, java(false, mainClass, args).toArray(String[]::new)).output();
    }

    private static List<String> java(boolean openJavaLang, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        String cpu = firstAllowedCpu();
        if (cpu != null && Files.isExecutable(Path.of("/usr/bin/taskset"))) command.addAll(List.of("/usr/bin/taskset", "-c", cpu));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (openJavaLang) command.addAll(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** The first CPU this process may run on ({@code Cpus_allowed_list} in {@code /proc/self/status}), or null. */
    private static String firstAllowedCpu() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) return null;
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("Cpus_allowed_list:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim().split("[-,]")[0]).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
