package dev.go4j.grade;

import dev.go4j.notebook.Cell;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums of locked cells, as nbgrader keeps them: a hash of what must not change (the exercise id, the points
 * and the source, with line endings and trailing whitespace normalized), so an edited check cell is recognized.
 */
public final class Checksums {
    private Checksums() {}

    /** The checksum of a check cell as the source notebook defines it. */
    public static String of(Cell cell) {
        Object points = cell.go4j().get("points");
        return sha256(cell.go4jString("exercise") + "\n" + (points instanceof Number n ? n.doubleValue() : points) + "\n" + normalize(cell.source()));
    }

    /** Whether {@code submitted} still has the source and metadata of {@code original}. */
    public static boolean same(Cell original, Cell submitted) {
        return of(original).equals(of(submitted)) && of(original).equals(submitted.go4jString("checksum"));
    }

    static String normalize(String source) {
        StringBuilder sb = new StringBuilder();
        source.replace("\r\n", "\n").lines().forEach(l -> sb.append(l.stripTrailing()).append('\n'));
        return sb.toString().strip();
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
