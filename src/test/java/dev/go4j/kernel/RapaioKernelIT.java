package dev.go4j.kernel;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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
        Jupyter.Run run = Jupyter.execute(python, Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString()),
                dir.resolve("executed"), Path.of("src/test/resources/notebooks/smoke.ipynb"));
        assertTrue(run.ok(), "the smoke notebook on rapaio:\n" + run.output());
    }
}
