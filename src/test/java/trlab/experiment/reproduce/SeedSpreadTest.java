package trlab.experiment.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.List;

/** A claim on several seed triples: how many pass, and each number's mean and standard error. */
class SeedSpreadTest {
    private static final Claim CLAIM = new Claim("4a", "a claim", List.of(), "share < 0.5", runs -> null,
            "Held on sin(2x) at every seed, width (50-200) and learning rate we tried.");

    private static ClaimResult result(double share, boolean pass) {
        return new ClaimResult(CLAIM, List.of(new Claim.Measured("share", share)), pass, "");
    }

    @Test
    void meanStandardErrorAndPassesOverTheSeeds() {
        SeedSpread s = SeedSpread.of(List.of(result(0.1, true), result(0.3, true), result(0.5, false)));
        assertThat(s.seeds()).isEqualTo(3);
        assertThat(s.passed()).isEqualTo(2);
        SeedSpread.Spread share = s.numbers().get(0);
        assertThat(share.mean()).isCloseTo(0.3, within(1e-15));
        // sample variance 0.04, over 3 seeds: se = sqrt(0.04 / 3)
        assertThat(share.standardError()).isCloseTo(Math.sqrt(0.04 / 3), within(1e-15));
        assertThat(s.sentence()).isEqualTo("Across 3 seed triples it passes at 2; mean \u00b1 standard error:"
                + " share = 0.300 \u00b1 0.115.");
    }

    @Test
    void aDivergedSeedMeasuresNothingAndIsCounted() {
        ClaimResult diverged = new ClaimResult(CLAIM, List.of(), false, "diverged");
        SeedSpread s = SeedSpread.of(List.of(result(0.2, true), result(0.4, true), diverged));
        assertThat(s.passed()).isEqualTo(2);
        assertThat(s.numbers().get(0).count()).isEqualTo(2);
        assertThat(s.sentence()).contains("share = 0.300 \u00b1 0.100 (at 2 seeds)");
    }

    @Test
    void theFirstTripleIsThePresetsOwnSeedsAndTheOthersSetAllThree() {
        assertThat(SeedSpread.overrides(0)).isEmpty();
        assertThat(SeedSpread.overrides(2)).containsExactly("network.seed=102", "task.seed=202", "training.seed=302");
        assertThat(SeedSpread.limitsBesideSeeds(CLAIM.limits()))
                .isEqualTo("Held on sin(2x) at every width (50-200) and learning rate we tried.");
        assertThat(SeedSpread.limitsBesideSeeds("Held at every width, seed, learning rate (0.5 and 1)"))
                .isEqualTo("Held at every width, learning rate (0.5 and 1)");
    }
}
