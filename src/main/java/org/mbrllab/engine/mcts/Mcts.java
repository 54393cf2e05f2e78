package org.mbrllab.engine.mcts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.games.Side;

/**
 * Monte Carlo tree search for two-player games: one search for plain MCTS (UCB1 and rollouts) and for
 * AlphaZero (PUCT and a network), which differ only in the {@link SelectionRule} and the
 * {@link Evaluator} (Browne et al. 2012, "A survey of Monte Carlo tree search methods"; Kocsis &amp;
 * Szepesvári 2006, "Bandit based Monte-Carlo planning"; Silver et al. 2017, "Mastering the game of Go
 * without human knowledge").
 *
 * <h2>One simulation</h2>
 * <ol>
 *   <li><b>Selection.</b> From the root, repeatedly take the child maximising Q(s, a) + U(s, a) (see
 *       {@link SelectionRule}), until the chosen move has no node yet, or the game is over.</li>
 *   <li><b>Expansion.</b> Add a node for that move.</li>
 *   <li><b>Simulation.</b> The evaluator values the new position for the side to move there: a rollout
 *       to the end of the game (+1 win, 0 draw, −1 loss), or a network. A finished game is scored
 *       exactly, without the evaluator.</li>
 *   <li><b>Backpropagation.</b> Along the path, N += 1 and W += the value, from the view of the side
 *       that made the move into the node: the leaf's own value is negated for the leaf's node, and the
 *       sign flips at every ply above (negamax). So Q(s, a) = W/N is always "how good is a for the side to
 *       move in s", and every node maximises.</li>
 * </ol>
 * The move played is the root child with the most visits (ties: the higher Q, then the lower move
 * index). The root's value is −W(root)/N(root), the mean backed-up value for the side to move there.
 *
 * <h2>Tie-breaking and determinism</h2>
 * Ties in the selection score (among them, every untried move under UCB1, whose bonus is +∞) are broken
 * uniformly at random with the generator passed in; so are rollout moves. Nothing else is random: the
 * same seed, position, settings and evaluator give the same tree, whether it is grown by
 * {@link #search} or phase by phase with {@link #stepPhase}.
 *
 * <h2>The node pool</h2>
 * Nodes live in the parallel arrays of a {@link NodePool} (parent, children, move, untried moves, N, W
 * and, for an evaluator with priors, P), so a simulation allocates nothing. When the pool holds
 * {@link MctsSettings#maxNodes()} nodes, simulations go on without adding nodes: the move chosen at the
 * leaf is played and evaluated, and the backup stops at its parent.
 *
 * <h2>Tree reuse</h2>
 * {@link #advance} moves the root to the child of the move played, keeping that subtree (compacted in
 * place, ids renumbered) when {@link MctsSettings#reuseTree()} is on; otherwise the tree starts afresh.
 *
 * <h2>Threads</h2>
 * A search is confined to one thread.
 */
public final class Mcts {

    /** "No node" / "no move". */
    static final int NONE = NodePool.NONE;
    /** The root's node id. */
    public static final int ROOT = NodePool.ROOT;

    private final Game game;
    private final int slots;
    private final RandomGenerator rng;
    private Evaluator evaluator;
    private MctsSettings settings;
    private SelectionRule rule;
    private double c;

    private final GameState rootState;
    /** The position of the simulation in flight: the root, then the moves of the path, then the rollout. */
    private final GameState work;

    /** The tree. */
    final NodePool tree;

    // ------------------------------------------------------------ the simulation in flight
    /** Node ids from the root to the leaf (the new node, if one was stored). */
    final int[] path;
    int pathLength;
    /** The move chosen at the leaf by selection, or −1 when the leaf's game is over. */
    int pendingMove = NONE;
    /** Whether expansion stored a node for {@link #pendingMove} (false when the pool is full). */
    boolean stored;
    /** The side to move in the evaluated position. */
    int leafSide;
    /** The value of the evaluated position for {@link #leafSide}. */
    double leafValue;
    /** Moves the evaluator played (a rollout's length). */
    int rolloutLength;
    private Phase next = Phase.SELECT;
    private final double[] priorScratch;
    /** The evaluator's priors at the root, before {@link #rootNoise} is mixed in. */
    private final double[] rootCleanPriors;
    private RootNoise rootNoise = RootNoise.OFF;

