package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import trlab.core.Rng;

/** {@link PowerLawFit} and {@link Aging}: least squares of log a against log t over a window. */
class PowerLawFitTest {

    /** n times log-spaced from lo to hi, ends included. */
    private static double[] logSpaced(double lo, double hi, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (n - 1));
        }
        return t;
    }

    @Test
    void exactPowerLawIsRecoveredWithZeroError() {
        double[] t = logSpaced(1, 1e4, 30);
        double[] a = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            a[i] = 3 * Math.pow(t[i], -0.7);
        }

        PowerLawFit fit = PowerLawFit.fit(t, a, t.length, 0, Double.POSITIVE_INFINITY);

        assertThat(fit).isNotNull();
        assertThat(fit.alpha()).isCloseTo(0.7, within(1e-9));
        assertThat(fit.error()).isLessThan(1e-9);
        assertThat(fit.samples()).isEqualTo(30);
        assertThat(fit.intercept()).isCloseTo(Math.log(3), within(1e-9));
        assertThat(fit.at(50)).isCloseTo(3 * Math.pow(50, -0.7), within(1e-9));
    }

    @Test
    void windowUsesOnlyTheSamplesInsideItEndsIncluded() {
        // a = 3 t^-0.7 up to t = 100, then continues with exponent 1.5 (continuous at t = 100)
        double[] t = logSpaced(1, 1e4, 41); // t[20] = 100
        double[] a = new double[t.length];
        double knee = 3 * Math.pow(100, -0.7);
        for (int i = 0; i < t.length; i++) {
            a[i] = i <= 20 ? 3 * Math.pow(t[i], -0.7) : knee * Math.pow(t[i] / 100, -1.5);
        }

        PowerLawFit early = PowerLawFit.fit(t, a, t.length, 1, t[20]);
        PowerLawFit late = PowerLawFit.fit(t, a, t.length, t[20], t[40]);
        PowerLawFit inner = PowerLawFit.fit(t, a, t.length, t[25], t[30]);
        PowerLawFit all = PowerLawFit.fit(t, a, t.length, 0, 1e9);

        assertThat(early.alpha()).isCloseTo(0.7, within(1e-9));
        assertThat(early.samples()).isEqualTo(21);
        assertThat(early.error()).isLessThan(1e-9);
        assertThat(late.alpha()).isCloseTo(1.5, within(1e-9));
        assertThat(late.samples()).isEqualTo(21);
        assertThat(late.error()).isLessThan(1e-9);
        assertThat(inner.alpha()).isCloseTo(1.5, within(1e-9));
        assertThat(inner.samples()).isEqualTo(6);
        // the whole range mixes both exponents and does not lie on one line
        assertThat(all.alpha()).isBetween(0.8, 1.4);
        assertThat(all.error()).isGreaterThan(1e-3);
    }

    @Test
    void onlyTheFirstCountSamplesAreFitted() {
        double[] t = {1, 2, 4, 8, 16, 32};
        double[] a = new double[t.length];
        for (int i = 0; i < 4; i++) {
            a[i] = 2 * Math.pow(t[i], -0.5);
        }
        a[4] = 1e6;
        a[5] = 1e-6;

        PowerLawFit fit = PowerLawFit.fit(t, a, 4, 0, 100);

        assertThat(fit.samples()).isEqualTo(4);
        assertThat(fit.alpha()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void samplesWithNonPositiveTimeOrAmplitudeOrNonFiniteAmplitudeAreSkipped() {
        double[] t = {0, 1, 2, 3, 4, 5, 6};
        double[] a = {5, 1, 0, Math.pow(3, -1.2), -1, Math.pow(5, -1.2), Double.POSITIVE_INFINITY};

        PowerLawFit fit = PowerLawFit.fit(t, a, t.length, 0, 10);

        assertThat(fit.samples()).isEqualTo(3);
        assertThat(fit.alpha()).isCloseTo(1.2, within(1e-12));
    }

    @Test
    void noisyPowerLawGivesAnExponentWithinThreeReportedErrorsAndAnErrorNearTheTheoreticalOne() {
        int n = 200;
        double sigma = 0.05;
        double alpha = 0.7;
        double[] t = logSpaced(1, 1e5, n);
        double[] a = new double[n];
        Rng rng = new Rng(20240511);
        for (int i = 0; i < n; i++) {
            a[i] = 3 * Math.pow(t[i], -alpha) * Math.exp(sigma * rng.nextGaussian());
        }
        double mean = 0;
        for (double v : t) {
            mean += Math.log(v) / n;
        }
        double sxx = 0;
        for (double v : t) {
            sxx += (Math.log(v) - mean) * (Math.log(v) - mean);
        }
        double theoretical = sigma / Math.sqrt(sxx);

        PowerLawFit fit = PowerLawFit.fit(t, a, n, 0, Double.POSITIVE_INFINITY);

        assertThat(fit.samples()).isEqualTo(n);
        assertThat(Math.abs(fit.alpha() - alpha)).isLessThan(3 * fit.error());
        assertThat(fit.error()).isBetween(theoretical / 2, theoretical * 2);
        // and exactly the ordinary least-squares slope and its standard error
        double[] ols = ordinaryLeastSquares(t, a, 0, Double.POSITIVE_INFINITY);
        assertThat(fit.alpha()).isCloseTo(-ols[0], within(1e-12));
        assertThat(fit.error()).isCloseTo(ols[1], within(1e-12 * ols[1]));
        assertThat(fit.intercept()).isCloseTo(ols[2], within(1e-10));
    }

    @Test
    void fewerThanThreeSamplesInTheWindowGiveNull() {
        double[] t = {1, 2, 3, 4};
        double[] a = {1, 0.5, 0.3, 0.2};

        assertThat(PowerLawFit.fit(t, a, 4, 1, 2)).isNull();
        assertThat(PowerLawFit.fit(t, a, 4, 1.5, 2.5)).isNull();
        assertThat(PowerLawFit.fit(t, a, 4, 5, 9)).isNull();
        assertThat(PowerLawFit.fit(t, a, 2, 0, 9)).isNull();
        assertThat(PowerLawFit.fit(t, a, 4, 1, 3)).isNotNull();
        assertThat(PowerLawFit.fit(t, a, 4, 1, 3).samples()).isEqualTo(3);
    }

    @Test
    void agingLocalFitsTheLastDecadeFromTOverTenToT() {
        Aging aging = new Aging();
        double[] times = new double[1000];
        double[] amps = new double[1000];
        Rng rng = new Rng(3);
        for (int t = 1; t <= 1000; t++) {
            double amp = 2 * Math.pow(t, -0.4) * Math.exp(0.1 * rng.nextGaussian());
            aging.add(t, amp);
            times[t - 1] = t;
            amps[t - 1] = amp;
        }

        PowerLawFit local = aging.local(500);

        assertThat(aging.size()).isEqualTo(1000);
        assertThat(aging.times()).containsExactly(times);
        assertThat(aging.amplitudes()).containsExactly(amps);
        assertThat(local.samples()).isEqualTo(451); // t = 50 .. 500
        double[] ols = ordinaryLeastSquares(times, amps, 50, 500);
        assertThat(local.alpha()).isCloseTo(-ols[0], within(1e-12));
        assertThat(local.error()).isCloseTo(ols[1], within(1e-12 * ols[1]));
        assertThat(aging.local(37).samples()).isEqualTo(34); // 3.7 .. 37 holds 4 .. 37
        assertThat(aging.local(2)).isNull(); // 0.2 .. 2 holds 1, 2
        assertThat(aging.local(3).samples()).isEqualTo(3);
        PowerLawFit window = aging.fit(10, 20);
        assertThat(window.samples()).isEqualTo(11);
    }

    @Test
    void agingCopyIsIndependentOfTheOriginal() {
        Aging aging = new Aging();
        aging.add(1, 1.0);
        aging.add(2, 0.5);
        Aging copy = aging.copy();
        copy.add(3, 1.0 / 3);

        assertThat(aging.size()).isEqualTo(2);
        assertThat(copy.size()).isEqualTo(3);
        assertThat(aging.local(3)).isNull();
        assertThat(copy.local(3).alpha()).isCloseTo(1.0, within(1e-12));
    }

    /** {slope, standard error of slope, intercept} of log a on log t over t in [from, to]. */
    private static double[] ordinaryLeastSquares(double[] t, double[] a, double from, double to) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && t[i] <= to) {
                double x = Math.log(t[i]);
                double y = Math.log(a[i]);
                n++;
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
        }
        double cxx = sxx - sx * sx / n;
        double slope = (sxy - sx * sy / n) / cxx;
        double intercept = (sy - slope * sx) / n;
        double ssr = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && t[i] <= to) {
                double r = Math.log(a[i]) - intercept - slope * Math.log(t[i]);
                ssr += r * r;
            }
        }
        return new double[]{slope, Math.sqrt(ssr / (n - 2) / cxx), intercept};
    }
}
