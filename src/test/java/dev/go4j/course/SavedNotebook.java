package dev.go4j.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** A course notebook as saved in notebooks/: its cells, and what the real kernel printed when it was executed. */
record SavedNotebook(Path file, List<Cell> cells) {
    /**
     * One cell: kind, tags, source, the exercise it belongs to (or ""), what it printed (its streams), its error's
     * message (or ""), and whether it drew an SVG picture.
     */
    record Cell(String type, List<String> tags, String source, String exercise, String text, String error, boolean svg) {
        boolean code() {
            return type.equals("code");
        }

        boolean tagged(String tag) {
            return tags.contains(tag);
        }
    }

    static SavedNotebook read(Path file) throws IOException {
        List<Cell> cells = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(file.toFile()).get("cells")) {
            List<String> tags = new ArrayList<>();
            c.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
            StringBuilder text = new StringBuilder(), error = new StringBuilder();
            boolean svg = false;
            for (JsonNode o : c.path("outputs")) {
                if (o.has("text")) text.append(joined(o.get("text")));
                if (o.has("evalue")) error.append(o.get("evalue").asText());
                svg |= o.path("data").has("image/svg+xml");
            }
            cells.add(new Cell(c.get("cell_type").asText(), tags, joined(c.get("source")),
                    c.path("metadata").path("go4j").path("exercise").asText(""), text.toString(), error.toString(), svg));
        }
        return new SavedNotebook(file, cells);
    }

    /** The index of the first cell tagged {@code tag} (and of {@code exercise}, unless that is null). */
    int indexOf(String tag, String exercise) {
        OptionalInt i = IntStream.range(0, cells.size())
                .filter(k -> cells.get(k).tagged(tag) && (exercise == null || cells.get(k).exercise().equals(exercise)))
                .findFirst();
        return i.orElseThrow(() -> new AssertionError(file + " has no cell tagged " + tag + (exercise == null ? "" : " of " + exercise)));
    }

    /** The index of the first cell whose saved output is an SVG picture. */
    int firstPicture() {
        return IntStream.range(0, cells.size()).filter(k -> cells.get(k).svg()).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no saved picture"));
    }

    /** The title: the first markdown heading, as text (without its #s, code marks and emphasis). */
    String title() {
        return cells.stream().filter(c -> c.type().equals("markdown")).flatMap(c -> c.source().lines())
                .filter(l -> l.startsWith("#")).findFirst().orElseThrow()
                .replaceFirst("^#+\\s*", "").replaceAll("[`*]", "").strip();
    }

    /** Text with every run of white space made one space, as a reader compares what is shown. */
    static String squeezed(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** A multi-line string of a notebook, which nbformat may store as a list of lines. */
    static String joined(JsonNode text) {
        if (text == null || text.isMissingNode()) return "";
        if (text.isTextual()) return text.asText();
        StringBuilder s = new StringBuilder();
        text.forEach(line -> s.append(line.asText()));
        return s.toString();
    }
}
