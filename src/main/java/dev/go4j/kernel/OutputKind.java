package dev.go4j.kernel;

/** The two streams a cell prints to, Jupyter's {@code stdout} and {@code stderr}. */
enum OutputKind {
    OUT, ERR
}
