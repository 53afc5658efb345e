package dev.go4j.notebook;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Where go4j and its (optional) dependencies are, for compiling and loading notebook cells. */
final class ClassPath {
    private ClassPath() {}

    /** The folder or jar that holds go4j's classes. */
    static Path go4jLocation() {
        try {
            URL url = ClassPath.class.getProtectionDomain().getCodeSource().getLocation();
            return Path.of(url.toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find where go4j's classes are", e);
        }
    }

    /**
     * The entries of this JVM's class path, with jars named in a jar manifest's {@code Class-Path} (as test
     * runners use to shorten command lines) expanded, and go4j's own location first.
     */
    static List<String> current() {
        Set<String> out = new LinkedHashSet<>();
        out.add(go4jLocation().toString());
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) add(Path.of(entry).toAbsolutePath(), out, 0);
        }
        return new ArrayList<>(out);
    }

    private static void add(Path entry, Set<String> out, int depth) {
        if (!Files.exists(entry) || !out.add(entry.toString()) || depth > 2) return;
        if (!entry.toString().endsWith(".jar")) return;
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest m = jar.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (cp == null) return;
            for (String ref : cp.trim().split("\\s+")) {
                if (ref.isEmpty()) continue;
                try {
                    URL url = entry.toUri().resolve(ref).toURL();
                    if ("file".equals(url.getProtocol())) add(Path.of(url.toURI()), out, depth + 1);
                } catch (IOException | URISyntaxException | IllegalArgumentException skipped) {
                    // an entry we cannot read is not on the class path either
                }
            }
        } catch (IOException unreadable) {
            // not a jar after all
        }
    }
}
