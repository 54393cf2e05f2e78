package org.mbrllab.app.lessons.dreamer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.mbrllab.engine.dreamer.DreamerConfig;
import org.mbrllab.engine.dreamer.FrozenRssm;
import org.mbrllab.engine.dreamer.Imagination;

/**
 * The λ-return view's model: one imagined trajectory of H steps from the strip's last context state
 * ({@link Imagination}), with the file's actor picking the torques and its critic giving the values, or, for a
 * file without them, the held-out sequence's true torques and values of 0; and its λ-returns for the slider's
 * γ and λ and for λ = 0, 0.95 and 1. Changing H imagines again (a few steps of the small model); changing γ,
 * λ or the step t only recomputes the recursion. Runs on the calling thread, as the strip does.
 */
final class ReturnsViewModel {
    /** H's largest value: the held-out windows hold {@value} true torques after the context, and Dreamer imagines 15. */
    static final int MAX_HORIZON = DreamerViewModel.MAX_HORIZON;
    /** The λ of Dreamer's λ-returns, drawn beside λ = 0 and λ = 1. */
    static final double DREAMER_LAMBDA = DreamerConfig.defaults().lambda();

    /**
     * What the chart and the explain panel show.
     *
     * @param torques  u_0 … u_{H−1}
     * @param rewards  r̂_0 … r̂_{H−1}
     * @param values   v_0 … v_H
     * @param gamma    γ
     * @param lambda   the slider's λ
     * @param t        the step written out, 0 … H − 1
     * @param chosen   V_λ(0 … H − 1) at the slider's λ
     * @param oneStep  V_λ at λ = 0
     * @param dreamer  V_λ at λ = {@link #DREAMER_LAMBDA}
     * @param full     V_λ at λ = 1
     * @param byActor  whether the actor and critic gave the torques and values
     * @param note     what the values are when there is no critic ("" with one)
     */
    record Returns(double[] torques, double[] rewards, double[] values, double gamma, double lambda, int t,
                   double[] chosen, double[] oneStep, double[] dreamer, double[] full, boolean byActor, String note) {
        int horizon() {
            return rewards.length;
        }
    }

    private final DoubleProperty gamma = new SimpleDoubleProperty(this, "gamma", DreamerConfig.defaults().gamma());
    private final DoubleProperty lambda = new SimpleDoubleProperty(this, "lambda", DREAMER_LAMBDA);
    private final IntegerProperty horizon = new SimpleIntegerProperty(this, "horizon", MAX_HORIZON);
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);
    private final ReadOnlyObjectWrapper<Returns> returns = new ReadOnlyObjectWrapper<>(this, "returns");
    private ModelInUse model;
    private FrozenRssm.State start;
    private double[] trueTorques;
    private Imagination.Trajectory trajectory;

    ReturnsViewModel() {
        gamma.addListener((obs, o, n) -> recompute());
        lambda.addListener((obs, o, n) -> recompute());
        horizon.addListener((obs, o, n) -> {
            if (step.get() >= n.intValue()) step.set(n.intValue() - 1);
            imagine();
        });
        step.addListener((obs, o, n) -> recompute());
    }

    /** γ, 0 to 1. */
    DoubleProperty gammaProperty() { return gamma; }
    /** λ, 0 to 1. */
    DoubleProperty lambdaProperty() { return lambda; }
    /** H, 1 to {@value #MAX_HORIZON}. */
    IntegerProperty horizonProperty() { return horizon; }
    /** The step t written out, 0 to H − 1. */
    IntegerProperty stepProperty() { return step; }
    ReadOnlyObjectProperty<Returns> returnsProperty() { return returns.getReadOnlyProperty(); }

    /**
     * Where imagination starts: the strip's last context state, and the {@value #MAX_HORIZON} true torques that
     * follow it in the held-out episode (used when the file has no actor).
     */
    void setStart(ModelInUse m, FrozenRssm.State s, double[] torques) {
        if (torques.length < MAX_HORIZON) {
            throw new IllegalArgumentException(torques.length + " true torques, expected at least " + MAX_HORIZON);
        }
        model = m;
        start = s;
        trueTorques = torques.clone();
        imagine();
    }

    private void imagine() {
        if (model == null || start == null) {
            returns.set(null);
            return;
        }
        int h = Math.max(1, Math.min(MAX_HORIZON, horizon.get()));
        FrozenRssm m = model.networks().model();
        trajectory = model.hasActor() ? Imagination.withActor(m, model.actor(), start, h)
                : Imagination.withTorques(m, start, java.util.Arrays.copyOf(trueTorques, h));
        recompute();
    }

    private void recompute() {
        if (trajectory == null) return;
        double g = Math.max(0, Math.min(1, gamma.get()));
        double l = Math.max(0, Math.min(1, lambda.get()));
        int t = Math.max(0, Math.min(trajectory.horizon() - 1, step.get()));
        String note = model.hasActor() ? ""
                : model.actorNote() + ": the torques are the held-out sequence's own, every value is 0, and so V_λ is the sum "
                + "of the predicted rewards discounted by γλ (by γ alone at λ = 1)";
        returns.set(new Returns(trajectory.torques(), trajectory.rewards(), trajectory.values(), g, l, t,
                trajectory.lambdaReturns(g, l), trajectory.lambdaReturns(g, 0), trajectory.lambdaReturns(g, DREAMER_LAMBDA),
                trajectory.lambdaReturns(g, 1), trajectory.byActor(), note));
    }
}
