package org.mbrllab.engine.dyna;

/**
 * Figure 8.3 of Sutton &amp; Barto (2018): Q of run 0 half-way through its second episode. The run is
 * played once to learn how long episode 2 is, then replayed from the same seeds to the middle of it (a
 * run is a function of its seeds, so the replay is the same run).
 *
 * @param config      the agent
 * @param q           Q(s, a) at {@code s*4 + a}, half-way through episode 2
 * @param episode2    real steps of the whole episode 2
 * @param stepsInto   real steps of episode 2 taken when Q was copied, ⌊episode2 / 2⌋
 * @param state       the agent's cell at that moment
 */
public record HalfwayPolicy(DynaConfig config, double[] q, int episode2, int stepsInto, int state) {

    public HalfwayPolicy {
        q = q.clone();
    }

    @Override
    public double[] q() { return q.clone(); }

    /** The policy of {@code config} in {@code maze}, run 0 of the seed {@code seed}. */
    public static HalfwayPolicy of(Maze maze, DynaConfig config, long seed) {
        DynaRun first = DynaRun.forRun(maze, config, seed, 0);
        first.runEpisode();
        int length = first.runEpisode();
        DynaRun replay = DynaRun.forRun(maze, config, seed, 0);
        replay.runEpisode();
        int half = length / 2;
        for (int i = 0; i < half; i++) replay.step();
        return new HalfwayPolicy(config, replay.agent().qValues(), length, half, replay.state());
    }
}
