package org.mbrllab.app.common.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;
import org.mbrllab.app.common.search.TreeLayout.Box;
import org.mbrllab.app.common.search.TreeLayout.Kind;
import org.mbrllab.app.common.search.TreeLayout.Toggle;
import org.mbrllab.app.common.search.TreeLayout.View;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.MctsSnapshot.NodeView;
import org.mbrllab.engine.mcts.MctsSnapshot.SimulationView;
import org.mbrllab.engine.mcts.Phase;
import org.mbrllab.engine.mcts.SelectionRule;

/**
 * The tree's layout on hand-built trees, without the toolkit. At font size 20 a unit u is 17 px: node boxes
 * 85 wide and 69.7 high (UCB1), "+k more" boxes 64.6 wide, a gap of 11.9 between slots, depths 117.3 apart.
 */
class TreeLayoutTest {

    private static final double EPS = 1e-9;
    private static final double FONT = 20;
    private static final BiPredicate<Integer, Integer> NONE_EXPANDED = (id, version) -> false;

    private static NodeView node(int id, int move, int depth, int toMove, int visits, int hidden, NodeView... kids) {
        return new NodeView(id, move, depth, ".........", toMove, visits, 0.1, 0.5, false, Side.NONE, List.of(kids),
                hidden, 3L * hidden, 0, List.of(), false);
    }

    private static MctsSnapshot snapshot(NodeView root, SelectionRule rule, SimulationView sim, int maxDepth) {
        return new MctsSnapshot(Game.TIC_TAC_TOE, ".........", Side.X, false, Side.NONE, rule, 1.4, "uniform random rollout",
                100, root.visits(), 5, 1, Phase.SELECT, -1, Double.NaN, new int[9], new double[9], new double[9], root, sim,
                maxDepth, 3);
    }

    /** root 0 → (A 1 → (C 3, D 4), B 2). */
    private static NodeView smallTree(int hiddenUnderB) {
        NodeView c = node(3, 4, 2, Side.X, 6, 0);
        NodeView d = node(4, 8, 2, Side.X, 3, 0);
        NodeView a = node(1, 0, 1, Side.O, 10, 0, c, d);
        NodeView b = node(2, 2, 1, Side.O, 5, hiddenUnderB);
        return node(0, -1, 0, Side.X, 16, 0, a, b);
    }

    private static TreeLayout layout(MctsSnapshot s) {
        return new TreeLayout(s, FONT, Set.of(), NONE_EXPANDED, 1);
    }

    private static List<Integer> nodeIds(TreeLayout l) {
        return l.boxes().stream().filter(b -> b.kind == Kind.NODE).map(b -> b.node.id()).toList();
    }

    @Test
    void sizesFollowTheFontAndPriorsMakeBoxesTaller() {
        TreeLayout ucb = layout(snapshot(smallTree(0), SelectionRule.UCB1, null, 5));
        assertEquals(17, ucb.unit, EPS);
        assertEquals(85, ucb.boxW, EPS);
        assertEquals(64.6, ucb.moreW, EPS);
        assertEquals(69.7, ucb.boxH, EPS);
        assertEquals(117.3, ucb.levelH, EPS);
        TreeLayout puct = layout(snapshot(smallTree(0), SelectionRule.PUCT, null, 5));
        assertEquals(90.1, puct.boxH, EPS, "5.3 u, room for the prior");
    }

    @Test
    void leavesTakeSlotsLeftToRightAndParentsCentreOverTheirChildren() {
        TreeLayout l = layout(snapshot(smallTree(0), SelectionRule.UCB1, null, 5));
        assertEquals(List.of(0, 1, 3, 4, 2), nodeIds(l), "depth first, a node before its children");
        assertEquals(42.5, l.node(3).x, EPS, "C: first slot, half a box from 0");
        assertEquals(139.4, l.node(4).x, EPS, "D: one box and one gap further");
        assertEquals(236.3, l.node(2).x, EPS, "B: the third slot");
        assertEquals(90.95, l.node(1).x, EPS, "A: midway between C and D");
        assertEquals(163.625, l.node(0).x, EPS, "root: midway between A and B");
        assertEquals(0, l.node(0).y, EPS);
        assertEquals(117.3, l.node(2).y, EPS);
        assertEquals(234.6, l.node(4).y, EPS);
        assertSame(l.node(0), l.root());
        assertSame(l.node(1), l.node(3).parent);
    }

