package dev.go4j.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The course served by the README's first command, {@code ./go4j start --no-browser}, on a free port, with a
 * Jupyter configuration and kernel of its own (in {@code dir}), so the learner's own setup is neither used nor
 * changed. {@link #close()} stops the server and its kernels.
 */
final class CourseServer implements AutoCloseable {
    private static final Pattern ADDRESS = Pattern.compile("the course is at\\s+(http://localhost:(\\d+)/tree\\?token=[0-9a-f]+)");

    private final Process process;
    private final Path log;
    private final String treeUrl;
    /** From the command to a server that answers. */
    final Duration startUp;

    private CourseServer(Process process, Path log, String treeUrl, Duration startUp) {
        this.process = process;
        this.log = log;
        this.treeUrl = treeUrl;
        this.startUp = startUp;
    }

    /** Runs {@code ./go4j start --no-browser --port <free port>} and waits until the server answers. */
    static CourseServer start(Path dir, Duration limit) throws IOException, InterruptedException {
        Path log = dir.resolve("go4j-start.log");
        ProcessBuilder pb = new ProcessBuilder(List.of("./go4j", "start", "--no-browser", "--port", String.valueOf(freePort())))
                .directory(Shell.ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("GO4J_KERNEL_HOME", dir.resolve("kernel").toString());
        env.put("JUPYTER_DATA_DIR", dir.resolve("jupyter-data").toString());
        env.put("JUPYTER_CONFIG_DIR", dir.resolve("jupyter-config").toString());
        env.put("JUPYTER_RUNTIME_DIR", dir.resolve("jupyter-runtime").toString());
        env.remove("JUPYTER_PATH");
        long begin = System.nanoTime();
        Process process = pb.start();
        CourseServer server = null;
        try {
            String url = awaitAddress(process, log, begin + limit.toNanos());
            awaitAnswer(process, log, url, begin + limit.toNanos());
            server = new CourseServer(process, log, url, Duration.ofNanos(System.nanoTime() - begin));
            return server;
        } finally {
            if (server == null) stop(process);
        }
    }

    /** The page that lists the course's notebooks, with the token that logs the browser in. */
    String treeUrl() {
        return treeUrl;
    }

    /** The page of one notebook of notebooks/, e.g. {@code 05-select.ipynb}. */
    String notebookUrl(String name) {
        return treeUrl.replace("/tree?", "/notebooks/" + name + "?");
    }

    /** What the command and the server have printed so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        stop(process);
    }

    private static String awaitAddress(Process process, Path log, long deadline) throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            Matcher m = ADDRESS.matcher(Files.readString(log));
            if (m.find()) return m.group(1);
            if (!process.isAlive()) {
                throw new AssertionError("./go4j start ended (" + process.exitValue() + ") before it served:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("./go4j start printed no address in time:\n" + Files.readString(log));
    }

    private static void awaitAnswer(Process process, Path log, String url, long deadline) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("the server ended:\n" + Files.readString(log));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server at " + url + " did not answer (" + last + "):\n" + Files.readString(log));
    }

    /** Asks the server to stop (it shuts its kernels down), then makes sure nothing of it is left. */
    private static void stop(Process process) {
        List<ProcessHandle> family = process.descendants().toList();
        process.destroy();
        try {
            process.waitFor(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        family.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
