/**
 * go4j inside a Jupyter kernel: starts the IJava kernel so that what a goroutine prints stays with the notebook
 * cell that started it. Used only by the kernel (through {@link dev.go4j.kernel.IJavaLauncher}); the runtime and
 * a plain JShell never load this package, so they do not need IJava.
 */
package dev.go4j.kernel;
