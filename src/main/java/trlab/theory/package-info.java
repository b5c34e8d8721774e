/**
 * The papers' theory run beside the network (SCIENCE.md §6): the frozen-kernel and response-law models stepped in
 * lock-step with it, the regions of constant decision and plasticity. It uses {@code core} and {@code measure}, and
 * nothing above them: the run steps the models, the views draw them.
 */
package trlab.theory;
