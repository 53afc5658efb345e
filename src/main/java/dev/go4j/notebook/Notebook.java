package dev.go4j.notebook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jupyter notebook (nbformat 4) read from JSON: its cells in order and its metadata. Fields this class does
 * not know are kept, so a notebook written back differs only where it was changed.
 *
 * <p>Reading is strict: a file that is not valid JSON, or whose cells are not shaped as nbformat 4 says, is
 * rejected with a {@link NotebookFormatException} naming the file, the cell and the problem.
 */
public final class Notebook {
    private final String name;
    private final Map<String, Object> json;
    private final List<Cell> cells;

    private Notebook(String name, Map<String, Object> json, List<Cell> cells) {
        this.name = name;
        this.json = json;
        this.cells = cells;
    }

    /**
     * Reads the notebook at {@code file}.
     *
     * @throws IOException             if the file cannot be read
     * @throws NotebookFormatException if it is not a valid nbformat 4 notebook in UTF-8
     */
    public static Notebook read(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new NotebookFormatException(file + ": not UTF-8 text");
        }
        return parse(text, file.toString());
    }

    /**
     * Parses notebook JSON; {@code name} names it in error messages.
     *
     * @throws NotebookFormatException if {@code text} is not a valid nbformat 4 notebook
     */
    @SuppressWarnings("unchecked")
    public static Notebook parse(String text, String name) {
        Object root;
        try {
            root = JsonReader.parse(text);
        } catch (JsonException e) {
            throw new NotebookFormatException(name + ": " + e.getMessage());
        }
        if (!(root instanceof Map)) throw new NotebookFormatException(name + ": a notebook must be a JSON object");
        Map<String, Object> json = (Map<String, Object>) root;
        Object format = json.get("nbformat");
        if (!(format instanceof Long major) || major != 4) {
            throw new NotebookFormatException(name + ": not an nbformat 4 notebook (\"nbformat\" is " + format + ")");
        }
        if (!(json.get("cells") instanceof List<?> rawCells)) {
            throw new NotebookFormatException(name + ": \"cells\" must be a list");
        }
        List<Cell> cells = new ArrayList<>();
        for (Object raw : rawCells) {
            String where = name + ": cell " + (cells.size() + 1);
            if (!(raw instanceof Map)) throw new NotebookFormatException(where + " is not a JSON object");
            cells.add(Cell.fromJson((Map<String, Object>) raw, where));
        }
        json.putIfAbsent("metadata", new LinkedHashMap<String, Object>());
        if (!(json.get("metadata") instanceof Map)) throw new NotebookFormatException(name + ": \"metadata\" must be an object");
        return new Notebook(name, json, cells);
    }

    /** A new notebook made of {@code cells}, with this notebook's metadata. */
    public Notebook withCells(List<Cell> newCells) {
        Map<String, Object> copy = new LinkedHashMap<>(json);
        copy.put("metadata", deepCopy(json.get("metadata")));
        return new Notebook(name, copy, new ArrayList<>(newCells));
    }

    /** A deep copy: changing it leaves this notebook as it is. */
    public Notebook copy() {
        return parse(toJson(), name);
    }

    /** The name given when reading: the file's path, or what the caller chose. */
    public String name() {
        return name;
    }

    /** The cells, in order. The list can be changed (cells added, removed) before writing. */
    public List<Cell> cells() {
        return cells;
    }

    /** The notebook's metadata object (kernelspec, language_info, ...), which can be changed. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> metadata() {
        return (Map<String, Object>) json.get("metadata");
    }

    /** The notebook as Jupyter writes it (sorted keys, one-space indent). */
    public String toJson() {
        List<Object> raw = new ArrayList<>();
        for (Cell c : cells) raw.add(c.json());
        Map<String, Object> out = new LinkedHashMap<>(json);
        out.put("cells", raw);
        return JsonWriter.write(out);
    }

    /** Writes {@link #toJson()} to {@code file}, creating its folder if needed. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** The code cells, in order. */
    public List<Cell> codeCells() {
        return Collections.unmodifiableList(cells.stream().filter(Cell::isCode).toList());
    }

    static Object deepCopy(Object v) {
        return v == null ? null : JsonReader.parse(JsonWriter.write(v));
    }
}
