package org.mbrllab.engine.mcts;

import java.util.List;
import org.mbrllab.engine.games.Game;

/**
 * What a view needs to draw an {@link MctsEngine}: the root's statistics, the visible part of the tree,
 * and the simulation in flight. Everything is a copy owned by the snapshot; arrays are not to be changed.
 *
 * <h2>Perspective</h2>
 * Every Q is "how good for the side that chooses": Q(s, a) is for the side to move in s. A node's
 * {@link NodeView#q} is therefore for the side that played its move (the parent's side to move); the
 * root's own q is {@link #rootValue}, for the side to move at the root.
 *
 * <h2>Node ids</h2>
 * {@link NodeView#id} is stable from one snapshot to the next while {@link #treeVersion} stays the same;
 * a new root (a move played, a reset) renumbers the nodes and changes the version.
 *
 * @param game        the game
 * @param rootBoard   the root position as a board string (see {@link Game})
 * @param rootToMove  the side to move at the root ({@link org.mbrllab.engine.games.Side})
 * @param gameOver    whether the root's game is over (then there is nothing to search)
 * @param winner      the winner when over, else {@link org.mbrllab.engine.games.Side#NONE}
 * @param rule        the selection rule in force
 * @param c           c of UCB1, or c_puct of PUCT
 * @param evaluator   the evaluator, as a student reads it
 * @param budget      simulations per move
 * @param simulations simulations completed for this move (visits kept from a reused tree not counted)
 * @param nodes       nodes in the tree
 * @param treeVersion changes when node ids are renumbered
 * @param nextPhase   the phase the next phase step runs
 * @param bestMove    the move the search would play now (most visits), or −1 before any simulation
 * @param rootValue   the mean backed-up value at the root for the side to move there; NaN before any
 *                    simulation
 * @param rootVisits  N(root, a) per move index: −1 illegal, 0 legal but untried
 * @param rootQ       Q(root, a) per move index; NaN for illegal and untried moves
 * @param rootPrior   P(root, a) per move index; NaN for illegal moves
 * @param tree        the visible tree: up to {@code topK} children per node by visits, down to
 *                    {@code maxDepth} (deeper below the nodes a view expanded, see
 *                    {@link MctsEngine#setExpanded}), plus every node on the current simulation's path
 * @param simulation  the current (or last) simulation, or null when there is none to show
 * @param maxDepth    the depth limit the tree was cut at
 * @param topK        the most children shown per node
 */
public record MctsSnapshot(Game game, String rootBoard, int rootToMove, boolean gameOver, int winner,
                           SelectionRule rule, double c, String evaluator, int budget, long simulations, int nodes,
                           int treeVersion, Phase nextPhase, int bestMove, double rootValue, int[] rootVisits,
                           double[] rootQ, double[] rootPrior, NodeView tree, SimulationView simulation,
                           int maxDepth, int topK) {

    /**
     * One visible node.
     *
     * @param id             its node id (see {@link MctsSnapshot})
     * @param move           the move into it; −1 for the root
     * @param depth          plies below the root
     * @param board          the position at the node, as a board string
     * @param toMove         the side to move there
     * @param visits         N
     * @param q              W/N for the side that played {@code move} (root: for the side to move); NaN
     *                       when N = 0
     * @param prior          P(parent, move): the evaluator's prior, or uniform; 1 for the root
     * @param terminal       whether the game is over at the node
     * @param winner         the winner there, or {@link org.mbrllab.engine.games.Side#NONE}
     * @param children       the shown children, by decreasing visits (ties: lower move first)
     * @param hiddenChildren children not shown ("+k more"): past the top k, or below the depth limit
     * @param hiddenVisits   the visits of the hidden children, summed
     * @param untriedMoves   legal moves with no node yet (a bitmask)
     * @param terms          the selection terms of every legal move at this node, in move order, as the
     *                       tree stands now
     * @param onPath         whether the node is on the current simulation's path
     */
    public record NodeView(int id, int move, int depth, String board, int toMove, int visits, double q, double prior,
                           boolean terminal, int winner, List<NodeView> children, int hiddenChildren,
                           long hiddenVisits, int untriedMoves, List<ChildTerm> terms, boolean onPath) {}

    /**
     * Why selection would pick a move: its score Q + U split into its terms.
     *
     * @param move        the move
     * @param node        its node id, or −1 when untried
     * @param visits      N(s, a)
     * @param q           Q(s, a) for the side to move in s: NaN when untried under UCB1, 0 under PUCT
     *                    (the value the formula uses)
     * @param prior       P(s, a)
     * @param exploration U(s, a): c·√(ln N(s)/N(s, a)) (+∞ when untried), or c_puct·P·√N(s)/(1 + N(s, a))
     * @param score       Q + U (+∞ for an untried move under UCB1)
     * @param best        whether the score is the largest at this node (several when tied)
     */
    public record ChildTerm(int move, int node, int visits, double q, double prior, double exploration, double score,
                            boolean best) {}

    /**
     * The simulation being stepped, phase by phase, or the last one run.
     *
     * @param number         which simulation of this move it is (1-based)
     * @param lastPhase      the phase just run; null when none of this simulation has run yet
     * @param detailed       whether it was recorded in detail (phase or simulation steps): the rollout
     *                       moves and the selection terms are empty otherwise
     * @param path           node ids from the root to the leaf (after expansion, the new node last)
     * @param pathMoves      the move into each path node (−1 for the root)
     * @param chosenMove     the move selection chose at its last node: the one expansion adds; −1 when the
     *                       game is over there
     * @param newNode        the node expansion added, or −1 (not yet, the game was over, or the pool was full)
     * @param rolloutMoves   the moves of the rollout, in order (empty before the simulation phase)
     * @param valueSide      the side to move at the evaluated position
     * @param value          its value for {@code valueSide}; NaN before the simulation phase
     * @param backedUp       the value added to W of each path node (same order as {@code path}), each for
     *                       the side that moved into that node; empty before the backup
     * @param selectionTerms for each path node a choice was made at, the terms of every legal move there at
     *                       the moment of the choice
     */
    public record SimulationView(long number, Phase lastPhase, boolean detailed, int[] path, int[] pathMoves,
                                 int chosenMove, int newNode, int[] rolloutMoves, int valueSide, double value,
                                 double[] backedUp, List<List<ChildTerm>> selectionTerms) {}
}