    @Test
    void boxesAtOneDepthNeverOverlap() {
        TreeLayout l = layout(snapshot(smallTree(3), SelectionRule.UCB1, null, 5));
        for (Box a : l.boxes()) {
            for (Box b : l.boxes()) {
                if (a == b || a.y != b.y) continue;
                double gap = Math.abs(a.x - b.x) - (l.width(a) + l.width(b)) / 2;
                assertTrue(gap >= 11.9 - EPS, "gap " + gap + " between boxes at y = " + a.y);
            }
        }
    }

    @Test
    void childrenPastTheTopKBecomeAMoreBoxAfterTheShownOnes() {
        NodeView a = node(1, 0, 1, Side.O, 10, 0);
        NodeView b = node(2, 2, 1, Side.O, 5, 0);
        TreeLayout l = layout(snapshot(node(0, -1, 0, Side.X, 16, 3, a, b), SelectionRule.UCB1, null, 5));
        Box more = l.boxes().get(l.boxes().size() - 1);
        assertEquals(Kind.MORE, more.kind);
        assertEquals(193.8 + 32.3, more.x, EPS, "third slot, half a 64.6 wide box in");
        assertEquals(117.3, more.y, EPS);
        assertEquals((42.5 + 226.1) / 2, l.root().x, EPS, "the root centres over the more box too");
    }

    @Test
    void aFoldedNodeHidesItsSubtreeAndCountsItOnItsHandle() {
        TreeLayout l = new TreeLayout(snapshot(smallTree(0), SelectionRule.UCB1, null, 5), FONT, Set.of(1), NONE_EXPANDED, 1);
        assertEquals(List.of(0, 1, 2), nodeIds(l));
        assertEquals(Toggle.UNCOLLAPSE, l.node(1).toggle);
        assertEquals(2, l.node(1).toggleCount);
        assertEquals(42.5, l.node(1).x, EPS, "A is a leaf now");
        assertEquals(139.4, l.node(2).x, EPS);
        assertEquals(Toggle.COLLAPSE, l.node(0).toggle);
        assertEquals(Toggle.NONE, l.node(2).toggle, "no children, no handle");
    }

    @Test
    void nodesAtTheDepthLimitOpenThroughTheEngine() {
        // maxDepth 1: B's two children are hidden by depth; A was opened by the view.
        TreeLayout l = new TreeLayout(snapshot(smallTree(2), SelectionRule.UCB1, null, 1), FONT, Set.of(),
                (id, version) -> id == 1 && version == 7, 7);
        assertEquals(Toggle.EXPAND, l.node(2).toggle);
        assertEquals(2, l.node(2).toggleCount);
        assertEquals(Toggle.UNEXPAND, l.node(1).toggle);
    }

    @Test
    void theMoveSelectionChoseIsAGhostUnderThePathsLeaf() {
        SimulationView sim = new SimulationView(17, Phase.SELECT, true, new int[] {0, 2}, new int[] {-1, 2}, 5, -1,
                new int[0], Side.X, Double.NaN, new double[0], List.of());
        TreeLayout l = layout(snapshot(smallTree(0), SelectionRule.UCB1, sim, 5));
        Box ghost = l.boxes().stream().filter(b -> b.kind == Kind.GHOST).findFirst().orElseThrow();
        assertSame(l.node(2), ghost.parent);
        assertEquals(5, ghost.move);
        assertEquals(Side.O, ghost.side, "the side to move at B plays it");
        assertEquals(236.3, ghost.x, EPS);
        assertEquals(234.6, ghost.y, EPS);
        assertEquals(236.3, l.node(2).x, EPS, "B centres over its one ghost child");
    }

