package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.model.DisagreementMap.DataSource;
import org.mbrllab.engine.model.DisagreementMap.MapOutput;
import org.mbrllab.engine.model.DisagreementMap.Settings;

/** The disagreement map on small data sets and few epochs. */
class DisagreementMapTest {

    private static DisagreementMap.Snapshot trained(Settings settings) {
        DisagreementMap map = new DisagreementMap(settings);
        while (map.step()) {
            // one epoch per step
        }
        return map.snapshot();
    }

    @Test
    void theEnsembleDisagreesFarMoreWhereHangingStartsLeftNoData() {
        DisagreementMap.Snapshot s = trained(new Settings(DataSource.HANGING, 4, 5, 40, 0, 3));
        double[] means = s.denseAndEmptyMeans(MapOutput.THETA_DOT);
        assertTrue(means[1] > 20 * means[0], "mean σ²_ens of Δθ̇: " + means[0] + " under the data, " + means[1]
                + " where no data is near");
    }

    @Test
    void hangingStartsWithRandomTorquesNeverRiseAboveHorizontal() {
        Transitions d = DisagreementMap.collect(DataSource.HANGING, 5, Seeds.random(1));
        for (int i = 0; i < d.size(); i++) {
            double[] x = d.state(i);
            assertTrue(Math.cos(x[0]) < 0, "θ = " + x[0] + " is above horizontal");
        }
    }

    @Test
    void swingUpEpisodesReachTheUprightRegionRandomTorquesDoNot() {
        assertTrue(uprightVisits(DataSource.SWING_UPS) > 50, "swing-ups should visit |θ| < 0.5, |θ̇| < 2");
        assertEquals(0, uprightVisits(DataSource.HANGING));
    }

    private static int uprightVisits(DataSource source) {
        Transitions d = DisagreementMap.collect(source, 6, Seeds.random(2));
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            double[] x = d.state(i);
            if (Math.abs(org.mbrllab.engine.control.Angles.normalize(x[0])) < 0.5 && Math.abs(x[1]) < 2) n++;
        }
        return n;
    }

    @Test
    void theSameSettingsGiveTheSameMapBitForBit() {
        Settings settings = new Settings(DataSource.RANDOM, 2, 3, 3, 0.5, 11);
        DisagreementMap.Snapshot a = trained(settings);
        DisagreementMap.Snapshot b = trained(settings);
        assertArrayEquals(a.varThetaDot(), b.varThetaDot());
        assertArrayEquals(a.dataTheta(), b.dataTheta());
        assertEquals(a.last().meanTraining(), b.last().meanTraining());
    }

    @Test
    void oneMemberHasNothingToDisagreeWith() {
        DisagreementMap.Snapshot s = trained(new Settings(DataSource.RANDOM, 1, 1, 2, 0, 5));
        for (double v : s.variance(MapOutput.SUM)) assertEquals(0, v, 0);
    }

    @Test
    void movingTheTorqueReevaluatesTheGridWithoutRetraining() {
        DisagreementMap map = new DisagreementMap(new Settings(DataSource.RANDOM, 1, 3, 2, 0, 7));
        map.step();
        double[] atZero = map.snapshot().varThetaDot();
        map.setTorque(2);
        DisagreementMap.Snapshot s = map.snapshot();
        assertEquals(1, s.epoch());
        assertEquals(2, s.torque(), 0);
        assertTrue(!java.util.Arrays.equals(atZero, s.varThetaDot()), "the slice at u = 2 should differ from u = 0");
    }

    @Test
    void settingsOutsideTheirRangesAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Settings(DataSource.RANDOM, 0, 5, 10, 0, 1));
        assertTrue(e.getMessage().contains("episodes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Settings(DataSource.RANDOM, 1, 11, 10, 0, 1));
    }

    @Test
    void nearbyCountsWrapTheAngle() {
        double[] thetas = {Math.PI - 0.05, -Math.PI + 0.05, 0};
        double[] speeds = {0, 0, 0};
        assertEquals(2, DisagreementMap.countNear(thetas, speeds, Math.PI, 0));
        assertEquals(1, DisagreementMap.countNear(thetas, speeds, 0.1, 0.1));
    }

    @Test
    void theNearestDataPointIsFoundAcrossTheSeam() {
        DisagreementMap.Snapshot s = trained(new Settings(DataSource.HANGING, 1, 2, 1, 0, 4));
        int k = s.nearest(-Math.PI + 0.01, 0);
        assertTrue(Math.cos(s.dataTheta()[k]) < -0.9, "hanging data lies by the seam at ±π: θ = " + s.dataTheta()[k]);
        double a = org.mbrllab.engine.control.Angles.normalize(s.dataTheta()[k] + Math.PI - 0.01) / DisagreementMap.NEAR_THETA;
        double b = s.dataThetaDot()[k] / DisagreementMap.NEAR_THETA_DOT;
        for (int i = 0; i < s.dataTheta().length; i++) {
            double c = org.mbrllab.engine.control.Angles.normalize(s.dataTheta()[i] + Math.PI - 0.01) / DisagreementMap.NEAR_THETA;
            double d = s.dataThetaDot()[i] / DisagreementMap.NEAR_THETA_DOT;
            assertTrue(c * c + d * d >= a * a + b * b - 1e-12);
        }
    }
}
