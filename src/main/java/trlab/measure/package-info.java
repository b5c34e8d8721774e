/**
 * What the lab measures on a network, as SCIENCE.md defines it: the kernel and its parts, the probe-step response,
 * aging fits, the feature space, fragility, the regions of constant decision and plasticity (§6), and the snapshot
 * that holds one of each. It reads networks from {@code core} and uses EJML; it knows nothing of runs, files or
 * views.
 */
package trlab.measure;
