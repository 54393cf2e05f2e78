package org.mbrllab.engine.worldmodels;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;

/**
 * Dodge: the lesson's small stand-in for the "take cover" experiment of World Models (Ha and
 * Schmidhuber 2018, "Recurrent world models facilitate policy evolution", NeurIPS, section 4), where the
 * agent survives as long as it can by stepping out of the way of fireballs. Here rocks fall down a
 * 16 × 16 arena and the agent, on the bottom row, steps left, stays or steps right.
 *
 * <h2>The game (all lengths in cells, all times in steps)</h2>
 * <table>
 *   <caption>Dodge</caption>
 *   <tr><th>what</th><th>rule</th></tr>
 *   <tr><td>arena</td><td>{@value #SIDE} × {@value #SIDE} cells; row 0 is the top</td></tr>
 *   <tr><td>agent</td><td>{@value #AGENT_WIDTH} cells wide, on row {@value #AGENT_ROW}; its left cell x in
 *       0 … {@value #MAX_AGENT_X}, starting at {@value #START_X} (centred)</td></tr>
 *   <tr><td>rocks</td><td>{@value #ROCK_SIZE} × {@value #ROCK_SIZE} cells, top-left cell (column c, row r) with
 *       c in 0 … {@value #MAX_ROCK_COLUMN}; each falls one row per step</td></tr>
 *   <tr><td>actions</td><td>{@link Action#LEFT} (x − 1), {@link Action#STAY}, {@link Action#RIGHT} (x + 1); a
 *       step into a wall leaves x where it is</td></tr>
 *   <tr><td>one step</td><td>1. the agent moves; 2. every rock falls a row, and rocks wholly below the arena
 *       go; 3. the agent is hit if any rock cell covers an agent cell; 4. if not hit, a new rock appears at
 *       row 0, in a uniformly drawn column, with probability {@code spawnChance}</td></tr>
 *   <tr><td>reward</td><td>+1 for every step that ends without a hit, so the return is the number of steps
 *       survived</td></tr>
 *   <tr><td>end</td><td>a hit (terminal), or {@code maxSteps} steps (truncated)</td></tr>
 * </table>
 * A rock takes 14 steps from row 0 to the agent's row, so a rock is seen long before it can hit; what
 * makes the game hard is several rocks at once and the walls. Rocks are 2 × 2 rather than one cell so that
 * they weigh four pixels in V's reconstruction loss, which counts pixels, rather than one.
 *
 * <h2>Why 16 × 16 frames</h2>
 * {@link #render} draws one pixel per cell of the 16 columns around the agent (the camera follows it; see
 * there why): the walls in view give the agent's cell, and every rock in view is drawn whole. A 32 × 32 frame can only draw each cell as 2 × 2 pixels: the same information
 * in four times the inputs. Measured with the lesson's V ({@link VaeConfig#defaults()}, 200 random
 * episodes to train on, 50 held out, 10 epochs; the machine's 2 cores shared with other builds, load 7–9):
 * at 32 × 32 an epoch took about twice as long (2.6 s against 1.2 s) and reached a held-out MSE per pixel
 * of 0.0169 against 0.0200, about what 16 × 16 reaches in the same time with twice the epochs (0.0175 after
 * 20), measured with the fixed camera of the first version. So 16 × 16: no less information, no worse V for the time, and a frozen decoder four times cheaper
 * per decoded frame for the dream viewer. The pixel values are multiples of 1/255 so that a byte store
 * ({@link Rollouts}) keeps them exactly.
 *
 * <p>Seeded: the same seed and the same actions give the same game. Confined to one thread.
 */
