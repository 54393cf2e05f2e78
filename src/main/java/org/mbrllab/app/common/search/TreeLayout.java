package org.mbrllab.app.common.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.MctsSnapshot.NodeView;
import org.mbrllab.engine.mcts.MctsSnapshot.SimulationView;
import org.mbrllab.engine.mcts.Phase;
import org.mbrllab.engine.mcts.SelectionRule;

/**
 * Where {@link TreeCanvas} draws each box of the search tree, with no toolkit so that it can be tested
 * alone. World coordinates: one unit is one pixel at scale 1, x to the right, y down, the root's top at
 * y = 0.
 *
 * <p>The rules. Sizes follow the font: a unit u = 0.85 × font size, a node box 5u wide and 4.1u high (5.3u
 * under PUCT, which adds the prior P), a "+k more" box 3.8u wide. A node at depth d has its top at
 * d × (box height + 2.8u). Leaves take the next slot from left to right, in the snapshot's child order
 * (most visits first), each slot the leaf's width plus a 0.7u gap; a parent sits centred over its first and
 * last child, so boxes never overlap. After a node's children come, as leaves, the move that selection chose
 * but expansion has not yet added (a ghost, while the current simulation is stopped after its selection)
 * and a "+k more" box for the children past the top k. A folded node shows none of its children.
 *
 * <p>Each node may carry a fold handle under its box: "−" folds a subtree in the view, "+n" unfolds it, and
 * at the snapshot's depth limit "+n" asks the engine for the hidden children (and "−" gives them back).
 */
final class TreeLayout {

    /** Fitting the tree never enlarges it past this (a small tree in a big view) … */
    static final double MAX_FIT = 1.5;
    /** … nor shrinks it below this, where text stops being legible; a wider tree is panned instead. */
    static final double MIN_FIT = 0.6;
    /** Zoom limits. */
    static final double MIN_SCALE = 0.15;
    static final double MAX_SCALE = 4;
    /** A fitted scale within this fraction of the current one is not applied, so the tree does not twitch as it grows. */
    static final double FIT_HYSTERESIS = 0.06;

    enum Kind { NODE, MORE, GHOST }

    /** A node's fold handle: none, fold in the view, unfold in the view, ask the engine to open, to close. */
    enum Toggle { NONE, COLLAPSE, UNCOLLAPSE, EXPAND, UNEXPAND }

    /** A placed box: x is its centre, y its top, in world coordinates. */
    static final class Box {
        final Kind kind;
        /** The node (NODE), the node whose hidden children it stands for (MORE), or null (GHOST). */
        final NodeView node;
        final Box parent;
        /** The side that moved into the box. */
        final int side;
        /** The move into it (the chosen move for a GHOST, −1 for MORE). */
        final int move;
        final List<Box> kids = new ArrayList<>();
        Toggle toggle = Toggle.NONE;
        /** The number on a "+n" handle (0: none). */
        int toggleCount;
        double x;
        double y;

        Box(Kind kind, NodeView node, Box parent, int side, int move) {
            this.kind = kind;
            this.node = node;
            this.parent = parent;
            this.side = side;
            this.move = move;
        }
    }

    /** The view transform: screen = (tx, ty) + world · scale. */
    record View(double scale, double tx, double ty) {
        double sx(double x) {
            return tx + x * scale;
        }

        double sy(double y) {
            return ty + y * scale;
        }

        /** Zoomed by {@code factor} (kept within [{@link #MIN_SCALE}, {@link #MAX_SCALE}]) around screen point (x, y), which stays put. */
        View zoomAt(double x, double y, double factor) {
            double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
            return new View(next, x - (x - tx) * next / scale, y - (y - ty) * next / scale);
        }
    }

    private final MctsSnapshot snapshot;
    private final Set<Integer> collapsed;
    private final BiPredicate<Integer, Integer> isExpanded;
    private final int version;
    private final List<Box> boxes = new ArrayList<>();
    private final Box root;
    private double slot;

    /** The font's unit, u. */
    final double unit;
    final double boxW;
    /** The width of a "+k more" box. */
    final double moreW;
    final double boxH;
    /** From one depth's tops to the next. */
    final double levelH;

    /**
     * Places {@code snapshot}'s tree (null: nothing) for a font of {@code fontSize}, with the nodes in
     * {@code collapsed} folded and {@code isExpanded} telling which nodes the engine was asked to open past
     * the depth limit: (node id, tree version).
     */
    TreeLayout(MctsSnapshot snapshot, double fontSize, Set<Integer> collapsed, BiPredicate<Integer, Integer> isExpanded,
            int version) {
        this.snapshot = snapshot;
        this.collapsed = collapsed;
        this.isExpanded = isExpanded;
        this.version = version;
        unit = fontSize * 0.85;
        boxW = unit * 5.0;
        moreW = unit * 3.8;
        boxH = unit * (priors() ? 5.3 : 4.1);
        levelH = boxH + unit * 2.8;
        root = snapshot == null ? null : place(snapshot.tree(), null, Side.other(snapshot.rootToMove()), snapshot.simulation());
    }

    /** Whether boxes show the prior P (under PUCT). */
    boolean priors() {
        return snapshot != null && snapshot.rule() == SelectionRule.PUCT;
    }

    /** Every box, in drawing order: a node before its children, a ghost or "+k more" after its siblings. */
    List<Box> boxes() {
        return Collections.unmodifiableList(boxes);
    }

    /** The root's box, or null with no tree. */
    Box root() {
        return root;
    }

    double width(Box b) {
        return b.kind == Kind.MORE ? moreW : boxW;
    }

    /** The y of the centre of a box's fold handle. */
    double toggleY(Box b) {
        return b.y + boxH + unit * 0.95;
    }

