package org.mbrllab.engine.dp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Engine;

/**
 * The sweep machinery shared by the dynamic-programming algorithms of Sutton &amp; Barto (2018),
 * chapter 4: {@link PolicyEvaluation}, {@link PolicyIteration} and {@link ValueIteration}. A subclass says
 * what one state's backup is; this class runs the sweeps, one backup or one sweep per {@link #step()}.
 *
 * <h2>Sweeps</h2>
 * A sweep backs up every state that is neither wall nor terminal once, in row-major order.
 * {@link Sweep#SYNCHRONOUS} reads the previous sweep's values and writes into a second array, swapped
 * when the sweep ends; {@link Sweep#IN_PLACE} overwrites as it goes (Gauss–Seidel). A sweep's size is
 * max|ΔV|, the largest change it made; a sweep smaller than the tolerance θ ends an evaluation.
 * A whole sweep of value iteration goes through a {@link GridStencil}, which reads the neighbours at fixed
 * offsets (or, where a move bumps, through stored neighbours) instead of walking outcome lists and gives the
 * values of the state-by-state backups to rounding;
 * single backups always go state by state, so that they can be written out
 * ({@link DpSnapshot#lastBackup()}).
 *
 * <h2>Divergence</h2>
 * {@link #step()} throws {@link DivergenceException} when a value leaves [−10⁹, 10⁹] or stops being
 * finite, and, with γ = 1, before the first sweep when the values provably grow without bound (a region
 * the evaluated policy never leaves, or that no move leaves, where every step costs or every step pays;
 * for value iteration also a loop of moves that never costs and sometimes pays; see {@link Undiscounted}).
 * After that every step throws again, until {@link #setWorld} changes the world.
 *
 * <h2>Threads</h2>
 * A solver is confined to one thread; {@link #snapshot()} hands out copies.
 */