    private long simulations;
    private int treeVersion;

    /**
     * A search from {@code root} (copied).
     *
     * @param rng breaks ties and drives rollouts; a seeded one (e.g. {@link org.mbrllab.engine.core.Seeds#fast})
     *            makes the tree reproducible
     */
    public Mcts(GameState root, MctsSettings settings, Evaluator evaluator, RandomGenerator rng) {
        Objects.requireNonNull(root, "root");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.rng = Objects.requireNonNull(rng, "rng");
        this.game = root.game();
        this.slots = game.moves();
        this.rule = settings.rule();
        this.c = settings.c();
        this.rootState = root.copy();
        this.work = root.copy();
        this.path = new int[game.boardLength() + 2];
        this.priorScratch = new double[slots];
        this.rootCleanPriors = new double[slots];
        this.tree = new NodePool(slots, settings.maxNodes(), evaluator.providesPriors());
        resetTree();
    }

    // ================================================================ searching

    /** Finishes a simulation left half-done by {@link #stepPhase}, then runs {@code n} whole simulations. */
    public void search(int n) {
        if (n < 0) throw new IllegalArgumentException("simulations must be ≥ 0, got " + n);
        finishSimulation();
        for (int i = 0; i < n; i++) {
            select();
            expand();
            simulate(null);
            backup();
        }
    }

    /**
     * Runs the next phase of the current simulation and returns it.
     *
     * @param rolloutMoves null, or an array of at least {@link Game#boardLength()} entries that receives the
     *                     rollout's moves when the phase is {@link Phase#SIMULATE}
     */
    public Phase stepPhase(int[] rolloutMoves) {
        Phase done = next;
        switch (done) {
            case SELECT -> select();
            case EXPAND -> expand();
            case SIMULATE -> simulate(rolloutMoves);
            case BACKUP -> backup();
        }
        next = done.next();
        return done;
    }

    /** The phase the next {@link #stepPhase} runs; {@link Phase#SELECT} between simulations. */
    public Phase nextPhase() {
        return next;
    }

    /** Runs the phases left of the current simulation, if one is half-done. */
    public void finishSimulation() {
        while (next != Phase.SELECT) stepPhase(null);
    }

    // 1. Selection
    private void select() {
        GameState w = work;
        NodePool t = tree;
        w.copyFrom(rootState);
        int node = ROOT;
        path[0] = ROOT;
        pathLength = 1;
        pendingMove = NONE;
        stored = false;
        rolloutLength = 0;
        while (t.firstChild[node] != NONE || t.untried[node] != 0) {
            int choice = rule == SelectionRule.UCB1 ? chooseUcb1(node) : choosePuct(node);
            if (choice < 0) {
                pendingMove = ~choice;
                return;
            }
            w.play(t.move[choice]);
            path[pathLength++] = choice;
            node = choice;
        }
    }

    /**
     * The child UCB1 picks at {@code node}: its id, or {@code ~move} for an untried move (any untried move
     * wins, its bonus being +∞). Exactly Q + c·√(ln N(s)/N(s, a)); exact ties are broken uniformly at random.
     */
    int chooseUcb1(int node) {
        NodePool t = tree;
        int open = t.untried[node];
        if (open != 0) return ~GameState.randomBit(open, rng);
        double logN = Math.log(t.visits[node]);
        double best = Double.NEGATIVE_INFINITY;
        int choice = NONE;
        int ties = 0;
        int[] n = t.visits;
        double[] w = t.valueSum;
        int[] next = t.nextSibling;
        for (int ch = t.firstChild[node]; ch != NONE; ch = next[ch]) {
            int visitsA = n[ch];
            double score = w[ch] / visitsA + c * Math.sqrt(logN / visitsA);
            if (score > best) {
                best = score;
                choice = ch;
                ties = 1;
            } else if (score == best && rng.nextInt(++ties) == 0) {
                choice = ch;
            }
        }
        return choice;
    }