    /** The box of node {@code id}, or null when it is not drawn. */
    Box node(int id) {
        for (Box b : boxes) if (b.kind == Kind.NODE && b.node.id() == id) return b;
        return null;
    }

    /**
     * The node box the current simulation's rollout is drawn under (the new node, else the path's leaf), or
     * null when no detailed rollout is shown.
     */
    Box rolloutFrom() {
        SimulationView sim = snapshot == null ? null : snapshot.simulation();
        if (sim == null || !sim.detailed() || (sim.lastPhase() != Phase.SIMULATE && sim.lastPhase() != Phase.BACKUP)) {
            return null;
        }
        return node(sim.newNode() >= 0 ? sim.newNode() : sim.path()[sim.path().length - 1]);
    }

    private Box place(NodeView n, Box parent, int side, SimulationView sim) {
        Box b = new Box(Kind.NODE, n, parent, side, n.move());
        b.y = n.depth() * levelH;
        boxes.add(b);
        boolean closedByDepth = n.depth() >= snapshot.maxDepth() && !isExpanded.test(n.id(), version);
        int total = n.children().size() + n.hiddenChildren();
        if (collapsed.contains(n.id())) {
            b.toggle = Toggle.UNCOLLAPSE;
            b.toggleCount = total;
        } else {
            for (NodeView c : n.children()) b.kids.add(place(c, b, n.toMove(), sim));
            if (sim != null && sim.detailed() && sim.lastPhase() == Phase.SELECT && sim.chosenMove() >= 0
                    && sim.path().length > 0 && sim.path()[sim.path().length - 1] == n.id()) {
                Box ghost = new Box(Kind.GHOST, null, b, n.toMove(), sim.chosenMove());
                ghost.y = (n.depth() + 1) * levelH;
                b.kids.add(leaf(ghost));
            }
            if (n.hiddenChildren() > 0 && !n.children().isEmpty()) {
                Box more = new Box(Kind.MORE, n, b, n.toMove(), -1);
                more.y = (n.depth() + 1) * levelH;
                b.kids.add(leaf(more));
            }
            if (closedByDepth && n.hiddenChildren() > 0) {
                b.toggle = Toggle.EXPAND;
                b.toggleCount = n.hiddenChildren();
            } else if (isExpanded.test(n.id(), version) && n.depth() >= snapshot.maxDepth()) {
                b.toggle = Toggle.UNEXPAND;
            } else if (!n.children().isEmpty()) {
                b.toggle = Toggle.COLLAPSE;
            }
        }
        if (b.kids.isEmpty()) {
            b.x = slot + boxW / 2;
            slot += boxW + unit * 0.7;
        } else {
            b.x = (b.kids.get(0).x + b.kids.get(b.kids.size() - 1).x) / 2;
        }
        return b;
    }

    private Box leaf(Box b) {
        double w = width(b);
        b.x = slot + w / 2;
        slot += w + unit * 0.7;
        boxes.add(b);
        return b;
    }

    // ---------------------------------------------------------------- fitting

    /**
     * The view that fits the tree (and a rollout strip under its node) into a w × h area with a margin of
     * one unit: the scale that fits both ways, within [{@link #MIN_FIT}, {@link #MAX_FIT}], kept at
     * {@code current} when it differs by less than {@link #FIT_HYSTERESIS}; the whole tree centred when it
     * fits across, else the root; the root's top one margin below the top. Only with a tree.
     */
    View fit(double w, double h, double current) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = 0;
        for (Box b : boxes) {
            minX = Math.min(minX, b.x - width(b) / 2);
            maxX = Math.max(maxX, b.x + width(b) / 2);
            maxY = Math.max(maxY, b.y + boxH + unit * 2);
        }
        Box from = rolloutFrom();
        if (from != null) {
            int rows = (snapshot.simulation().rolloutMoves().length + 1 + 7) / 8;
            maxY = Math.max(maxY, from.y + boxH + unit * 2.2 + unit * 0.9 * (2.2 + rows * 2.1));
        }
        double margin = unit;
        double fit = Math.min(MAX_FIT, Math.min((w - 2 * margin) / Math.max(1, maxX - minX), (h - 2 * margin) / Math.max(1, maxY)));
        fit = Math.max(MIN_FIT, fit);
        double scale = Math.abs(fit - current) / current > FIT_HYSTERESIS ? fit : current;
        // Centre the whole tree when it fits, else the root.
        double centre = (maxX - minX) * scale <= w - 2 * margin ? (minX + maxX) / 2 : root.x;
        return new View(scale, w / 2 - centre * scale, margin);
    }

    // ---------------------------------------------------------------- hit tests

    /** The box under screen point (x, y) in {@code view}, the last drawn on top; null for none. */
    Box boxAt(View view, double x, double y) {
        for (int i = boxes.size() - 1; i >= 0; i--) {
            Box b = boxes.get(i);
            double left = view.sx(b.x - width(b) / 2);
            double top = view.sy(b.y);
            if (x >= left && x <= left + width(b) * view.scale() && y >= top && y <= top + boxH * view.scale()) return b;
        }
        return null;
    }

    /**
     * The box whose fold handle is under screen point (x, y): within r of its centre up and down and 1.4 r
     * across, r = max(9 px, 0.75u on screen); null for none.
     */
    Box toggleAt(View view, double x, double y) {
        for (Box b : boxes) {
            if (b.toggle == Toggle.NONE) continue;
            double r = Math.max(9, unit * 0.75 * view.scale());
            if (Math.abs(x - view.sx(b.x)) <= r * 1.4 && Math.abs(y - view.sy(toggleY(b))) <= r) return b;
        }
        return null;
    }
}
