package dev.go4j.notebook;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the values {@link JsonReader} produces back to JSON, the way Jupyter saves notebooks: one-space
 * indentation, object keys sorted, non-ASCII characters kept as they are, and a final newline. A notebook that
 * is read and written again without changes therefore gives the same text Jupyter would.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private final boolean compact;

    private JsonWriter(boolean compact) {
        this.compact = compact;
    }

    /**
     * The JSON text of {@code value}.
     *
     * @throws JsonException if the value holds something other than maps with string keys, lists, strings,
     *                       numbers, booleans and null
     */
    public static String write(Object value) {
        JsonWriter w = new JsonWriter(false);
        w.value(value, 0);
        return w.out.append('\n').toString();
    }

    /** The JSON text of {@code value} on one line, keys sorted, without a final newline (for JSON Lines). */
    public static String writeLine(Object value) {
        JsonWriter w = new JsonWriter(true);
        w.value(value, 0);
        return w.out.toString();
    }

    private void value(Object v, int indent) {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(s);
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case BigDecimal d -> out.append(d);
            case Double d when !d.isNaN() && !d.isInfinite() -> out.append(d);
            case Map<?, ?> m -> object(m, indent);
            case List<?> l -> array(l, indent);
            default -> throw new JsonException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private void object(Map<?, ?> map, int indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String k)) throw new JsonException("JSON object keys must be strings");
            sorted.put(k, e.getValue());
        }
        out.append(compact ? "{" : "{\n");
        int n = 0;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            pad(indent + 1);
            string(e.getKey());
            out.append(": ");
            value(e.getValue(), indent + 1);
            out.append(++n < sorted.size() ? (compact ? ", " : ",\n") : (compact ? "" : "\n"));
        }
        pad(indent);
        out.append('}');
    }

    private void array(List<?> list, int indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append(compact ? "[" : "[\n");
        for (int i = 0; i < list.size(); i++) {
            pad(indent + 1);
            value(list.get(i), indent + 1);
            out.append(i + 1 < list.size() ? (compact ? ", " : ",\n") : (compact ? "" : "\n"));
        }
        pad(indent);
        out.append(']');
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }

    private void pad(int indent) {
        if (!compact) out.append(" ".repeat(indent));
    }
}