    /**
     * The child PUCT picks at {@code node} (whose position {@link #work} holds): its id, or {@code ~move}
     * for an untried move, which scores c_puct·P·√N(s) (Q = 0, N = 0).
     */
    int choosePuct(int node) {
        NodePool t = tree;
        double sqrtN = Math.sqrt(t.visits[node]);
        float[] p = t.priors;
        int base = node * slots;
        double uniform = p == null ? 1.0 / Integer.bitCount(work.legalMoves()) : 0;
        double best = Double.NEGATIVE_INFINITY;
        int choice = NONE;
        int ties = 0;
        for (int ch = t.firstChild[node]; ch != NONE; ch = t.nextSibling[ch]) {
            int visitsA = t.visits[ch];
            double prior = p == null ? uniform : p[base + t.move[ch]];
            double score = t.valueSum[ch] / visitsA + c * prior * sqrtN / (1 + visitsA);
            if (score > best) {
                best = score;
                choice = ch;
                ties = 1;
            } else if (score == best && rng.nextInt(++ties) == 0) {
                choice = ch;
            }
        }
        int open = t.untried[node];
        if (open == 0) return choice;
        if (p == null) {
            // All untried moves score the same: treat them as one group of k tied candidates.
            double score = c * uniform * sqrtN;
            int k = Integer.bitCount(open);
            if (score > best) {
                choice = ~GameState.nthBit(open, rng.nextInt(k));
            } else if (score == best) {
                int r = rng.nextInt(ties + k);
                if (r < k) choice = ~GameState.nthBit(open, r);
            }
            return choice;
        }
        for (int rest = open; rest != 0; rest &= rest - 1) {
            int m = Integer.numberOfTrailingZeros(rest);
            double score = c * p[base + m] * sqrtN;
            if (score > best) {
                best = score;
                choice = ~m;
                ties = 1;
            } else if (score == best && rng.nextInt(++ties) == 0) {
                choice = ~m;
            }
        }
        return choice;
    }

    // 2. Expansion
    private void expand() {
        if (pendingMove == NONE) return; // the leaf's game is over: nothing to add
        work.play(pendingMove);
        int n = tree.add(path[pathLength - 1], pendingMove, work.legalMoves());
        if (n == NONE) return; // pool full: the move is played, but no node stored
        path[pathLength++] = n;
        stored = true;
    }

    // 3. Simulation
    private void simulate(int[] rolloutMoves) {
        GameState w = work;
        leafSide = w.toMove();
        int before = w.plies();
        if (w.isOver()) {
            leafValue = Side.outcome(w.winner(), leafSide);
        } else if (tree.priors != null && stored) {
            Arrays.fill(priorScratch, 0);
            leafValue = evaluator.evaluate(w, rng, priorScratch, rolloutMoves);
            storePriors(path[pathLength - 1]);
        } else {
            leafValue = evaluator.evaluate(w, rng, null, rolloutMoves);
        }
        rolloutLength = w.plies() - before;
    }

    // 4. Backpropagation
    private void backup() {
        // The last node on the path is the evaluated position's node, entered by the opponent of leafSide:
        // it gets −value. Only when the pool was full is the evaluated position one ply below the path.
        double v = pendingMove != NONE && !stored ? leafValue : -leafValue;
        int[] n = tree.visits;
        double[] w = tree.valueSum;
        for (int i = pathLength - 1; i >= 0; i--) {
            int node = path[i];
            n[node]++;
            w[node] += v;
            v = -v;
        }
        simulations++;
    }

    private void storePriors(int node) {
        int base = node * slots;
        for (int legal = tree.untried[node]; legal != 0; legal &= legal - 1) {
            int m = Integer.numberOfTrailingZeros(legal);
            tree.priors[base + m] = (float) priorScratch[m];
        }
    }

    // ================================================================ results

    /** The root child with the most visits (ties: higher Q, then lower move); −1 before any simulation. */
    public int bestMove() {
        NodePool t = tree;
        int best = NONE;
        for (int ch = t.firstChild[ROOT]; ch != NONE; ch = t.nextSibling[ch]) {
            if (best == NONE || t.visits[ch] > t.visits[best] || (t.visits[ch] == t.visits[best]
                    && (t.q(ch) > t.q(best) || (t.q(ch) == t.q(best) && t.move[ch] < t.move[best])))) {
                best = ch;
            }
        }
        return best == NONE ? NONE : t.move[best];
    }

