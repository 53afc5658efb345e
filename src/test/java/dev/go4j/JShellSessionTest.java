package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** go4j as a learner first meets it: a JShell session with the jar and the course's imports. */
@DisplayName("A JShell session with go4j")
class JShellSessionTest {
    @Test
    @DisplayName("runs Pike's fan-in: two boring goroutines multiplexed with select print interleaved lines")
    void fanIn() throws Exception {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        Process p = new ProcessBuilder(jshell.toString(), "-q", "--class-path", System.getProperty("java.class.path"),
                "--startup", "DEFAULT", "--startup", "src/main/resources/dev/go4j/notebook/startup.jsh",
                "src/test/resources/fanin.jsh")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jshell did not finish");
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("Joe") || l.startsWith("Ann")).toList();
        assertEquals(10, lines.size(), "ten messages: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Joe")) && lines.stream().anyMatch(l -> l.startsWith("Ann")),
                "both voices come through: " + lines);
    }

    @Test
    @DisplayName("the runtime compiles against the JDK alone: no dependency leaks into dev.go4j")
    void coreIsJdkOnly() throws IOException {
        Path core = Path.of("src/main/java/dev/go4j");
        List<String> sources;
        try (var files = Files.list(core)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Path out = Files.createTempDirectory("core");
        var javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        var args = new java.util.ArrayList<>(List.of("-classpath", "", "-d", out.toString(), "--release", "21", "-proc:none"));
        args.addAll(sources);
        var err = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, null, err, args.toArray(String[]::new));
        assertEquals(0, rc, "the core needs more than the JDK:\n" + err);
    }
}
