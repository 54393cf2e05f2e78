package org.mbrllab.app.lessons.dreamer;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.FrozenRssm;
import org.mbrllab.engine.dreamer.PixelPendulum;

/**
 * "Imagine with your own actions": the real pixel pendulum and the world model's imagination, driven by the
 * same torques, side by side. After each {@link #reset()}:
 * <ol>
 *   <li>a fresh start: the real pendulum reset from the next seed of a stream of its own (seed S + 2 for a model
 *       trained from S, so never the start of a training or held-out episode);</li>
 *   <li>the context: the model filters the first {@value #CONTEXT} real frames (posterior states), the
 *       pendulum swinging freely (zero torque) in between;</li>
 *   <li>then every {@link #step(double)}: the real pendulum takes the torque and is drawn; the model imagines
 *       the same torque from the state it imagined last (prior, ε = 0: deterministic) and decodes it. Its reward
 *       head's prediction stands beside the real reward.</li>
 * </ol>
 * The model never sees a frame after the context, so the two drift apart as they would in open-loop
 * prediction, but now the torques are the person's. A step is two decodes and a GRU step of the small model,
 * cheap enough for the FX thread at the pane's few steps a second.
 */
final class DriveViewModel {
    /** Real frames the model filters after a reset. */
    static final int CONTEXT = 5;
    /** Agent steps left to drive after the context: the rest of the 100-step episode. */
    static final int STEPS = PixelPendulum.EPISODE_STEPS - (CONTEXT - 1);
    /** The largest torque, N·m. */
    static final double MAX_TORQUE = FrozenRssm.MAX_TORQUE;
    /** The seed offset of the drive's starts from the model's training seed (held-out episodes use + 1). */
    static final long SEED_OFFSET = 2;

    /**
     * What the view shows after a step.
     *
     * @param start          which start this is, from 1
     * @param step           steps driven since the context (0 right after a reset)
     * @param realFrame      the real pendulum's frame
     * @param imaginedFrame  the model's decoded frame
     * @param torque         the torque of the last step, N·m (0 before the first)
     * @param realReward     the real reward of the last step (NaN before the first)
     * @param imaginedReward the model's predicted reward of the last step (NaN before the first)
     * @param realRewards    every real reward since the reset
     * @param imaginedRewards every predicted reward since the reset
     * @param done           whether the episode has ended (a reset is needed)
     */
    record View(int start, int step, float[] realFrame, float[] imaginedFrame, double torque, double realReward,
                double imaginedReward, double[] realRewards, double[] imaginedRewards, boolean done) {
        double realSum() {
            return Arrays.stream(realRewards).sum();
        }

        double imaginedSum() {
            return Arrays.stream(imaginedRewards).sum();
        }
    }

    private final DoubleProperty torque = new SimpleDoubleProperty(this, "torque", 0);
    private final ObjectProperty<Double> held = new SimpleObjectProperty<>(this, "held");
    private final ReadOnlyObjectWrapper<View> view = new ReadOnlyObjectWrapper<>(this, "view");
    private FrozenRssm model;
    private RandomGenerator starts;
    private PixelPendulum world;
    private FrozenRssm.State state;
    private int start;
    private double[] realRewards = new double[0];
    private double[] imaginedRewards = new double[0];

    DriveViewModel() {
        torque.addListener((obs, o, n) -> {
            double v = n.doubleValue();
            if (!(Math.abs(v) <= MAX_TORQUE)) torque.set(Double.isNaN(v) ? 0 : Math.copySign(MAX_TORQUE, v));
        });
    }

    /** The slider's torque, −{@value #MAX_TORQUE} to {@value #MAX_TORQUE} N·m: applied while no key is held. */
    DoubleProperty torqueProperty() { return torque; }
    /** The torque of a held key (← or →), or null: it wins over the slider while held. */
    ObjectProperty<Double> heldProperty() { return held; }
    ReadOnlyObjectProperty<View> viewProperty() { return view.getReadOnlyProperty(); }

    /** The torque the next step takes: the held key's, else the slider's. */
    double appliedTorque() {
        Double h = held.get();
        return h != null ? h : torque.get();
    }

    /** A new model: its starts begin again from the first. */
    void setModel(ModelInUse m) {
        if (m == null) {
            model = null;
            view.set(null);
            return;
        }
        model = m.networks().model();
        starts = Seeds.random(m.networks().seed() + SEED_OFFSET);
        start = 0;
        reset();
    }

    /** Both pendulums from the next fresh start, the model after its {@value #CONTEXT} context frames. */
    void reset() {
        if (model == null) return;
        start++;
        world = new PixelPendulum(starts.nextLong());
        float[] frame = new float[PixelPendulum.PIXELS];
        world.render(frame);
        state = model.observe(null, 0, frame, null);
        for (int k = 1; k < CONTEXT; k++) {
            world.step(0);
            world.render(frame);
            state = model.observe(state, 0, frame, null);
        }
        realRewards = new double[0];
        imaginedRewards = new double[0];
        view.set(new View(start, 0, frame, model.decode(state), 0, Double.NaN, Double.NaN, realRewards, imaginedRewards, false));
    }

    /** One step of both with the applied torque ({@link #appliedTorque()}). */
    void step() {
        step(appliedTorque());
    }

    /** One step of both with {@code u} N·m (clipped to ±{@value #MAX_TORQUE} by both); nothing after the episode's end. */
    void step(double u) {
        if (model == null || world.isDone()) return;
        double real = world.step(u);
        float[] frame = new float[PixelPendulum.PIXELS];
        world.render(frame);
        state = model.imagine(state, u, null);
        double imagined = model.reward(state);
        realRewards = append(realRewards, real);
        imaginedRewards = append(imaginedRewards, imagined);
        view.set(new View(start, realRewards.length, frame, model.decode(state), Math.max(-MAX_TORQUE, Math.min(MAX_TORQUE, u)),
                real, imagined, realRewards, imaginedRewards, world.isDone()));
    }

    private static double[] append(double[] a, double x) {
        double[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }
}