    /** −W/N at the root: the mean backed-up value for the side to move there; NaN before any simulation. */
    public double rootValue() {
        return tree.visits[ROOT] == 0 ? Double.NaN : -tree.valueSum[ROOT] / tree.visits[ROOT];
    }

    /** N(root, a) per move index a: −1 for an illegal move, 0 for a legal move not tried yet. */
    public int[] rootVisits() {
        int[] out = new int[slots];
        Arrays.fill(out, NONE);
        for (int legal = rootState.legalMoves(); legal != 0; legal &= legal - 1) out[Integer.numberOfTrailingZeros(legal)] = 0;
        for (int ch = tree.firstChild[ROOT]; ch != NONE; ch = tree.nextSibling[ch]) out[tree.move[ch]] = tree.visits[ch];
        return out;
    }

    /** Q(root, a) per move index a, for the side to move at the root; NaN for illegal and untried moves. */
    public double[] rootQ() {
        double[] out = new double[slots];
        Arrays.fill(out, Double.NaN);
        for (int ch = tree.firstChild[ROOT]; ch != NONE; ch = tree.nextSibling[ch]) out[tree.move[ch]] = tree.q(ch);
        return out;
    }

    /** P of the move into {@code node}, from its parent's priors or uniform. */
    double prior(int node) {
        int p = tree.parent[node];
        if (p == NONE) return 1;
        if (tree.priors != null) return tree.priors[p * slots + tree.move[node]];
        return 1.0 / Integer.bitCount(tree.legalAt(p));
    }

    /** The position at {@code node}, rebuilt from the root. */
    GameState stateAt(int node) {
        int depth = 0;
        for (int n = node; n != ROOT; n = tree.parent[n]) depth++;
        int[] moves = new int[depth];
        for (int n = node; n != ROOT; n = tree.parent[n]) moves[--depth] = tree.move[n];
        GameState s = rootState.copy();
        for (int m : moves) s.play(m);
        return s;
    }

    /** Completed simulations since the root was set (reused visits not counted). */
    public long simulations() { return simulations; }

    /** Nodes in the tree. */
    public int nodeCount() { return tree.size; }

    /** Changes whenever node ids are reassigned (a new root), so that a view knows its ids are stale. */
    public int treeVersion() { return treeVersion; }

    /** A copy of the root position. */
    public GameState rootState() { return rootState.copy(); }

    public Game game() { return game; }

    public MctsSettings settings() { return settings; }

    public Evaluator evaluator() { return evaluator; }

    // ================================================================ changing the search

    /**
     * New settings. Rule and c apply from the next selection; the tree is kept. A smaller pool size only
     * stops further growth.
     */
    public void setSettings(MctsSettings s) {
        settings = Objects.requireNonNull(s, "settings");
        rule = s.rule();
        c = s.c();
        tree.setMaxNodes(s.maxNodes());
    }

    /**
     * A new evaluator. The tree is kept, unless the new one provides priors and the old one did not (or
     * the other way round): then it starts afresh.
     */
    public void setEvaluator(Evaluator e) {
        Objects.requireNonNull(e, "evaluator");
        boolean priorsChange = e.providesPriors() != evaluator.providesPriors();
        finishSimulation();
        evaluator = e;
        if (priorsChange) {
            tree.keepPriors(e.providesPriors());
            resetTree();
        }
    }

    /** Plays {@code move} at the root: keeps its subtree when reuse is on, else starts a fresh tree. */
    public void advance(int m) {
        finishSimulation();
        if (!rootState.isLegal(m)) {
            throw new IllegalArgumentException(game.moveName(m) + " is not a legal move on " + rootState.board());
        }
        int child = tree.child(ROOT, m);
        rootState.play(m);
        if (!settings.reuseTree() || child == NONE) {
            resetTree();
        } else {
            tree.compact(child);
            captureRootPriors();
            simulations = 0;
            pathLength = 0;
            treeVersion++;
        }
    }

    /** Starts afresh from {@code state} (copied), which must be a position of the same game. */
    public void setRoot(GameState state) {
        if (state.game() != game) throw new IllegalArgumentException("a " + game + " search cannot take a " + state.game() + " position");
        finishSimulation();
        rootState.copyFrom(state);
        resetTree();
    }

