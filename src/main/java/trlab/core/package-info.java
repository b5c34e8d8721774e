/**
 * The network and its training: activations, the one-hidden-layer network in flat arrays, losses, the tasks and
 * their data, the trainer (full batch, SGD, label noise) and the seeded random numbers. It uses nothing of ours and
 * no UI toolkit, so it can be tested and reused on its own.
 */
package trlab.core;
