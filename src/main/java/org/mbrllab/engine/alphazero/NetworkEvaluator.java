package org.mbrllab.engine.alphazero;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.mcts.Evaluator;

/**
 * The AlphaZero leaf evaluation: one forward pass of a {@link PolicyValueNet} gives the priors P(s, ·) for
 * PUCT and the value v(s) that replaces the rollout (Silver et al. 2017). No randomness, no rollout moves;
 * the network is immutable, so the evaluator can be shared by searches on one thread each.
 */
public final class NetworkEvaluator implements Evaluator {
    private final PolicyValueNet net;

    public NetworkEvaluator(PolicyValueNet net) {
        this.net = Objects.requireNonNull(net, "net");
    }

    public PolicyValueNet network() {
        return net;
    }

    @Override
    public double evaluate(GameState state, RandomGenerator rng, double[] priors, int[] rolloutMoves) {
        return net.evaluate(state, priors);
    }

    @Override
    public boolean providesPriors() {
        return true;
    }

    @Override
    public String describe() {
        return "policy/value network";
    }
}
