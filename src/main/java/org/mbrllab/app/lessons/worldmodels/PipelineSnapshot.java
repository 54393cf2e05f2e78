package org.mbrllab.app.lessons.worldmodels;

import java.util.List;

import org.mbrllab.engine.worldmodels.ControllerSnapshot;
import org.mbrllab.engine.worldmodels.FrozenMdnRnn;
import org.mbrllab.engine.worldmodels.FrozenVae;
import org.mbrllab.engine.worldmodels.MdnRnnSnapshot;
import org.mbrllab.engine.worldmodels.VaeSnapshot;
import org.mbrllab.engine.worldmodels.WorldModelsNetworks.TrainedController;
import org.mbrllab.engine.worldmodels.WorldModelsPipeline;

/**
 * Where a {@link PipelineEngine} stands, copied for the FX thread. Everything in it is immutable: the
 * frozen networks and the collected episodes may cross threads as they are.
 *
 * @param task           the task running now (or the last one, when done); null for an empty plan
 * @param taskIndex      its position in the plan, from 0
 * @param tasks          tasks in the plan
 * @param unitsDone      units of work (epochs, generations …) the task has done
 * @param unitsTotal     units the task takes in all
 * @param unitsPerSecond the task's pace so far; NaN before its second unit
 * @param secondsLeft    the task's time left at that pace; NaN when unknown
 * @param data           the collected episodes, or null
 * @param v              V as the plan leaves it (the input V until a V stage ends)
 * @param m              M likewise
 * @param vTrained       whether the plan trained a new V (then the M before it no longer fits)
 * @param mTrained       whether the plan trained a new M
 * @param evolved        the controllers the plan evolved and scored, in order
 * @param testedScore    the test stage's mean steps survived in the real game, NaN before it
 * @param randomScore    a random policy's on the same episodes, NaN before the test stage
 * @param vae            the latest V training snapshot, or null
 * @param rnn            the latest M training snapshot, or null
 * @param controller     the latest CMA-ES snapshot, or null
 * @param done           whether the plan has run to its end
 */
record PipelineSnapshot(PipelineEngine.Task task, int taskIndex, int tasks, int unitsDone, int unitsTotal,
                        double unitsPerSecond, double secondsLeft, WorldModelsPipeline.Data data, FrozenVae v,
                        FrozenMdnRnn m, boolean vTrained, boolean mTrained, List<TrainedController> evolved,
                        double testedScore, double randomScore, VaeSnapshot vae, MdnRnnSnapshot rnn,
                        ControllerSnapshot controller, boolean done) {
    PipelineSnapshot {
        evolved = List.copyOf(evolved);
    }
}
