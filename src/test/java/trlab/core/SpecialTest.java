package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference values are from mathematical tables (checked with mpmath at 40 digits). */
class SpecialTest {

    private static void assertRelative(double actual, double expected, double tol) {
        assertThat(Math.abs(actual - expected)).as("%s vs reference %s", actual, expected)
                .isLessThanOrEqualTo(tol * Math.abs(expected));
    }

    @ParameterizedTest
    @CsvSource({
            "0.5, 0.5204998778130465",
            "1.0, 0.8427007929497149",
            "2.0, 0.9953222650189527",
            "3.0, 0.9999779095030014"})
    void erfMatchesReferenceValues(double x, double expected) {
        assertRelative(Special.erf(x), expected, 1e-15);
    }

    @ParameterizedTest
    @CsvSource({
            "-0.5, -0.5204998778130465",
            "-1.0, -0.8427007929497149",
            "-2.0, -0.9953222650189527",
            "-3.0, -0.9999779095030014"})
    void erfMatchesReferenceValuesForNegativeArguments(double x, double expected) {
        assertRelative(Special.erf(x), expected, 1e-15);
    }

    @ParameterizedTest
    @CsvSource({
            "3.0, 2.209049699858544e-05",
            "5.0, 1.537459794428035e-12",
            "10.0, 2.088487583762545e-45",
            "26.0, 5.663192408856143e-296"})
    void erfcTailMatchesReferenceValuesToFullRelativePrecision(double x, double expected) {
        assertRelative(Special.erfc(x), expected, 1e-14);
    }

    @ParameterizedTest
    @CsvSource({
            "-1.0, 1.8427007929497148",
            "-0.5, 1.5204998778130465",
            "-3.0, 1.9999779095030015"})
    void erfcOfNegativeArgumentsMatchesReferenceValues(double x, double expected) {
        assertRelative(Special.erfc(x), expected, 1e-15);
    }

    @ParameterizedTest
    @CsvSource({
            "2.0, 0.004677734981047266",
            "2.4, 0.0006885138966450789"})
    void erfcBelowTheSwitchKeepsAtLeastTwelveDigits(double x, double expected) {
        assertRelative(Special.erfc(x), expected, 1e-12);
    }

    @Test
    void erfIsOdd() {
        for (int i = 0; i <= 400; i++) {
            double x = 0.0123 * i;
            double e = Special.erf(x);
            assertThat(Special.erf(-x)).as("erf(-%s)", x).isCloseTo(-e, within(2 * Math.ulp(e)));
        }
    }

    @Test
    void erfPlusErfcIsOne() {
        for (int i = -400; i <= 400; i++) {
            double x = 0.0123 * i;
            // erfc(x) approaches 2 for x < 0: the sum carries the rounding of a number near 2, one ulp(2) each
            assertThat(Special.erf(x) + Special.erfc(x)).as("x = %s", x).isCloseTo(1.0, within(2 * Math.ulp(2.0)));
        }
    }

    @Test
    void erfAndErfcAreContinuousAcrossTheSwitchAtOne() {
        // erfc(1 -+ h) = erfc(1) +- h 2/sqrt(pi) e^-1 + O(h^2), with erfc(1) and the slope from tables
        double erfc1 = 0.15729920705028513;
        double slope = 0.41510749742059474;
        for (double sign : new double[]{1, -1}) {
            double below = sign * (1 - 1e-12);
            double above = sign * (1 + 1e-12);
            // the step across the switch is the rise over 2e-12 and a few ulps of rounding, no jump
            assertThat(Math.abs(Special.erf(above) - Special.erf(below))).isCloseTo(2e-12 * slope, within(3 * Math.ulp(1.0)));
            assertThat(Math.abs(Special.erfc(above) - Special.erfc(below))).isCloseTo(2e-12 * slope, within(3 * Math.ulp(1.0)));
        }
        assertRelative(Special.erfc(1 - 1e-12), erfc1 + 1e-12 * slope, 1e-14);
        assertRelative(Special.erfc(1 + 1e-12), erfc1 - 1e-12 * slope, 1e-14);
    }

    @Test
    void normalCdfHasKnownValues() {
        assertThat(Special.normalCdf(0)).isEqualTo(0.5);
        assertThat(Special.normalCdf(1.959963984540054)).isCloseTo(0.975, within(1e-14));
        assertThat(Special.normalCdf(-1.959963984540054)).isCloseTo(0.025, within(1e-14));
        assertThat(Special.normalCdf(1)).isCloseTo(0.8413447460685429, within(2e-16));
        assertRelative(Special.normalCdf(-5), 2.866515718791939e-07, 1e-14);
        assertRelative(Special.normalCdf(-10), 7.619853024160525e-24, 1e-14);
    }

    @Test
    void normalPdfIsTheDerivativeOfNormalCdf() {
        double step = 1e-5;
        for (int i = 0; i <= 240; i++) {
            double h = -6 + 0.05 * i + 0.0011;
            double fd = (Special.normalCdf(h + step) - Special.normalCdf(h - step)) / (2 * step);
            assertThat(Special.normalPdf(h)).as("h = %s", h).isCloseTo(fd, within(1e-9));
        }
        assertThat(Special.normalPdf(0)).isCloseTo(0.3989422804014327, within(1e-16));
    }

    @Test
    void logisticIsSymmetricAndNeverOverflows() {
        assertThat(Special.logistic(0)).isEqualTo(0.5);
        for (int i = -100; i <= 100; i++) {
            double h = 0.37 * i;
            assertThat(Special.logistic(h) + Special.logistic(-h)).isCloseTo(1.0, within(2e-16));
        }
        assertThat(Special.logistic(800)).isEqualTo(1.0);
        assertThat(Special.logistic(-800)).isGreaterThanOrEqualTo(0.0).isLessThan(1e-300);
        // e^-40 / (1 + e^-40), relative precision where 1 - logistic(40) would have none
        assertRelative(Special.logistic(-40), Math.exp(-40) / (1 + Math.exp(-40)), 1e-15);
    }
}
