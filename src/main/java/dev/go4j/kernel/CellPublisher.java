package dev.go4j.kernel;

import java.util.Map;

/**
 * What {@link CellOutput} needs from a Jupyter kernel: sending output messages on its IOPub channel, each with
 * a cell's request as parent (the frontend shows a message under the cell whose request is its parent).
 * Implementations must be safe to call from any thread.
 */
interface CellPublisher {
    /** Sends a {@code stream} message ({@code stdout} or {@code stderr}). */
    void stream(Cell parent, OutputKind kind, String text);

    /**
     * Sends a {@code display_data} message that creates a display with {@code displayId}, or, if
     * {@code update}, an {@code update_display_data} message that replaces the content of every display with
     * that id, wherever it is in the notebook.
     */
    void display(Cell parent, String displayId, Map<String, String> data, Map<String, Object> metadata,
                 boolean update);
}
