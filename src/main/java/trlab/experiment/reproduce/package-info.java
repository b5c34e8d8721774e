/**
 * The {@code reproduce} command's work: the paper's claims, the runs each needs, running many of them on a pool of
 * threads, judging every claim PASS or FAIL and writing the report. It uses the runs of {@code experiment} and
 * their configs, never the window.
 */
package trlab.experiment.reproduce;