public final class Dodge {
    /** Cells per side of the arena, and pixels per side of a frame. */
    public static final int SIDE = 16;
    /** Pixels in a frame, row-major from the top-left. */
    public static final int PIXELS = SIDE * SIDE;
    public static final int AGENT_WIDTH = 3;
    public static final int AGENT_ROW = SIDE - 1;
    public static final int MAX_AGENT_X = SIDE - AGENT_WIDTH;
    public static final int START_X = MAX_AGENT_X / 2;
    public static final int ROCK_SIZE = 2;
    public static final int MAX_ROCK_COLUMN = SIDE - ROCK_SIZE;
    /** A rock's pixels. */
    public static final float ROCK_SHADE = 1f;
    /** The agent's pixels: 128/255, mid-grey and exact in a byte. */
    public static final float AGENT_SHADE = 128f / 255f;
    /** Pixels beyond the arena's walls: 64/255, dark grey and exact in a byte. */
    public static final float WALL_SHADE = 64f / 255f;
    /** The agent's left pixel in every frame: the camera keeps the agent in the middle of the view. */
    public static final int VIEW_AGENT_X = SIDE / 2 - AGENT_WIDTH / 2;
    /** At most one rock appears per step and each leaves after SIDE + 1 falls, so this many can be in play. */
    private static final int MAX_ROCKS = SIDE + 2;

    /** What the agent can do on a step. */
    public enum Action {
        LEFT(-1), STAY(0), RIGHT(1);

        private final int delta;

        Action(int delta) {
            this.delta = delta;
        }

        /** The change of the agent's x. */
        public int delta() {
            return delta;
        }
    }

    private final DodgeParams params;
    private RandomGenerator random;
    private int agentX;
    private final int[] rockColumn = new int[MAX_ROCKS];
    private final int[] rockRow = new int[MAX_ROCKS];
    private int rocks;
    private int steps;
    private boolean hit;

    /** A new game, started as {@link #reset(long)} starts it. */
    public Dodge(DodgeParams params, long seed) {
        this.params = Objects.requireNonNull(params, "params");
        reset(seed);
    }

    /** Starts a new episode: the agent centred, no rocks, and the spawning stream of {@code seed}. */
    public void reset(long seed) {
        random = Seeds.random(seed);
        agentX = START_X;
        rocks = 0;
        steps = 0;
        hit = false;
    }

    /**
     * One step of the game (the four stages of the class comment).
     *
     * @return the reward: 1 if the agent was not hit on this step, 0 if it was
     * @throws IllegalStateException if the episode has already ended
     */
    public double step(Action action) {
        if (isDone()) throw new IllegalStateException("the episode has ended after " + steps + " steps; reset it");
        // 1. The agent moves, stopped by the walls.
        agentX = Math.max(0, Math.min(MAX_AGENT_X, agentX + action.delta()));
        // 2. Rocks fall; those wholly below the arena go.
        int kept = 0;
        for (int i = 0; i < rocks; i++) {
            int row = rockRow[i] + 1;
            if (row < SIDE) {
                rockColumn[kept] = rockColumn[i];
                rockRow[kept] = row;
                kept++;
            }
        }
        rocks = kept;
        steps++;
        // 3. A hit ends the episode.
        for (int i = 0; i < rocks; i++) {
            if (covers(rockColumn[i], rockRow[i], agentX)) {
                hit = true;
                return 0;
            }
        }
        // 4. Maybe a new rock at the top.
        if (random.nextDouble() < params.spawnChance()) {
            rockColumn[rocks] = random.nextInt(MAX_ROCK_COLUMN + 1);
            rockRow[rocks] = 0;
            rocks++;
        }
        return 1;
    }

    /** Whether a rock with top-left cell (column, row) covers a cell of an agent whose left cell is x. */
    static boolean covers(int column, int row, int x) {
        boolean rows = row <= AGENT_ROW && row + ROCK_SIZE > AGENT_ROW;
        boolean columns = column < x + AGENT_WIDTH && column + ROCK_SIZE > x;
        return rows && columns;
    }

