/**
 * The papers' theory run beside the network (SCIENCE.md §6): the frozen-kernel and response-law models, stepped in
 * lock-step with it from the trainer's record of each step, and how far each is from the network. It uses
 * {@code core} and {@code measure}, nothing above them: the run steps the models, the views draw them.
 */
package trlab.theory;
