package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which nets the 1-D regression pane's run trains for each view. */
class RegressionRunTest {

    private static final SineTask TASK = new SineTask(40, 0.1, -0.5, 2.5, 1);
    private static final EnsembleConfig CONFIG = SineTask.defaultConfig(5, MemberKind.PROBABILISTIC, 2, 1);

    @Test
    void theSingleViewTrainsOneNetWithoutARandomPrior() {
        EnsembleConfig single = new RegressionRun(RegressionView.SINGLE, TASK, List.of(), CONFIG).trainedConfig();
        assertEquals(1, single.members());
        assertEquals(0.0, single.priorScale(), 0.0);
    }

    @Test
    void theEnsembleViewKeepsThePriorScaleItIsGiven() {
        assertEquals(SineTask.PRIOR_SCALE,
                new RegressionRun(RegressionView.ENSEMBLE, TASK, List.of(), CONFIG).trainedConfig().priorScale(), 0.0);
        assertEquals(0.0, new RegressionRun(RegressionView.ENSEMBLE, TASK, List.of(), CONFIG.withPriorScale(0))
                .trainedConfig().priorScale(), 0.0);
    }
}
