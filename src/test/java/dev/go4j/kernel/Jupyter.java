package dev.go4j.kernel;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * This machine's real Jupyter, driven through the project's own scripts, for tests that run notebooks through
 * the go4j kernel. When Jupyter or the kernel cannot be had, the calling test is skipped, and says so loudly on
 * stderr: a skip must never pass unnoticed.
 */
final class Jupyter {
    /** The project's folder: Maven runs tests there. */
    static final Path ROOT = Path.of("").toAbsolutePath();

    /** What a finished command printed (stdout and stderr together), and its exit status. */
    record Run(int status, String output) {
        boolean ok() {
            return status == 0;
        }
    }

    private Jupyter() {}

    /** The Python that runs Jupyter and has nbclient; skips the test if there is none. */
    static Path python() {
        Run r = run(ROOT, Map.of(), "bash", "-c",
                ". scripts/jupyter.sh && go4j_jupyter_ready && go4j_jupyter_python");
        if (!r.ok()) skip("Jupyter (notebook server, nbconvert, nbclient) is not installed here; "
                + "scripts/install-jupyter.sh installs it (.ci/run does)");
        return Path.of(r.output().strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    /**
     * Runs scripts/install-kernel.sh with {@code env}; skips the test if the kernel's jar cannot be fetched or
     * Jupyter is missing (its exit statuses 3 and 4), fails it on any other error.
     */
    static Run installKernel(Path workdir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", workdir.resolve("scripts/install-kernel.sh").toString()));
        command.addAll(List.of(args));
        Run r = run(workdir, env, command.toArray(String[]::new));
        if (r.status() == 3 || r.status() == 4) skip("the go4j kernel could not be installed:\n" + r.output());
        if (!r.ok()) fail("scripts/install-kernel.sh failed (" + r.status() + "):\n" + r.output());
        return r;
    }

    /** Executes notebooks with scripts/execute_notebook.py, writing the executed copies to {@code outputDir}. */
    static Run execute(Path python, Map<String, String> env, Path outputDir, Path... notebooks) {
        return execute(python, env, outputDir, List.of(), notebooks);
    }

    /** The same, with more options for execute_notebook.py. */
    static Run execute(Path python, Map<String, String> env, Path outputDir, List<String> options, Path... notebooks) {
        List<String> command = new ArrayList<>(List.of(python.toString(),
                ROOT.resolve("scripts/execute_notebook.py").toString(), "--output-dir", outputDir.toString()));
        command.addAll(options);
        for (Path nb : notebooks) command.add(nb.toString());
        return run(ROOT, env, command.toArray(String[]::new));
    }

    /** Runs a command in {@code dir} with extra environment (a null value removes a variable). */
    static Run run(Path dir, Map<String, String> env, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            Map<String, String> environment = pb.environment();
            environment.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            environment.putIfAbsent("GO4J_JAVA_HOME", System.getProperty("java.home"));
            new HashMap<>(env).forEach((k, v) -> {
                if (v == null) environment.remove(k);
                else environment.put(k, v);
            });
            Path log = Files.createTempFile("go4j-run", ".log");
            try {
                Process p = pb.redirectOutput(log.toFile()).start();
                if (!p.waitFor(15, TimeUnit.MINUTES)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish in 15 minutes:\n" + Files.readString(log));
                }
                return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Aborts the current test, with a line on stderr that cannot be missed. */
    static void skip(String why) {
        System.err.println();
        System.err.println("!!! SKIPPED: notebooks were NOT run through the real Jupyter kernel: " + why);
        System.err.println();
        Assumptions.abort(why);
    }
}
