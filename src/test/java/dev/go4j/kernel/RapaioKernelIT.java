package dev.go4j.kernel;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second choice of kernel, {@code GO4J_KERNEL=rapaio}: rapaio-jupyter-kernel with go4j preloaded. */
@DisplayName("rapaio-jupyter-kernel as the go4j kernel")
class RapaioKernelIT {
    @TempDir
    Path dir;

    @Test
    @DisplayName("runs the smoke notebook")
    void smoke() {
        Path python = Jupyter.python();
        Path prefix = dir.resolve("prefix");
        Jupyter.installKernel(Jupyter.ROOT, Map.of("GO4J_KERNEL", "rapaio",
                "GO4J_KERNEL_HOME", dir.resolve("kernel").toString()), "--prefix", prefix.toString());
        Map<String, String> env = Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        Path smoke = Path.of("src/test/resources/notebooks/smoke.ipynb");
        // rapaio 3.0.1 sometimes never answers a request, in about one start in five here: the kernel runs and
        // its shell thread polls, but no request reaches it (a thread dump shows nothing else waiting). A good
        // start answers within seconds, so a shorter wait and more starts make that less likely to fail the test.
        int attempts = 5;
        Jupyter.Run run = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            run = Jupyter.execute(python, env, dir.resolve("executed"), List.of("--startup-timeout", "40"), smoke);
            if (!run.output().contains("Kernel didn't respond")) break;
            System.err.println("rapaio-jupyter-kernel did not answer within 40 s (attempt " + attempt + " of " + attempts + ")");
        }
        assertTrue(run.ok(), "the smoke notebook on rapaio:\n" + run.output());
    }
}
