/**
 * The Training Response Lab. This package holds only the {@code Launcher}, the jar's entry point, which opens the
 * window or hands a command to {@code trlab.cli}; everything else lives in the packages below it.
 */
package trlab;
