package dev.go4j.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One cell of a {@link Notebook}: its type ({@code code}, {@code markdown}, {@code raw}), its source, its tags,
 * go4j's own metadata (the {@code "go4j"} object in the cell's metadata), and for code cells the outputs that
 * were saved with it.
 */
public final class Cell {
    /** Jupyter's cell types. */
    public static final String CODE = "code", MARKDOWN = "markdown", RAW = "raw";

    private final Map<String, Object> json;

    private Cell(Map<String, Object> json) {
        this.json = json;
    }

    /** A new cell of {@code type} with {@code source}, no tags and, for code, no outputs. */
    public static Cell of(String type, String source) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cell_type", type);
        json.put("metadata", new LinkedHashMap<String, Object>());
        json.put("source", lines(source));
        if (CODE.equals(type)) {
            json.put("execution_count", null);
            json.put("outputs", new ArrayList<>());
        }
        return new Cell(json);
    }

    @SuppressWarnings("unchecked")
    static Cell fromJson(Map<String, Object> json, String where) {
        Object type = json.get("cell_type");
        if (!CODE.equals(type) && !MARKDOWN.equals(type) && !RAW.equals(type)) {
            throw new NotebookFormatException(where + ": unknown cell_type " + type);
        }
        Object source = json.get("source");
        if (!(source instanceof String) && !(source instanceof List<?> l && l.stream().allMatch(String.class::isInstance))) {
            throw new NotebookFormatException(where + ": \"source\" must be a string or a list of strings");
        }
        json.putIfAbsent("metadata", new LinkedHashMap<String, Object>());
        if (!(json.get("metadata") instanceof Map<?, ?> meta)) {
            throw new NotebookFormatException(where + ": \"metadata\" must be an object");
        }
        if (meta.containsKey("tags") && !(meta.get("tags") instanceof List<?> tags && tags.stream().allMatch(String.class::isInstance))) {
            throw new NotebookFormatException(where + ": metadata \"tags\" must be a list of strings");
        }
        if (meta.containsKey("go4j") && !(meta.get("go4j") instanceof Map)) {
            throw new NotebookFormatException(where + ": metadata \"go4j\" must be an object");
        }
        if (CODE.equals(type)) {
            json.putIfAbsent("outputs", new ArrayList<>());
            if (!(json.get("outputs") instanceof List<?> outs) || !outs.stream().allMatch(Map.class::isInstance)) {
                throw new NotebookFormatException(where + ": \"outputs\" must be a list of objects");
            }
        }
        return new Cell(json);
    }

    Map<String, Object> json() {
        return json;
    }

    /** {@code code}, {@code markdown} or {@code raw}. */
    public String type() {
        return (String) json.get("cell_type");
    }

    public boolean isCode() {
        return CODE.equals(type());
    }

    public boolean isMarkdown() {
        return MARKDOWN.equals(type());
    }

    /** The cell's id (nbformat 4.5), or null. */
    public String id() {
        return json.get("id") instanceof String s ? s : null;
    }

    /** The source text, lines joined. */
    public String source() {
        return joined(json.get("source"));
    }

    /** Replaces the source, stored as Jupyter stores it (a list of lines). */
    public void setSource(String source) {
        json.put("source", lines(source));
    }

    /** The cell's tags, in order. */
    public Set<String> tags() {
        return new LinkedHashSet<>(stringList(metadata().get("tags")));
    }

    public boolean hasTag(String tag) {
        return tags().contains(tag);
    }

    /** Sets the tags; an empty set removes the {@code tags} entry. */
    public void setTags(Set<String> tags) {
        if (tags.isEmpty()) metadata().remove("tags");
        else metadata().put("tags", new ArrayList<>(tags));
    }

    /** The cell's metadata object, which can be changed. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> metadata() {
        return (Map<String, Object>) json.get("metadata");
    }

    /** go4j's metadata for this cell (the {@code "go4j"} object), created empty on first use. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> go4j() {
        return (Map<String, Object>) metadata().computeIfAbsent("go4j", k -> new LinkedHashMap<String, Object>());
    }

    /** A string entry of {@link #go4j()}, or null if it is absent or not a string. */
    public String go4jString(String key) {
        Object meta = metadata().get("go4j");
        return meta instanceof Map<?, ?> m && m.get(key) instanceof String s ? s : null;
    }

    /** The outputs saved with a code cell (empty for other cells). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> outputs() {
        Object outs = json.get("outputs");
        return outs instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** Removes a code cell's outputs and execution count, as Jupyter's "Clear Output" does. */
    public void clearOutputs() {
        if (!isCode()) return;
        json.put("outputs", new ArrayList<>());
        json.put("execution_count", null);
    }

    /** The saved text of one stream ({@code stdout} or {@code stderr}), all its chunks joined. */
    public String storedStream(String stream) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> out : outputs()) {
            if ("stream".equals(out.get("output_type")) && stream.equals(out.get("name"))) sb.append(joined(out.get("text")));
        }
        return sb.toString();
    }

    /** The saved {@code text/plain} of the cell's value (its execute_result), or null if it has none. */
    public String storedValue() {
        for (Map<String, Object> out : outputs()) {
            if ("execute_result".equals(out.get("output_type")) && out.get("data") instanceof Map<?, ?> data
                    && data.containsKey("text/plain")) {
                return joined(data.get("text/plain"));
            }
        }
        return null;
    }

    /** Whether the saved outputs include an error. */
    public boolean storedError() {
        return outputs().stream().anyMatch(o -> "error".equals(o.get("output_type")));
    }

    @Override
    public String toString() {
        return type() + " cell " + tags() + ": " + source().lines().findFirst().orElse("");
    }

    private static String joined(Object text) {
        if (text instanceof String s) return s;
        StringBuilder sb = new StringBuilder();
        for (String line : stringList(text)) sb.append(line);
        return sb.toString();
    }

    private static List<String> stringList(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) for (Object o : l) if (o instanceof String s) out.add(s);
        return out;
    }

    /** Jupyter's way of storing text: one string per line, each but the last ending in a newline. */
    static List<Object> lines(String text) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }
}
