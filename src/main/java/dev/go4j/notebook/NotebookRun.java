package dev.go4j.notebook;

import java.util.List;

/**
 * The outcome of running a notebook: one result per code cell, in order.
 *
 * @param notebook the notebook that ran
 * @param cells    the results of its code cells
 */
public record NotebookRun(Notebook notebook, List<CellResult> cells) {
    public NotebookRun {
        cells = List.copyOf(cells);
    }

    /** The cells that failed without being tagged {@code raises-exception}. */
    public List<CellResult> unexpectedErrors() {
        return cells.stream().filter(CellResult::unexpectedError).toList();
    }

    /** The cells tagged {@code raises-exception} that did not fail. */
    public List<CellResult> missingExpectedErrors() {
        return cells.stream().filter(c -> c.errorExpected() && c.error() == null).toList();
    }

    /** The result for the cell at {@code cellIndex} (its position among all cells), or null. */
    public CellResult forCell(int cellIndex) {
        return cells.stream().filter(c -> c.cellIndex() == cellIndex).findFirst().orElse(null);
    }
}
