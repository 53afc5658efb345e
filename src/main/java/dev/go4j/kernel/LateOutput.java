package dev.go4j.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a cell's threads print after the cell has finished. It lives in a display the cell creates as it ends,
 * empty at first, and each addition replaces the display's content, so the text appears under the cell that
 * started those threads however many cells ran since.
 */
final class LateOutput {
    /** Marks go4j's late-output displays in output metadata, so tools can recognize (or drop) empty ones. */
    static final String METADATA_KEY = "go4j";
    static final String METADATA_VALUE = "late-output";

    private final String displayId;
    private final int limit;
    private final Segments text = new Segments();
    private boolean truncated;

    /** @param limit how many characters to keep; the rest is dropped, and the display says so */
    LateOutput(String displayId, int limit) {
        this.displayId = displayId;
        this.limit = limit;
    }

    String displayId() {
        return displayId;
    }

    void append(OutputKind kind, String s) {
        if (truncated) return;
        int room = limit - text.length();
        if (s.length() <= room) {
            text.append(kind, s);
            return;
        }
        text.append(kind, s.substring(0, Math.max(0, room)));
        text.append(OutputKind.ERR, "\n[go4j: this cell's threads printed more than " + limit
                + " characters after it finished; the rest is not shown]\n");
        truncated = true;
    }

    /** The display's content: plain text, and HTML that says the text came after the cell finished. */
    Map<String, String> data() {
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (Segments.Segment s : text.list()) {
            plain.append(s.text());
            if (s.kind() == OutputKind.ERR) {
                html.append("<span style=\"background-color:#fdd\">").append(escape(s.text())).append("</span>");
            } else {
                html.append(escape(s.text()));
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("text/plain", plain.toString());
        data.put("text/html", plain.isEmpty() ? "" : "<div style=\"color:#777;font-size:smaller\">"
                + "printed after the cell finished:</div><pre>" + html + "</pre>");
        return data;
    }

    Map<String, Object> metadata() {
        return Map.of(METADATA_KEY, METADATA_VALUE);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
