package org.mbrllab.app.common.search;

import java.util.ArrayList;
import java.util.List;

import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.MctsSnapshot.ChildTerm;
import org.mbrllab.engine.mcts.MctsSnapshot.SimulationView;
import org.mbrllab.engine.play.GameSnapshot;

/** The sentences under the tree that say what the last step of the search did, phase by phase. */
public final class PhaseText {
    private PhaseText() {}

    /** What the last step did, or what the next one will do. */
    public static String describe(GameSnapshot g) {
        MctsSnapshot s = g.search();
        if (s.gameOver()) return "Game over: " + g.result() + ".";
        SimulationView sim = s.simulation();
        if (sim == null || sim.lastPhase() == null) {
            String kept = s.tree().visits() > 0
                    ? "The tree kept N(root) = " + MoveNames.count(s.tree().visits()) + " visits from the last search (tree reuse). "
                    : "The tree is a single node. ";
            String next = switch (g.waiting()) {
                case YOUR_MOVE -> "Your move: click the board.";
                case OPPONENT_MOVE -> g.opponent() + " moves next: press Step.";
                default -> s.tree().visits() > 0 ? "Step adds simulations to them." : "Step starts the first simulation with selection.";
            };
            return Side.name(s.rootToMove()) + " to move. " + kept + next;
        }
        if (!sim.detailed()) {
            return "Simulation " + MoveNames.count(sim.number()) + " of " + MoveNames.count(s.budget())
                    + " ran in a batch, which records no phases: choose “One phase” and Step to watch one.";
        }
        List<String> moves = pathMoves(s, sim);
        String head = "Simulation " + MoveNames.count(sim.number()) + " · ";
        return head + switch (sim.lastPhase()) {
            case SELECT -> selection(s, sim, moves);
            case EXPAND -> sim.newNode() >= 0
                    ? "2. Expansion: " + moves.get(moves.size() - 1) + " gets a node, with N = 0 (“new”)."
                    : sim.chosenMove() < 0 ? "2. Expansion: the game is over at the leaf, so there is nothing to add."
                    : "2. Expansion: the node pool is full, so the move is played without a node.";
            case SIMULATE -> simulation(s, sim);
            case BACKUP -> backup(s, sim);
        };
    }

    private static List<String> pathMoves(MctsSnapshot s, SimulationView sim) {
        List<String> out = new ArrayList<>();
        int side = s.rootToMove();
        for (int i = 1; i < sim.pathMoves().length; i++) {
            out.add(MoveNames.move(side, sim.pathMoves()[i]));
            side = Side.other(side);
        }
        return out;
    }

    private static String selection(MctsSnapshot s, SimulationView sim, List<String> moves) {
        String route = moves.isEmpty() ? "the root" : "root → " + String.join(" → ", moves);
        if (sim.chosenMove() < 0) {
            return "1. Selection: " + route + ", where the game is over: its result is backed up as it is.";
        }
        int leafSide = (moves.size() % 2 == 0) ? s.rootToMove() : Side.other(s.rootToMove());
        String chosen = MoveNames.move(leafSide, sim.chosenMove());
        String why = "";
        List<List<ChildTerm>> terms = sim.selectionTerms();
        if (!terms.isEmpty()) {
            List<ChildTerm> last = terms.get(terms.size() - 1);
            long untried = last.stream().filter(t -> t.node() < 0).count();
            why = untried > 1 ? ", one of " + untried + " untried moves (score ∞, drawn at random)"
                    : untried == 1 ? ", the last untried move (score ∞)" : "";
        }
        if (moves.isEmpty()) return "1. Selection stops at the root: " + chosen + why + ".";
        return "1. Selection: " + route + " by the largest " + s.rule() + " score; then " + chosen + why + ".";
    }

    private static String simulation(MctsSnapshot s, SimulationView sim) {
        int n = sim.rolloutMoves().length;
        String outcome = sim.value() > 0 ? "a win" : sim.value() < 0 ? "a loss" : "a draw";
        String side = Side.name(sim.valueSide());
        if (n == 0 && s.rule() == org.mbrllab.engine.mcts.SelectionRule.PUCT && !Double.isNaN(sim.value())
                && Math.abs(sim.value()) != 1 && sim.value() != 0) {
            return "3. Evaluation: the " + s.evaluator() + " judges the new node, no rollout: v = "
                    + MoveNames.signed(sim.value()) + " for " + side + " (to move there); its policy gives the priors P of the node's moves.";
        }
        if (n == 0) {
            return "3. Simulation: the game is already over at the new node: " + outcome + " for " + side
                    + ", value " + MoveNames.signed(sim.value()) + ".";
        }
        return "3. Simulation: a " + s.evaluator() + " plays " + n + (n == 1 ? " move" : " moves") + ": "
                + outcome + " for " + side + " (to move at the new node), value " + MoveNames.signed(sim.value()) + ".";
    }

    private static String backup(MctsSnapshot s, SimulationView sim) {
        double[] b = sim.backedUp();
        List<String> values = new ArrayList<>();
        int side = s.rootToMove();
        List<String> names = new ArrayList<>();
        for (int i = 1; i < sim.pathMoves().length; i++) {
            names.add(MoveNames.move(side, sim.pathMoves()[i]));
            side = Side.other(side);
        }
        for (int i = b.length - 1; i >= 1; i--) values.add(names.get(i - 1) + " " + MoveNames.signed(b[i]));
        values.add("root " + MoveNames.signed(-b[0]) + " for " + Side.name(s.rootToMove()));
        return "4. Backup: N += 1 along the path and W += " + String.join(", ", values)
                + " (" + signNote(b, s.rootToMove()) + ").";
    }

    /**
     * Why the backed-up numbers have the signs they have, said only as far as it is true for these numbers.
     * {@code b[i]} is the value for the side that moved into the i-th node of the path (b[0]: the root, for
     * the side that did not move there), so the moves' values alternate in sign; the root is printed as
     * −b[0], for the side to move there, which is the side of the first move, so it carries the first move's
     * sign, not the opposite one.
     */
    static String signNote(double[] b, int rootToMove) {
        boolean allZero = true;
        for (double v : b) allZero &= v == 0;
        if (allZero) return "a draw adds 0 for both sides";
        String why = "a move's W is for the side that played it";
        String root = "the root's is for " + Side.name(rootToMove) + ", the side to move there";
        if (b.length <= 1) return root;
        if (b.length == 2) return why + ", and " + root + ", so the two agree";
        return why + ", so the sign alternates from move to move; " + root + ", so it agrees with the first move";
    }
}
