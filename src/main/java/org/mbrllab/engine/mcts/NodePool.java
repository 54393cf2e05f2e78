package org.mbrllab.engine.mcts;

import java.util.Arrays;

/**
 * The nodes of an {@link Mcts} tree as parallel arrays indexed by node id, so that a simulation allocates
 * nothing and selection reads plain arrays. Node 0 is the root. A node gets its id when its move is first
 * tried, so every node comes after its parent; its children form a list (newest first) through
 * {@link #firstChild} and {@link #nextSibling}.
 *
 * <p>The arrays start at {@value #INITIAL_CAPACITY} nodes and double when full, up to
 * {@link #maxNodes}; past that {@link #add} refuses.
 */
final class NodePool {

    /** "No node" / "no move". */
    static final int NONE = -1;
    static final int ROOT = 0;
    static final int INITIAL_CAPACITY = 1 << 12;

    /** Move indices per node: the width of a node's row in {@link #priors}. */
    private final int moves;
    private int maxNodes;
    int size;
    int capacity;

    int[] parent;
    int[] firstChild;
    int[] nextSibling;
    /** Legal moves of the node's position that have no child node yet (a bitmask). */
    int[] untried;
    /** N: simulations that passed through the node. */
    int[] visits;
    /** The move from the parent into the node (−1 for the root). */
    byte[] move;
    /** W: the sum of backed-up values, from the view of the side that played {@link #move}. */
    double[] valueSum;
    /** P(s, a) at {@code node·moves + a}; null unless the evaluator provides priors. */
    float[] priors;
    private int[] remap;

    NodePool(int moves, int maxNodes, boolean withPriors) {
        this.moves = moves;
        this.maxNodes = maxNodes;
        allocate(Math.min(INITIAL_CAPACITY, maxNodes), withPriors);
    }

    /** Most nodes from now on; a smaller number than the nodes held only stops growth. */
    void setMaxNodes(int max) {
        maxNodes = max;
    }

    /** Drops every node and makes a root whose position has the legal moves {@code legal}. */
    void reset(int legal) {
        size = 1;
        parent[ROOT] = NONE;
        firstChild[ROOT] = NONE;
        nextSibling[ROOT] = NONE;
        move[ROOT] = NONE;
        untried[ROOT] = legal;
        visits[ROOT] = 0;
        valueSum[ROOT] = 0;
    }

    /** Starts or stops keeping priors (the tree should be reset afterwards). */
    void keepPriors(boolean keep) {
        priors = keep ? new float[capacity * moves] : null;
    }

    /**
     * Adds the child of {@code node} for move {@code m}, whose position has the legal moves {@code legal},
     * with N = W = 0; the move leaves the node's untried moves.
     *
     * @return the child's id, or {@link #NONE} when the pool is full
     */
    int add(int node, int m, int legal) {
        if (size == capacity && !grow()) return NONE;
        int n = size++;
        parent[n] = node;
        move[n] = (byte) m;
        untried[n] = legal;
        visits[n] = 0;
        valueSum[n] = 0;
        firstChild[n] = NONE;
        nextSibling[n] = firstChild[node];
        firstChild[node] = n;
        untried[node] &= ~(1 << m);
        return n;
    }

    /** The child of {@code node} for move {@code m}, or {@link #NONE}. */
    int child(int node, int m) {
        for (int ch = firstChild[node]; ch != NONE; ch = nextSibling[ch]) if (move[ch] == m) return ch;
        return NONE;
    }

    /** Q = W/N for the side that moved into {@code node}; NaN when unvisited. */
    double q(int node) {
        return visits[node] == 0 ? Double.NaN : valueSum[node] / visits[node];
    }

    /** The legal moves of {@code node}'s position: its untried moves and its children's. */
    int legalAt(int node) {
        int legal = untried[node];
        for (int ch = firstChild[node]; ch != NONE; ch = nextSibling[ch]) legal |= 1 << move[ch];
        return legal;
    }

    /** The children of {@code node} by decreasing visits (ties: lower move first). */
    int[] childrenByVisits(int node) {
        int count = 0;
        for (int ch = firstChild[node]; ch != NONE; ch = nextSibling[ch]) count++;
        Integer[] kids = new Integer[count];
        int i = 0;
        for (int ch = firstChild[node]; ch != NONE; ch = nextSibling[ch]) kids[i++] = ch;
        Arrays.sort(kids, (a, b) -> visits[a] != visits[b] ? Integer.compare(visits[b], visits[a]) : Integer.compare(move[a], move[b]));
        return Arrays.stream(kids).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Keeps only the subtree of {@code newRoot}, which becomes node 0. Children always come after their
     * parents, so one pass in id order finds the subtree (a node is kept when its parent is) and moves
     * each kept node down to its new id without overwriting a node not yet moved.
     */
    void compact(int newRoot) {
        if (remap == null || remap.length < capacity) remap = new int[capacity];
        int count = 0;
        for (int i = newRoot; i < size; i++) {
            boolean keep = i == newRoot || (parent[i] >= newRoot && remap[parent[i]] >= 0);
            remap[i] = keep ? count++ : NONE;
        }
        for (int i = newRoot; i < size; i++) {
            int d = remap[i];
            if (d < 0) continue;
            parent[d] = i == newRoot ? NONE : remap[parent[i]];
            firstChild[d] = firstChild[i] == NONE ? NONE : remap[firstChild[i]];
            nextSibling[d] = i == newRoot || nextSibling[i] == NONE ? NONE : remap[nextSibling[i]];
            move[d] = i == newRoot ? NONE : move[i];
            untried[d] = untried[i];
            visits[d] = visits[i];
            valueSum[d] = valueSum[i];
            if (priors != null) System.arraycopy(priors, i * moves, priors, d * moves, moves);
        }
        size = count;
    }

    private void allocate(int cap, boolean withPriors) {
        capacity = cap;
        parent = new int[cap];
        firstChild = new int[cap];
        nextSibling = new int[cap];
        untried = new int[cap];
        visits = new int[cap];
        move = new byte[cap];
        valueSum = new double[cap];
        priors = withPriors ? new float[cap * moves] : null;
    }

    private boolean grow() {
        if (capacity >= maxNodes) return false;
        int cap = (int) Math.min(maxNodes, 2L * capacity);
        capacity = cap;
        parent = Arrays.copyOf(parent, cap);
        firstChild = Arrays.copyOf(firstChild, cap);
        nextSibling = Arrays.copyOf(nextSibling, cap);
        untried = Arrays.copyOf(untried, cap);
        visits = Arrays.copyOf(visits, cap);
        move = Arrays.copyOf(move, cap);
        valueSum = Arrays.copyOf(valueSum, cap);
        if (priors != null) priors = Arrays.copyOf(priors, cap * moves);
        return true;
    }
}
