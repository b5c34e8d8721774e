package trlab.experiment.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One checkable statement of SCIENCE.md §4 (or a demonstration preset), as data: the runs it needs, how its numbers
 * are computed from them, and the expected direction that makes it pass.
 *
 * @param id        short id shown in the report ("1", "4a", "E")
 * @param title     what is claimed, in a few words
 * @param runs      the runs it reads: presets and their twins
 * @param expected  the expected direction, as shown in the report ("D < 0.05 at the widest N, ...")
 * @param judge     computes the numbers and the verdict from the finished runs
 * @param limits    where the effect stops holding, as found while the presets were chosen (shown in the report)
 */
public record Claim(String id, String title, List<RunSpec> runs, String expected, Judge judge, String limits) {

    /** Computes a claim's numbers and verdict from its finished runs, keyed by {@link RunSpec#key()}. */
    @FunctionalInterface
    public interface Judge {
        Verdict judge(Map<String, RunOutcome> runs);
    }

    /**
     * A judge's answer.
     *
     * @param numbers the measured numbers, in the order the report shows them
     * @param pass    whether the expected direction holds
     * @param note    one sentence more (context numbers, the reason of a failure), or ""
     */
    public record Verdict(List<Measured> numbers, boolean pass, String note) {
        public Verdict {
            numbers = List.copyOf(numbers);
            note = note == null ? "" : note;
        }
    }

    /** A measured number with its name, e.g. {@code D(N=1024) = 0.0092}. */
    public record Measured(String name, double value) {
    }

    public Claim {
        Objects.requireNonNull(id, "id");
        runs = List.copyOf(runs);
        Objects.requireNonNull(judge, "judge");
        limits = limits == null ? "" : limits;
    }

    /** The presets the claim uses, in order, each once. */
    public List<String> presets() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (RunSpec r : runs) {
            names.add(r.preset());
        }
        return List.copyOf(names);
    }

    /** The same claim on runs with extra overrides after their own, e.g. a shortened run for a test. */
    public Claim withExtra(List<String> extra) {
        List<RunSpec> changed = new ArrayList<>();
        for (RunSpec r : runs) {
            changed.add(r.withExtra(extra));
        }
        return new Claim(id, title, changed, expected, judge, limits);
    }

    /** Judges the claim; a claim with a diverged or missing run fails and says which. */
    public ClaimResult judge(Map<String, RunOutcome> outcomes) {
        for (RunSpec r : runs) {
            RunOutcome o = outcomes.get(r.key());
            if (o == null) {
                return new ClaimResult(this, List.of(), false, "the run " + r.key() + " is missing.");
            }
            if (o.diverged()) {
                return new ClaimResult(this, List.of(), false, "the run " + r.key() + " diverged at step "
                        + o.divergedAt() + ", so the claim cannot be judged at these settings.");
            }
        }
        Verdict v = judge.judge(outcomes);
        return new ClaimResult(this, v.numbers(), v.pass(), v.note());
    }
}