    /**
     * Draws what the agent sees into {@code frame} ({@value #PIXELS} pixels, row-major from the top-left):
     * the arena through a camera that moves with the agent, so that the agent always fills pixels
     * {@value #VIEW_AGENT_X} … {@value #VIEW_AGENT_X} + {@value #AGENT_WIDTH} − 1 of the bottom row. View
     * column c shows arena column c + x − {@value #VIEW_AGENT_X}; columns beyond the arena's walls are drawn
     * {@link #WALL_SHADE}, empty cells 0, rocks {@link #ROCK_SHADE}, the agent {@link #AGENT_SHADE} (a rock
     * drawn over the agent, as on the step of a hit, stays a rock).
     *
     * <p>Why the camera follows the agent: the paper's "take cover" agent sees the room in the first
     * person, so a fireball on the left of its picture is a fireball on its left. Here too, "a rock
     * above my left side, so step right" is then a fixed set of pixels, which a linear controller can
     * weigh; in a fixed view the same rock is a different pixel for every x of the agent, and the answer
     * depends on the product of the two. Measured: a hand-set linear rule on the pixels of this view
     * (push away from rocks in the 3 columns either side of the agent's centre, weighted by 1/(rows to
     * go + 1)) survives 121.9 steps on average over 100 episodes, against 25 for random play; CMA-ES
     * (32 × 8 episodes, 40 generations) searching linear rules on the fixed view's pixels found none
     * better than 34.6.
     */
    public void render(float[] frame) {
        if (frame.length != PIXELS) {
            throw new IllegalArgumentException("frame has " + frame.length + " pixels, expected " + PIXELS);
        }
        int shift = agentX - VIEW_AGENT_X;
        for (int c = 0; c < SIDE; c++) {
            int column = c + shift;
            float shade = column < 0 || column >= SIDE ? WALL_SHADE : 0f;
            for (int r = 0; r < SIDE; r++) frame[r * SIDE + c] = shade;
        }
        for (int j = 0; j < AGENT_WIDTH; j++) frame[AGENT_ROW * SIDE + VIEW_AGENT_X + j] = AGENT_SHADE;
        for (int i = 0; i < rocks; i++) {
            for (int dr = 0; dr < ROCK_SIZE; dr++) {
                int row = rockRow[i] + dr;
                if (row >= SIDE) continue;
                for (int dc = 0; dc < ROCK_SIZE; dc++) {
                    int c = rockColumn[i] + dc - shift;
                    if (c >= 0 && c < SIDE) frame[row * SIDE + c] = ROCK_SHADE;
                }
            }
        }
    }

    /** Whether the episode has ended: hit, or at the cap. */
    public boolean isDone() {
        return hit || steps >= params.maxSteps();
    }

    /** Whether the episode ended by a hit (terminal) rather than at the cap. */
    public boolean wasHit() {
        return hit;
    }

    /** Steps taken in this episode. */
    public int steps() {
        return steps;
    }

    /** The agent's left cell, 0 … {@value #MAX_AGENT_X}. */
    public int agentX() {
        return agentX;
    }

    /** Rocks in play. */
    public int rocks() {
        return rocks;
    }

    /** Rock i's left column, 0 … {@value #MAX_ROCK_COLUMN}. */
    public int rockColumn(int i) {
        return rockColumn[checkRock(i)];
    }

    /** Rock i's top row, 0 … {@value #SIDE} − 1. */
    public int rockRow(int i) {
        return rockRow[checkRock(i)];
    }

    public DodgeParams params() {
        return params;
    }

    /** Puts a rock with top-left cell (column, row) in play: for tests that build a position by hand. */
    void addRock(int column, int row) {
        if (rocks == MAX_ROCKS) throw new IllegalStateException("already " + MAX_ROCKS + " rocks");
        rockColumn[rocks] = column;
        rockRow[rocks] = row;
        rocks++;
    }

    private int checkRock(int i) {
        if (i < 0 || i >= rocks) throw new IndexOutOfBoundsException("rock " + i + " of " + rocks);
        return i;
    }
}
