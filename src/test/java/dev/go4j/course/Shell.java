package dev.go4j.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's commands to completion, as a learner or teacher would from a shell. */
public final class Shell {
    /** The project's folder: Maven runs tests there. */
    public static final Path ROOT = Path.of("").toAbsolutePath();

    /** What a finished command printed (stdout and stderr together), and its exit status. */
    public record Run(int status, String output) {
        public boolean ok() {
            return status == 0;
        }
    }

    private Shell() {}

    /** Runs {@code command} in the project's folder with extra environment; gives up after {@code minutes}. */
    public static Run run(Map<String, String> env, int minutes, String... command) {
        try {
            Path log = Files.createTempFile("go4j-shell", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + minutes
                            + " minutes:\n" + Files.readString(log));
                }
                return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Whether Jupyter's notebook server, nbconvert and nbclient are installed (scripts/jupyter.sh decides). */
    static boolean jupyterReady() {
        return run(Map.of(), 2, "bash", "-c", ". scripts/jupyter.sh && go4j_jupyter_ready").ok();
    }
}
