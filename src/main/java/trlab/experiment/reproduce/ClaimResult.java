package trlab.experiment.reproduce;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A judged claim: its measured numbers, PASS or FAIL, and a note.
 *
 * @param claim   the claim
 * @param numbers the measured numbers (empty when a run diverged)
 * @param pass    whether the claim's expected direction holds
 * @param note    one sentence more, or ""
 */
public record ClaimResult(Claim claim, List<Claim.Measured> numbers, boolean pass, String note) {

    public ClaimResult {
        numbers = List.copyOf(numbers);
        note = note == null ? "" : note;
    }

    /** The value of the number with this name. */
    public double value(String name) {
        for (Claim.Measured m : numbers) {
            if (m.name().equals(name)) {
                return m.value();
            }
        }
        throw new NoSuchElementException("claim " + claim.id() + " has no number named " + name + "; it has "
                + numbers.stream().map(Claim.Measured::name).toList());
    }

    public String verdict() {
        return pass ? "PASS" : "FAIL";
    }
}
