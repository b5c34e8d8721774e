/**
 * Sweeps: a spec's grid of configs times its seeds, each point a pure function from config to summary, run on a
 * pool of threads or as shards of one folder, resumable, and merged into tables. It uses the runs of
 * {@code experiment} and their configs; the command line and the window call it.
 */
package trlab.experiment.sweep;
