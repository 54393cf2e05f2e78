package org.mbrllab.engine.dp;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.Environment;
import org.mbrllab.engine.run.Engine;

/**
 * One episode of an agent that follows a greedy policy in a {@link GridWorld}, one move per
 * {@link #step()}: it picks uniformly among the tied best actions, the world samples the slip, and the
 * rewards are added up, plain and discounted:
 * <pre>
 *   G = Σ_t r_{t+1}        G_γ = Σ_t γ^t r_{t+1}
 * </pre>
 * The episode ends on a terminal cell or after {@code maxSteps} moves (a policy may loop forever).
 */
public final class GreedyEpisode implements Engine<GreedyEpisode.Snapshot> {

    /**
     * What the play animation draws.
     *
     * @param state            the agent's cell
     * @param path             every cell visited, from the start
     * @param lastAction       the action of the last move, or null before the first
     * @param slipped          whether the last move landed somewhere other than intended
     * @param totalReward      G, the undiscounted sum of rewards so far
     * @param discountedReturn G_γ, the discounted sum
     * @param steps            moves made
     * @param finished         whether the episode is over
     * @param outcome          how it ended ("reached a terminal cell (+1)", "gave up after 500 moves"), or ""
     */
    public record Snapshot(int state, List<Integer> path, Action lastAction, boolean slipped, double totalReward,
                           double discountedReturn, int steps, boolean finished, String outcome) {
        public Snapshot {
            path = List.copyOf(path);
        }
    }

    private final GridWorld world;
    private final int[] greedy;
    private final RandomGenerator rng;
    private final int maxSteps;
    private final double gamma;
    private final List<Integer> path = new ArrayList<>();
    private int state;
    private Action lastAction;
    private boolean slipped;
    private double total;
    private double discounted;
    private double discount = 1;
    private int steps;
    private boolean finished;
    private String outcome = "";

    /**
     * @param world    the grid world
     * @param greedy   for each state, a bit mask of its tied best actions (bit a for {@link Action} a)
     * @param rng      samples ties and slips
     * @param maxSteps moves before giving up, at least 1
     */
    public GreedyEpisode(GridWorld world, int[] greedy, RandomGenerator rng, int maxSteps) {
        Check.inRange("maxSteps", maxSteps, 1, 1_000_000);
        if (greedy.length != world.rows() * world.cols()) {
            throw new IllegalArgumentException("greedy has " + greedy.length + " entries for a grid of "
                    + world.rows() * world.cols() + " cells");
        }
        this.world = world;
        this.greedy = greedy.clone();
        this.rng = rng;
        this.maxSteps = maxSteps;
        this.gamma = world.params().gamma();
        this.state = world.reset(rng);
        path.add(state);
        if (world.isTerminal(state)) {
            finished = true;
            outcome = "the start is a terminal cell";
        }
    }

    @Override
    public boolean step() {
        if (finished) return false;
        // 1. Choose uniformly among the tied greedy actions (all four when none is marked).
        int mask = greedy[state] == 0 ? 0b1111 : greedy[state];
        Action action = pick(mask);
        // 2. Let the world sample the move, and compare with where the action aims.
        Environment.Transition<Integer> t = world.step(state, action, rng);
        slipped = t.next() != intended(state, action) && world.layout().cell(state / world.cols(), state % world.cols()).kind() != GridLayout.Kind.TELEPORT;
        // 3. Count the reward, plain and discounted.
        total += t.reward();
        discounted += discount * t.reward();
        discount *= gamma;
        state = t.next();
        lastAction = action;
        path.add(state);
        steps++;
        if (t.terminal()) {
            finished = true;
            outcome = "reached a terminal cell";
        } else if (steps >= maxSteps) {
            finished = true;
            outcome = "gave up after " + maxSteps + " moves";
        }
        return !finished;
    }

    @Override
    public boolean isDone() {
        return finished;
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(state, path, lastAction, slipped, total, discounted, steps, finished, outcome);
    }

    private Action pick(int mask) {
        int count = Integer.bitCount(mask);
        int k = count == 1 ? 0 : rng.nextInt(count);
        for (Action a : Action.values()) {
            if ((mask & (1 << a.ordinal())) != 0 && k-- == 0) return a;
        }
        throw new IllegalStateException("empty action mask");
    }

    /** The cell the action aims at, staying put at an edge or a wall. */
    private int intended(int s, Action a) {
        int r = s / world.cols() + a.dr();
        int c = s % world.cols() + a.dc();
        if (r < 0 || c < 0 || r >= world.rows() || c >= world.cols()) return s;
        int next = r * world.cols() + c;
        return world.isWall(next) ? s : next;
    }
}
