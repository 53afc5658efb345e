package dev.go4j.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Binder's image cannot be built here (no Docker engine), so this runs what repo2docker would run after its
 * apt step: binder/postBuild, in a copy of the repository, with a fresh home folder. Then it checks the
 * kernelspec postBuild registered and runs a notebook with it.
 */
@DisplayName("Binder's postBuild")
class BinderPostBuildIT {
    @TempDir
    Path dir;

    @Test
    @DisplayName("builds go4j and registers a working Java (go4j) kernel in a fresh home")
    void postBuild() throws IOException {
        Path python = Jupyter.python();
        Path repo = copyOfRepository(dir.resolve("repo"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("GO4J_JAVA_HOME", null); // postBuild finds the JDK by itself, as on Binder
        env.put("JUPYTER_PATH", null);
        // the fresh home has no Maven repository: use this machine's, rather than download everything again
        String repoLocal = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        env.put("MAVEN_OPTS", "-Dmaven.repo.local=" + repoLocal);

        Jupyter.Run build = Jupyter.run(repo, env, "bash", "binder/postBuild");
        if (build.status() == 3 || build.status() == 4) Jupyter.skip("postBuild could not install the kernel:\n" + build.output());
        assertTrue(build.ok(), "postBuild failed:\n" + build.output());

        assertTrue(Files.isRegularFile(home.resolve(".local/share/jupyter/nbsignatures.db")),
                "the course's notebooks are trusted, so their pictures show:\n" + build.output());
        Path spec = home.resolve(".local/share/jupyter/kernels/go4j");
        JsonNode kernel = new ObjectMapper().readTree(spec.resolve("kernel.json").toFile());
        assertEquals("Java (go4j)", kernel.get("display_name").asText());
        assertEquals("java", kernel.get("language").asText());
        JsonNode argv = kernel.get("argv");
        assertTrue(Files.isExecutable(Path.of(argv.get(0).asText())), "argv[0] is a java: " + argv);
        Jupyter.Run version = Jupyter.run(dir, Map.of(), argv.get(0).asText(), "-version");
        assertTrue(version.output().matches("(?s).*version \"(2[1-9]|[3-9][0-9]).*"), "a JDK 21+: " + version.output());
        assertEquals("--add-opens", argv.get(1).asText(), "the JVM lets gomaxprocs reach the scheduler: " + argv);
        assertEquals("java.base/java.lang=ALL-UNNAMED", argv.get(2).asText());
        assertEquals("-cp", argv.get(3).asText());
        assertEquals("dev.go4j.kernel.IJavaLauncher", argv.get(5).asText());
        assertEquals("{connection_file}", argv.get(6).asText());
        Path kernelHome = home.resolve(".go4j/kernel");
        assertClassPath(argv.get(4).asText(), kernelHome);

        JsonNode kenv = kernel.get("env");
        assertClassPath(kenv.get("IJAVA_CLASSPATH").asText(), kernelHome);
        assertEquals(Files.readString(Path.of("src/main/resources/dev/go4j/notebook/startup.jsh")),
                Files.readString(Path.of(kenv.get("IJAVA_STARTUP_SCRIPTS_PATH").asText())),
                "the kernel starts with the course's imports");
        assertTrue(kenv.get("IJAVA_TIMEOUT").asText().matches("\\d+ [A-Z]+"), kenv.toString());

        Jupyter.Run list = Jupyter.run(dir, env, "jupyter", "kernelspec", "list", "--json");
        assertEquals(spec.toRealPath().toString(),
                Path.of(new ObjectMapper().readTree(list.output().substring(list.output().indexOf('{')))
                        .get("kernelspecs").get("go4j").get("resource_dir").asText()).toRealPath().toString());

        Jupyter.Run run = Jupyter.execute(python, env, dir.resolve("executed"),
                Path.of("src/test/resources/notebooks/smoke.ipynb"));
        assertTrue(run.ok(), "the smoke notebook through Binder's kernel:\n" + run.output());
    }

    /** Every entry of a class path is inside the kernel's home and exists ("dir/*" and "dir/*.jar" too). */
    static void assertClassPath(String classPath, Path kernelHome) {
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry.replaceAll("/\\*(\\.jar)?$", ""));
            assertTrue(p.startsWith(kernelHome), entry + " is in " + kernelHome);
            assertTrue(Files.exists(p), entry + " exists");
        }
    }

    /** The working tree (without .git, with target/ so the build is incremental), as repo2docker copies it. */
    static Path copyOfRepository(Path to) throws IOException {
        Path from = Jupyter.ROOT;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                if (rel.startsWith(".git") || rel.startsWith("target/failsafe-reports")
                        || rel.startsWith("target/surefire-reports")) continue;
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }
}
