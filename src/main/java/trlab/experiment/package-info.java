/**
 * One run: the experiment (trainer, measurer and recording schedule), its training thread ({@code Run}), its record
 * (run.json, metrics.csv), state files, comparisons of runs from one initial state, and the atomic file writes they
 * all use. It builds on {@code experiment.config}, {@code measure} and {@code core}.
 */
package trlab.experiment;