    private void resetTree() {
        tree.reset(rootState.legalMoves());
        simulations = 0;
        pathLength = 0;
        next = Phase.SELECT;
        treeVersion++;
        if (tree.priors != null && !rootState.isOver()) {
            // The root's priors come from one evaluation of the root, whose value is not backed up.
            Arrays.fill(priorScratch, 0);
            work.copyFrom(rootState);
            evaluator.evaluate(work, rng, priorScratch, null);
            storePriors(ROOT);
            captureRootPriors();
        }
    }

    // ================================================================ root noise (AlphaZero self-play)

    /**
     * Dirichlet noise on the root's priors from now on: mixed in at once, and again whenever the root
     * changes ({@link #advance}, {@link #setRoot}). {@link RootNoise#OFF} (the default) restores the
     * evaluator's priors. Without priors (rollouts) nothing changes.
     */
    public void setRootNoise(RootNoise noise) {
        finishSimulation();
        rootNoise = Objects.requireNonNull(noise, "noise");
        applyRootNoise();
    }

    public RootNoise rootNoise() {
        return rootNoise;
    }

    /**
     * P(root, a) per move index a as selection uses it (noise included): 0 for illegal moves; uniform over
     * the legal moves when the evaluator gives no priors.
     */
    public double[] rootPriors() {
        double[] out = new double[slots];
        int legal = rootState.legalMoves();
        for (int rest = legal; rest != 0; rest &= rest - 1) {
            int m = Integer.numberOfTrailingZeros(rest);
            out[m] = tree.priors == null ? 1.0 / Integer.bitCount(legal) : tree.priors[ROOT * slots + m];
        }
        return out;
    }

    private void captureRootPriors() {
        if (tree.priors == null) return;
        Arrays.fill(rootCleanPriors, 0);
        for (int rest = rootState.legalMoves(); rest != 0; rest &= rest - 1) {
            int m = Integer.numberOfTrailingZeros(rest);
            rootCleanPriors[m] = tree.priors[ROOT * slots + m];
        }
        applyRootNoise();
    }

    private void applyRootNoise() {
        if (tree.priors == null || rootState.isOver()) return;
        int legal = rootState.legalMoves();
        double[] mixed = rootCleanPriors.clone();
        if (rootNoise.isOn()) rootNoise.mix(rootCleanPriors, legal, rng, mixed);
        for (int rest = legal; rest != 0; rest &= rest - 1) {
            int m = Integer.numberOfTrailingZeros(rest);
            tree.priors[ROOT * slots + m] = (float) mixed[m];
        }
    }

    // ================================================================ for tests and views

    /** Adds a child by hand (tests build small trees with it): node id of the new child. */
    int addChildForTest(int parentNode, int m, int n, double w) {
        GameState s = stateAt(parentNode);
        s.play(m);
        int id = tree.add(parentNode, m, s.legalMoves());
        if (id == NONE) throw new IllegalStateException("pool full");
        tree.visits[id] = n;
        tree.valueSum[id] = w;
        return id;
    }

    /** Sets N of a node by hand (tests). */
    void setVisitsForTest(int node, int n) {
        tree.visits[node] = n;
    }

    /** Selection's choice at the root now: a node id, or ~move for an untried move (tests). */
    int chooseAtRootForTest() {
        work.copyFrom(rootState);
        return rule == SelectionRule.UCB1 ? chooseUcb1(ROOT) : choosePuct(ROOT);
    }

    /** A text dump of the tree to {@code depth} plies, children by visits (for debugging and tests). */
    public String treeString(int depth) {
        StringBuilder sb = new StringBuilder();
        appendTree(sb, ROOT, 0, depth);
        return sb.toString();
    }

    private void appendTree(StringBuilder sb, int node, int level, int depth) {
        sb.append("  ".repeat(level))
                .append(node == ROOT ? "root" : game.moveName(tree.move[node]))
                .append(": N=").append(tree.visits[node])
                .append(" Q=").append(String.format(Locale.ROOT, "%.3f", node == ROOT ? rootValue() : tree.q(node)))
                .append('\n');
        if (level >= depth) return;
        for (int ch : tree.childrenByVisits(node)) appendTree(sb, ch, level + 1, depth);
    }
}