    @Test
    void fittingScalesTheTreeIntoTheViewAndCentresIt() {
        TreeLayout l = layout(snapshot(smallTree(0), SelectionRule.UCB1, null, 5));
        // Extent: x ∈ [0, 278.8], y ∈ [0, 234.6 + 69.7 + 2u = 338.3]; margin u = 17.
        View v = l.fit(600, 400, 1);
        double expected = (400 - 34) / 338.3;
        assertEquals(expected, v.scale(), 1e-12, "the height limits it");
        assertEquals(300 - 139.4 * expected, v.tx(), 1e-9, "the tree's middle at the view's middle");
        assertEquals(17, v.ty(), EPS);
    }

    @Test
    void fittingKeepsAScaleWithinSixPercent() {
        TreeLayout l = layout(snapshot(smallTree(0), SelectionRule.UCB1, null, 5));
        assertEquals(1.05, l.fit(600, 400, 1.05).scale(), EPS, "1.0819 is within 6 % of 1.05");
    }

    @Test
    void aTreeTooWideAtTheLeastScaleIsCentredOnItsRoot() {
        TreeLayout l = layout(snapshot(smallTree(0), SelectionRule.UCB1, null, 5));
        View v = l.fit(200, 400, 1);
        assertEquals(TreeLayout.MIN_FIT, v.scale(), EPS, "166/278.8 = 0.595 is raised to the least fit");
        assertEquals(100 - 163.625 * 0.6, v.tx(), 1e-9);
    }

    @Test
    void hitTestsFindBoxesAndHandlesOnScreen() {
        TreeLayout l = layout(snapshot(smallTree(0), SelectionRule.UCB1, null, 5));
        View v = new View(2, 10, 20);
        // C spans x ∈ [10, 180], y ∈ [489.2, 628.6] on screen; D starts at x = 203.8.
        assertSame(l.node(3), l.boxAt(v, 95, 559.2));
        assertSame(l.node(3), l.boxAt(v, 180, 628.5), "the right edge counts");
        assertNull(l.boxAt(v, 192, 559.2), "the gap between C and D");
        assertSame(l.node(4), l.boxAt(v, 204, 559.2));
        // A's handle: centre (191.9, 426.3), r = max(9, 0.75 u · 2) = 25.5, 35.7 across.
        assertSame(l.node(1), l.toggleAt(v, 191.9 + 35, 426.3));
        assertSame(l.node(1), l.toggleAt(v, 191.9, 426.3 - 25));
        assertNull(l.toggleAt(v, 191.9, 426.3 + 26));
        assertNull(l.toggleAt(v, 191.9 + 36, 426.3));
    }

    @Test
    void zoomingKeepsThePointUnderTheMouseAndStaysWithinLimits() {
        View v = new View(2, 10, 20).zoomAt(100, 50, 1.5);
        assertEquals(3, v.scale(), EPS);
        assertEquals(-35, v.tx(), EPS);
        assertEquals(5, v.ty(), EPS);
        assertEquals(100, v.sx((100 - 10) / 2.0), EPS, "world x 45 stays under the mouse");
        assertEquals(TreeLayout.MAX_SCALE, new View(2, 0, 0).zoomAt(0, 0, 10).scale(), EPS);
        assertEquals(TreeLayout.MIN_SCALE, new View(2, 0, 0).zoomAt(0, 0, 0.01).scale(), EPS);
    }

    @Test
    void noSnapshotLaysOutNothing() {
        TreeLayout l = new TreeLayout(null, FONT, Set.of(), NONE_EXPANDED, 0);
        assertNull(l.root());
        assertTrue(l.boxes().isEmpty());
        assertNull(l.boxAt(new View(1, 0, 0), 0, 0));
    }
}