public abstract sealed class DpSolver implements Engine<DpSnapshot>
        permits PolicyEvaluation, PolicyIteration, ValueIteration {

    /** Actions whose q lie within this of the best count as tied, in greedy policies and arrows. */
    public static final double TIE_TOLERANCE = 1e-9;
    /** A value beyond ± this means divergence. */
    public static final double DIVERGENCE_LIMIT = 1e9;

    private final Algorithm algorithm;
    private final int maxIterations;
    final EvaluatedPolicy evaluatedPolicy;

    GridWorld world;
    TabularMdp mdp;
    private Sweep sweep;
    private Sweep nextSweep;
    private Granularity granularity;
    private double tolerance;

    /** V: the values all backups read (and, in place, write). */
    double[] v;
    /** Synchronous sweeps write here; swapped with {@link #v} when the sweep ends. */
    private double[] vNew;
    /** Position in {@code mdp.order} of the next state of the current sweep; −1 between sweeps. */
    private int pos = -1;
    private double sweepDelta;

    int iterations;
    private int iterationsAtReconfigure;
    private long backups;
    long transitionTerms;
    private final DoubleList sweepDeltas = new DoubleList();
    final List<Integer> policyChanges = new ArrayList<>();
    private final List<Integer> reconfigurations = new ArrayList<>();
    boolean done;
    boolean converged;
    private DivergenceException divergence;
    private boolean boundChecked;
    private BackupDetail lastBackup;
    /** Whether whole sweeps may go through {@link #stencil}; see {@link #setStencilSweeps}. */
    private boolean stencilSweeps = true;
    /** Built at the first whole sweep that uses it, and again after {@link #setWorld}; null until then. */
    GridStencil stencil;

    DpSolver(Algorithm algorithm, GridWorld world, DpSettings settings) {
        this.algorithm = algorithm;
        this.world = Objects.requireNonNull(world, "world");
        this.mdp = world.mdp();
        this.sweep = settings.sweep();
        this.nextSweep = settings.sweep();
        this.granularity = settings.granularity();
        this.tolerance = settings.tolerance();
        this.maxIterations = settings.maxIterations();
        this.evaluatedPolicy = settings.evaluatedPolicy();
        this.v = new double[mdp.states];
        this.vNew = new double[mdp.states];
    }

    /** A solver for {@code algorithm} on {@code world}, with all values 0. */
    public static DpSolver create(Algorithm algorithm, GridWorld world, DpSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return switch (algorithm) {
            case POLICY_EVALUATION -> new PolicyEvaluation(world, settings);
            case POLICY_ITERATION -> new PolicyIteration(world, settings);
            case VALUE_ITERATION -> new ValueIteration(world, settings);
        };
    }

    // ---------------------------------------------------------------- what a subclass defines

    /** The new value of backed-up state {@code s}, reading {@code read}; adds to {@link #transitionTerms}. */
    abstract double backup(int s, double[] read);

    /** Whether the current backups take the max over actions (else the expectation over π). */
    abstract boolean usesMax();

    /** The bitmask of the policy followed in {@code s}, for π(a|s) in explanations and the snapshot. */
    abstract int policyMask(int s);

    /** Called after each completed value sweep with its max|ΔV|. */
    abstract void valueSweepDone(double delta);

    /** The evaluated policy for the γ = 1 check, or null to ask whether any actions at all escape. */
    abstract int[] boundedPolicy();

    /**
     * Whether the backup is value iteration's max over actions in every sweep, so that a whole sweep may
     * be done by a {@link GridStencil} with the same result.
     */
    boolean sweepsAsStencil() { return false; }

    /** Policy iteration: whether the current sweep improves the policy instead of backing up values. */
    boolean improving() { return false; }

    /** Policy iteration: improves the policy in {@code s}. */
    void improve(int s) { throw new UnsupportedOperationException(); }

    /** Policy iteration: called when an improvement sweep is complete. */
    void improvementSweepDone() { throw new UnsupportedOperationException(); }

    /** "evaluation" or "improvement" for policy iteration; "" for the others. */
    String phase() { return ""; }

    /** The world changed; {@code oldIndex[s]} is the old index of new state s (same row and column), or −1. */
    void worldChanged(int[] oldIndex, TabularMdp oldMdp) {}

    /** The solver was done and the tolerance tightened: start evaluating again. */
    void reopened() {}

    /** Every action allowed: the equiprobable random policy. */
    static final int ALL_ACTIONS = (1 << Action.COUNT) - 1;

    /**
     * The expectation backup of a policy that is uniform over the actions in {@code mask}:
     * Σ_a π(a|s) Σ_{s'} p(s'|s, a)·[r + γ·V(s')] with π(a|s) = 1/|mask| for the actions in the mask.
     * Adds the outcomes it evaluated to {@link #transitionTerms}.
     */
    final double expectedValue(int s, int mask, double[] read) {
        TabularMdp m = mdp;
        int[] first = m.first;
        int[] next = m.next;
        double[] prob = m.prob;
        double sum = 0;
        int count = 0;
        int terms = 0;
        for (int a = 0; a < Action.COUNT; a++) {
            if (((mask >> a) & 1) == 0) continue;
            int sa = s * Action.COUNT + a;
            int end = first[sa + 1];
            double acc = 0;
            for (int k = first[sa]; k < end; k++) acc += prob[k] * read[next[k]];
            sum += m.expectedReward[sa] + m.gamma * acc;
            count++;
            terms += end - first[sa];
        }
        transitionTerms += terms;
        return sum / count;
    }

    /** The equiprobable random policy on the states of {@code m}: every action in every backed-up state. */
    static int[] randomPolicy(TabularMdp m) {
        int[] policy = new int[m.states];
        for (int s : m.order) policy[s] = ALL_ACTIONS;
        return policy;
    }

    /** Whether the next value sweep must check again that γ = 1 values stay bounded. */
    final void recheckBounds() {
        boundChecked = false;
    }

    // ---------------------------------------------------------------- stepping

    /**
     * One backup or the rest of the current sweep, per the granularity. When the sweep ends, the algorithm
     * decides whether it has converged.
     *
     * @return false when there is nothing left to do: converged, or {@code maxIterations} reached
     * @throws DivergenceException when the values grow without bound (see the class comment)
     */
    @Override
    public final boolean step() {
        if (divergence != null) throw new DivergenceException(divergence.getMessage());
        if (done) return false;
        lastBackup = null;
        if (pos < 0) {
            sweep = nextSweep;
            sweepDelta = 0;
            pos = 0;
        }
        int[] order = mdp.order;
        int end = granularity == Granularity.SWEEP ? order.length : Math.min(pos + 1, order.length);
        if (improving()) {
            for (int i = pos; i < end; i++) improve(order[i]);
            if (granularity == Granularity.BACKUP && pos < end) lastBackup = explain(order[pos], v, v[order[pos]], true);
            backups += end - pos;
            pos = end;
            if (pos == order.length) {
                pos = -1;
                improvementSweepDone();
                stopAtMaxIterations();
            }
        } else {
            if (!boundChecked) {
                boundChecked = true;
                checkBounded();
            }
            if (granularity == Granularity.SWEEP && pos == 0 && stencilSweeps && sweepsAsStencil()) {
                stencilSweep();
            } else {
                if (granularity == Granularity.BACKUP && pos < end) {
                    lastBackup = explain(order[pos], v, Double.NaN, false);
                }
                sweepRange(pos, end);
                if (lastBackup != null) lastBackup = withNewValue(lastBackup);
            }
            if (pos == order.length) {
                if (sweep == Sweep.SYNCHRONOUS) {
                    double[] t = v;
                    v = vNew;
                    vNew = t;
                }
                pos = -1;
                sweepDeltas.add(sweepDelta);
                valueSweepDone(sweepDelta);
                stopAtMaxIterations();
            }
        }
        return !done;
    }

    /** Backs up the states at positions [from, to) of the sweep order, tracking max|ΔV| and divergence. */
    private void sweepRange(int from, int to) {
        int[] order = mdp.order;
        double[] read = v;
        double[] write = sweep == Sweep.SYNCHRONOUS ? vNew : v;
        double delta = sweepDelta;
        for (int i = from; i < to; i++) {
            int s = order[i];
            double value = backup(s, read);
            double change = Math.abs(value - v[s]);
            write[s] = value;
            if (change > delta) delta = change;
            if (!(Math.abs(value) <= DIVERGENCE_LIMIT)) {
                sweepDelta = delta;
                backups += i + 1 - from;
                pos = i + 1;
                throw diverge(value);
            }
        }
        sweepDelta = delta;
        backups += to - from;
        pos = to;
    }

    /**
     * A whole sweep through the {@link GridStencil}: the same values, counters and divergence as
     * {@code sweepRange(0, order.length)}.
     */
    private void stencilSweep() {
        if (stencil == null) stencil = new GridStencil(world);
        int[] order = mdp.order;
        if (sweep == Sweep.SYNCHRONOUS) {
            double delta = stencil.sweepSynchronous(v, vNew, DIVERGENCE_LIMIT);
            if (Double.isNaN(delta)) {
                // A value left the limit: the general path, from the same v, finds the first and throws.
                sweepRange(0, order.length);
                throw new IllegalStateException("the general sweep did not diverge where the stencil did");
            }
            sweepDelta = delta;
        } else {
            sweepDelta = stencil.sweepInPlace(v, DIVERGENCE_LIMIT);
            int failed = stencil.failedAt();
            if (failed >= 0) {
                int at = Arrays.binarySearch(order, failed);
                backups += at + 1;
                pos = at + 1;
                transitionTerms += mdp.first[(failed + 1) * Action.COUNT];
                throw diverge(v[failed]);
            }
        }
        backups += order.length;
        pos = order.length;
        transitionTerms += mdp.first[mdp.states * Action.COUNT];
    }

    private void stopAtMaxIterations() {
        if (!done && iterations - iterationsAtReconfigure >= maxIterations) done = true;
    }

    /** The {@code maxIterations} setting (policy iteration also bounds the sweeps of one evaluation by it). */
    final int maxIterations() {
        return maxIterations;
    }

    /** Whether a sweep of size {@code delta} ends an evaluation: below θ, or an exact fixed point. */
    final boolean belowTolerance(double delta) {
        return delta < tolerance || delta == 0;
    }

    /** Runs until converged or {@code maxIterations}, and returns the result. */
    public DpResult solve() {
        while (step()) {
            // every step does its own work
        }
        DpSnapshot s = snapshot();
        return new DpResult(s.values(), s.greedy(), iterations, converged, backups);
    }

    @Override
    public final boolean isDone() {
        return done;
    }

    // ---------------------------------------------------------------- divergence

    private void checkBounded() {
        if (mdp.gamma < 1) return;
        String why = Undiscounted.whyUnbounded(world, boundedPolicy(), policyName());
        if (why != null) {
            divergence = new DivergenceException(why);
            done = true;
            throw divergence;
        }
    }

    private String policyName() {
        return switch (algorithm) {
            case VALUE_ITERATION -> "";
            case POLICY_ITERATION -> iterations == 0 ? "the random policy" : "the current policy";
            case POLICY_EVALUATION -> evaluatedPolicy == EvaluatedPolicy.RANDOM ? "the random policy" : "the greedy policy";
        };
    }

    private DivergenceException diverge(double value) {
        int sweeps = sweepDeltas.size();
        String passed = !Double.isFinite(value) ? "Values stopped being finite (" + Format.number(value) + ")"
                : "Values passed " + (value < 0 ? "−" : "") + "1e9";
        String where = " after " + sweeps + (sweeps == 1 ? " sweep" : " sweeps");
        String why = mdp.gamma >= 1
                ? ": with γ = 1 the return is unbounded unless every policy reaches a terminal cell. Lower γ or add a goal."
                : ": with γ = " + Format.number(mdp.gamma) + " a reward r per step adds up to about r/(1 − γ) = "
                  + Format.fixed(1 / (1 - mdp.gamma), 0) + "·r. Lower γ.";
        divergence = new DivergenceException(passed + where + why);
        done = true;
        return divergence;
    }

    // ---------------------------------------------------------------- settings

    /**
     * Whether whole value-iteration sweeps go through a {@link GridStencil} (the default) or back up
     * state by state over the MDP's outcome lists. The values are the same either way; the switch is
     * there so that benchmarks and tests can compare the two. Single backups
     * ({@link Granularity#BACKUP}), the rest of a sweep begun that way, and the other algorithms always
     * take the general path.
     */
    public void setStencilSweeps(boolean on) {
        stencilSweeps = on;
    }

    /** See {@link #setStencilSweeps}. */
    public boolean stencilSweeps() {
        return stencilSweeps;
    }

    public void setGranularity(Granularity g) {
        granularity = Objects.requireNonNull(g, "granularity");
    }

    /** Takes effect when the next sweep begins; a sweep half done finishes the way it began. */
    public void setSweep(Sweep s) {
        nextSweep = Objects.requireNonNull(s, "sweep");
    }

    /** θ; a tighter θ after convergence makes the solver go on. */
    public void setTolerance(double t) {
        DpSettings.TOLERANCE.validate(t);
        boolean tighter = t < tolerance;
        tolerance = t;
        if (done && converged && divergence == null && tighter) {
            done = false;
            converged = false;
            reopened();
        }
    }

    /** The settings as they stand now. */
    public DpSettings settings() {
        return new DpSettings(nextSweep, granularity, tolerance, maxIterations, evaluatedPolicy);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public GridWorld world() {
        return world;
    }

    /**
     * Goes on in another world: a new γ, a painted wall, a resized grid. What is kept and what is not:
     * <ul>
     *   <li>V is kept for every cell with the same row and column that is backed up in both worlds (a warm
     *       start); new cells, and cells that were walls or terminal, start at 0. After a divergence all
     *       values start at 0.</li>
     *   <li>A sweep half done ends where it is: the values it already computed are kept (what the
     *       student sees, in both sweep modes), the rest keep their old values, and the next step begins
     *       a new sweep. The half sweep does not count as an iteration.</li>
     *   <li>Converged and done are cleared; {@code maxIterations} counts again from here.</li>
     *   <li>The counters and the history go on; {@link DpSnapshot#reconfigurations()} marks where.</li>
     *   <li>Policy iteration keeps its policy where the cell is kept (random elsewhere) and evaluates it
     *       again; a greedy policy evaluation takes the greedy policy of the kept values.</li>
     * </ul>
     */
    public void setWorld(GridWorld newWorld) {
        Objects.requireNonNull(newWorld, "world");
        TabularMdp oldMdp = mdp;
        int oldCols = world.cols();
        int oldRows = world.rows();
        double[] oldV = shownValues();
        boolean keep = divergence == null;
        world = newWorld;
        mdp = newWorld.mdp();
        stencil = null;
        int[] oldIndex = new int[mdp.states];
        v = new double[mdp.states];
        vNew = new double[mdp.states];
        for (int s = 0; s < mdp.states; s++) {
            int r = s / newWorld.cols();
            int c = s % newWorld.cols();
            oldIndex[s] = r < oldRows && c < oldCols ? r * oldCols + c : -1;
            if (keep && mdp.backedUp[s] && oldIndex[s] >= 0 && oldMdp.backedUp[oldIndex[s]]) v[s] = oldV[oldIndex[s]];
        }
        pos = -1;
        sweepDelta = 0;
        done = false;
        converged = false;
        divergence = null;
        boundChecked = false;
        lastBackup = null;
        reconfigurations.add(sweepDeltas.size());
        iterationsAtReconfigure = iterations;
        worldChanged(oldIndex, oldMdp);
    }

    // ---------------------------------------------------------------- explanation and snapshot

    /** The backup of {@code s} written out, reading {@code read}; {@code newValue} NaN = fill in later. */
    private BackupDetail explain(int s, double[] read, double newValue, boolean max) {
        boolean takesMax = max || usesMax();
        int mask = policyMask(s);
        double share = 1.0 / Integer.bitCount(Math.max(mask, 1));
        List<ActionTerm> terms = new ArrayList<>(Action.COUNT);
        for (int a = 0; a < Action.COUNT; a++) {
            int sa = s * Action.COUNT + a;
            List<ActionTerm.Term> outcomes = new ArrayList<>();
            for (int k = mdp.first[sa]; k < mdp.first[sa + 1]; k++) {
                outcomes.add(new ActionTerm.Term(mdp.next[k], mdp.prob[k], mdp.reward[k], read[mdp.next[k]]));
            }
            double weight = takesMax ? Double.NaN : ((mask >> a) & 1) != 0 ? share : 0;
            terms.add(new ActionTerm(Action.of(a), weight, mdp.q(s, a, read), outcomes));
        }
        return new BackupDetail(s, v[s], newValue, takesMax, terms, mdp.gamma);
    }

    private BackupDetail withNewValue(BackupDetail d) {
        double[] written = sweep == Sweep.SYNCHRONOUS ? vNew : v;
        return new BackupDetail(d.state(), d.oldValue(), written[d.state()], d.usesMax(), d.terms(), d.gamma());
    }

    /** The values as a student should see them now (see {@link DpSnapshot#values()}); walls still 0. */
    private double[] shownValues() {
        double[] shown = v.clone();
        if (pos > 0 && sweep == Sweep.SYNCHRONOUS && !improving()) {
            for (int i = 0; i < pos; i++) shown[mdp.order[i]] = vNew[mdp.order[i]];
        }
        return shown;
    }

    @Override
    public DpSnapshot snapshot() {
        int n = mdp.states;
        double[] values = shownValues();
        double[] q = new double[n * Action.COUNT];
        int[] greedy = new int[n];
        int[] policy = new int[n];
        boolean[] walls = world.wallsUnsafe();
        for (int s = 0; s < n; s++) {
            if (!mdp.backedUp[s]) {
                Arrays.fill(q, s * Action.COUNT, (s + 1) * Action.COUNT, Double.NaN);
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < Action.COUNT; a++) {
                q[s * Action.COUNT + a] = mdp.q(s, a, values);
                best = Math.max(best, q[s * Action.COUNT + a]);
            }
            for (int a = 0; a < Action.COUNT; a++) {
                if (q[s * Action.COUNT + a] >= best - TIE_TOLERANCE) greedy[s] |= 1 << a;
            }
            policy[s] = policyMask(s);
        }
        for (int s = 0; s < n; s++) {
            if (walls[s]) values[s] = Double.NaN;
        }
        if (algorithm == Algorithm.VALUE_ITERATION) policy = greedy.clone();
        boolean[] visited = new boolean[n];
        for (int i = 0; i < Math.max(pos, 0); i++) visited[mdp.order[i]] = true;
        int cursor = pos >= 0 && pos < mdp.order.length ? mdp.order[pos] : -1;
        return new DpSnapshot(world.rows(), world.cols(), values, q, greedy, walls.clone(),
                world.terminalsUnsafe().clone(), algorithm, mdp.gamma, iterations, backups, transitionTerms,
                sweepDeltas.copy(), List.copyOf(policyChanges), converged, phase(), cursor, visited, lastBackup,
                policy, List.copyOf(reconfigurations));
    }

    /** The greedy bitmask of every state under {@code values} (0 where not backed up). */
    static int[] greedyMasks(TabularMdp mdp, double[] values) {
        int[] masks = new int[mdp.states];
        double[] q = new double[Action.COUNT];
        for (int s : mdp.order) masks[s] = greedyMask(mdp, s, values, q);
        return masks;
    }

    /**
     * The actions of backed-up state {@code s} whose q is within {@link #TIE_TOLERANCE} of the best.
     *
     * @param q scratch space for the four q values, so that a sweep allocates nothing
     */
    static int greedyMask(TabularMdp mdp, int s, double[] values, double[] q) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < Action.COUNT; a++) {
            q[a] = mdp.q(s, a, values);
            best = Math.max(best, q[a]);
        }
        int mask = 0;
        for (int a = 0; a < Action.COUNT; a++) {
            if (q[a] >= best - TIE_TOLERANCE) mask |= 1 << a;
        }
        return mask;
    }
}
