/**
 * The command line (picocli): {@code run}, {@code bench}, {@code reproduce} and {@code gui}, their progress line
 * and their exit codes. It is a top layer and may use every package below it, including the window and its charts.
 */
package trlab.cli;
