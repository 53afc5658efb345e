package dev.go4j.kernel;

import java.util.ArrayList;
import java.util.List;

/** Text printed to stdout and stderr, in the order it was printed; adjacent text of one kind is merged. */
final class Segments {
    /** A run of text printed to one stream. */
    record Segment(OutputKind kind, String text) {}

    private final List<OutputKind> kinds = new ArrayList<>();
    private final List<StringBuilder> texts = new ArrayList<>();
    private int length;

    void append(OutputKind kind, String text) {
        if (text.isEmpty()) return;
        int last = kinds.size() - 1;
        if (last >= 0 && kinds.get(last) == kind) {
            texts.get(last).append(text);
        } else {
            kinds.add(kind);
            texts.add(new StringBuilder(text));
        }
        length += text.length();
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** How many characters, of both kinds. */
    int length() {
        return length;
    }

    List<Segment> list() {
        List<Segment> out = new ArrayList<>(kinds.size());
        for (int i = 0; i < kinds.size(); i++) out.add(new Segment(kinds.get(i), texts.get(i).toString()));
        return out;
    }

    /** Returns the segments and empties this. */
    List<Segment> drain() {
        List<Segment> out = list();
        kinds.clear();
        texts.clear();
        length = 0;
        return out;
    }
}
