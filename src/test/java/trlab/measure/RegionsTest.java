package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void oneOutputCountsRunsOfConstantSignWithZeroPositive() {
        assertThat(Regions.count(new double[]{1, 2, 3}, 1, 0)).isEqualTo(1);
        assertThat(Regions.count(new double[]{-1, -2, 0.5, 0.7, -0.1}, 1, 0)).isEqualTo(3);
        assertThat(Regions.count(new double[]{-1, 0, 0, -1}, 1, 0)).as("sign(0) is +").isEqualTo(3);
        assertThat(Regions.count(new double[]{0, 0, 0}, 1, 0)).isEqualTo(1);
    }

    @Test
    void severalOutputsCountRunsOfTheLargest() {
        double[] f = {
            0.9, 0.1, 0.0, // class 0
            0.8, 0.3, 0.1, // class 0
            0.2, 0.7, 0.1, // class 1
            0.1, 0.1, 0.5, // class 2
            0.6, 0.1, 0.5, // class 0
            0.4, 0.4, 0.1, // a tie: the first, class 0
        };
        assertThat(Regions.count(f, 3, 0)).isEqualTo(4);
    }

    @Test
    void onAGridRegionsAreFourConnectedComponents() {
        // 4 x 4, row r at 4r: the positives {0, 1, 4} and {6, 10} touch only at a corner (1 and 6), two regions
        double[] f = {
            1, 1, -1, -1,
            1, -1, 1, -1,
            -1, -1, 1, -1,
            -1, -1, -1, -1,
        };
        // positives: {0,1,4}, {6,10}; negatives: {2,3,7,11,15,14,13,12,8,9} and {5}, which touches 9 below it
        assertThat(Regions.count(f, 1, 4)).isEqualTo(3);
        double[] stripes = {
            1, -1, 1,
            1, -1, 1,
            1, -1, 1,
        };
        assertThat(Regions.count(stripes, 1, 3)).isEqualTo(3);
        assertThat(Regions.count(new double[]{1, 1, 1, 1}, 1, 2)).isEqualTo(1);
    }

    @Test
    void aCheckerboardIsEveryPointAlone() {
        int side = 5;
        double[] f = new double[side * side];
        for (int p = 0; p < f.length; p++) {
            f[p] = ((p / side) + (p % side)) % 2 == 0 ? 1 : -1;
        }
        assertThat(Regions.count(f, 1, side)).isEqualTo(25);
        assertThat(Regions.count(f, 1, 0)).as("the same values as a 1-D grid").isEqualTo(25);
    }
}
