package dev.go4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    public static String run(String mainClass, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("one-core", ".log");
        Process p = new ProcessBuilder(java(mainClass, args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) p.destroyForcibly();
        String out = Files.readString(log);
        Files.delete(log);
        if (!ended) throw new AssertionError(mainClass + " did not end within 5 minutes:\n" + out);
        return out;
    }

    private static List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        String cpu = firstAllowedCpu();
        if (cpu != null && Files.isExecutable(Path.of("/usr/bin/taskset"))) command.addAll(List.of("/usr/bin/taskset", "-c", cpu));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), mainClass));
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
