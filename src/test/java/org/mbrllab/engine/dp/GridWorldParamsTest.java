package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;
import org.mbrllab.engine.core.ParameterSpec;

class GridWorldParamsTest {

    @Test
    void rejectsGammaAboveOneNamingTheRange() {
        OutOfRangeException e = assertThrows(OutOfRangeException.class,
                () -> new GridWorldParams(1.5, 0, 0, 0, 1, -1));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
    }

    @Test
    void rejectsEveryFieldOutOfRange() {
        GridWorldParams p = GridWorldParams.defaults();
        for (ParameterSpec spec : GridWorldParams.specs()) {
            OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> p.with(spec.key(), spec.max() + 1));
            assertEquals(spec.key(), e.name());
            assertThrows(OutOfRangeException.class, () -> p.with(spec.key(), Double.NaN), spec.key() + " NaN");
        }
    }

    @Test
    void specsUseTheLayoutFileKeysInRecordOrder() {
        assertEquals(List.of("gamma", "slip", "living_reward", "bump_reward", "goal_reward", "pit_reward"),
                GridWorldParams.specs().stream().map(ParameterSpec::key).toList());
        assertEquals("γ (discount)", GridWorldParams.spec("gamma").label());
    }

    @Test
    void withAndGetAgreeForEveryKey() {
        GridWorldParams p = GridWorldParams.defaults();
        double value = 0.25;
        for (ParameterSpec spec : GridWorldParams.specs()) {
            GridWorldParams changed = p.with(spec.key(), value);
            assertEquals(value, changed.get(spec.key()), 0, spec.key());
            for (ParameterSpec other : GridWorldParams.specs()) {
                if (other != spec) assertEquals(p.get(other.key()), changed.get(other.key()), 0, other.key() + " unchanged");
            }
        }
    }

    @Test
    void frozenLakeSlipMakesEveryDirectionOneThird() {
        double p = GridWorldParams.FROZEN_LAKE_SLIP;
        assertEquals(1.0 / 3.0, 1 - p, 1e-15);
        assertEquals(1.0 / 3.0, p / 2, 1e-15);
    }

    @Test
    void unknownKeyListsTheKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridWorldParams.defaults().with("gama", 0.5));
        assertTrue(e.getMessage().contains("gamma, slip"), e.getMessage());
    }
}
