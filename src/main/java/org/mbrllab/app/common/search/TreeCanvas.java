package org.mbrllab.app.common.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.search.TreeLayout.Box;
import org.mbrllab.app.common.search.TreeLayout.Kind;
import org.mbrllab.app.common.search.TreeLayout.Toggle;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.MctsSnapshot.NodeView;
import org.mbrllab.engine.mcts.MctsSnapshot.SimulationView;
import org.mbrllab.engine.mcts.Phase;

/**
 * The search tree, drawn from an {@link MctsSnapshot} (never from live nodes): root at the top, each
 * node a box with its move, N and Q (and P under PUCT), edges as thick as their share of the root's
 * visits, and the current simulation highlighted phase by phase: the selection path, the chosen untried
 * move, the new node, the rollout's moves and the values backed up.
 *
 * <p>The wheel zooms around the pointer, dragging pans, a click on a node pins it for the inspector
 * (hovering shows it too), and a click on the small handle under a node folds or unfolds its subtree.
 * Nodes at the snapshot's depth limit unfold through {@link #setOnExpand}, which asks the engine to copy
 * their children; shallower subtrees fold in the view alone. "+k more" boxes stand for children past the
 * top k. Double-click the background to fit the tree again.
 *
 * <p>Where each box goes, how the tree fits the view and what a point hits is {@link TreeLayout}'s
 * (rebuilt on every redraw, from the snapshot and the folds); this class holds the view transform and the
 * mouse, and paints.
 */
public final class TreeCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private final ReadOnlyObjectWrapper<NodeView> inspected = new ReadOnlyObjectWrapper<>(this, "inspected");
    private MctsSnapshot snapshot;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    /** The corner that the view bar covers, bottom right: fitting keeps the tree above it. */
    private double barWidth;
    private double barHeight;
    private BiConsumer<Integer, Integer> onExpand = (id, version) -> { };
    private BiPredicate<Integer, Integer> isExpanded = (id, version) -> false;
    private final Set<Integer> collapsed = new HashSet<>();
    private int version = Integer.MIN_VALUE;
    private int hoverId = -1;
    private int selectedId = -1;
    // View transform: screen = t + world · scale.
    private double scale = 1;
    private double tx;
    private double ty;
    private boolean autoFit = true;
    // Mouse.
    private double pressX;
    private double pressY;
    private double pressTx;
    private double pressTy;
    private boolean dragged;
    /** The last layout. */
    private TreeLayout layout = new TreeLayout(null, 14, Set.of(), (id, v) -> false, 0);
    private final List<Integer> pathDrawn = new ArrayList<>();
    private final Set<Integer> drawnIds = new LinkedHashSet<>();
    // Sizes in world units, from the last layout.
    private double unit;
    private double boxW;
    private double moreW;
    private double boxH;

    public TreeCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("tree-canvas");
        setMinSize(120, 120);
        setFocusTraversable(true);
        setOnMousePressed(e -> {
            requestFocus();
            pressX = e.getX();
            pressY = e.getY();
            pressTx = tx;
            pressTy = ty;
            dragged = false;
        });
        setOnMouseDragged(e -> {
            double dx = e.getX() - pressX;
            double dy = e.getY() - pressY;
            if (!dragged && Math.hypot(dx, dy) < 5) return;
            dragged = true;
            autoFit = false;
            tx = pressTx + dx;
            ty = pressTy + dy;
            draw();
        });
        setOnMouseReleased(e -> {
            if (!dragged && e.getButton() == MouseButton.PRIMARY) click(e.getX(), e.getY(), e.getClickCount());
        });
        setOnMouseMoved(e -> {
            Box b = boxAt(e.getX(), e.getY());
            int id = b != null && b.kind == Kind.NODE ? b.node.id() : -1;
            if (id != hoverId) {
                hoverId = id;
                updateInspected();
                draw();
            }
        });
        setOnMouseExited(e -> {
            if (hoverId != -1) {
                hoverId = -1;
                updateInspected();
                draw();
            }
        });
        setOnScroll(e -> {
            if (e.getDeltaY() == 0) return;
            zoomAt(e.getX(), e.getY(), Math.pow(1.0018, e.getDeltaY()));
        });
    }

    // ---------------------------------------------------------------- API

    void show(MctsSnapshot s) {
        if (s != null && s.treeVersion() != version) {
            version = s.treeVersion();
            collapsed.clear();
            hoverId = -1;
            selectedId = -1;
        }
        snapshot = s;
        draw();
        updateInspected();
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        autoFit = true;
        draw();
    }

    /** Asked to open or close a node at the depth limit: (node id, tree version). */
    void setOnExpand(BiConsumer<Integer, Integer> handler) {
        onExpand = handler;
    }

    /** Whether the engine was asked to open a node below the depth limit: (node id, tree version). */
    void setIsExpanded(BiPredicate<Integer, Integer> test) {
        isExpanded = test;
    }

    /** The node hovered, else the node pinned by a click, else null. */
    public ReadOnlyObjectProperty<NodeView> inspectedProperty() {
        return inspected.getReadOnlyProperty();
    }

    /** Fits the whole tree into the view again (and keeps fitting it as it grows). */
    void fit() {
        autoFit = true;
        draw();
    }

    /** Zooms by {@code factor} around the local point (x, y). */
    void zoomAt(double x, double y, double factor) {
        TreeLayout.View zoomed = view().zoomAt(x, y, factor);
        scale = zoomed.scale();
        tx = zoomed.tx();
        ty = zoomed.ty();
        autoFit = false;
        draw();
    }

    public double scale() {
        return scale;
    }

    /** The ids of the node boxes drawn, in layout order (tests: what the student sees). */
    public Set<Integer> drawnIds() {
        return Set.copyOf(drawnIds);
    }

    /** The ids of the nodes drawn as the current simulation's path, root first. */
    public List<Integer> highlightedPath() {
        return List.copyOf(pathDrawn);
    }

    int selectedId() {
        return selectedId;
    }

    /** The centre of a node's box in local coordinates, if it is drawn. */
    public Optional<Point2D> nodeCenter(int id) {
        Box b = layout.node(id);
        return b == null ? Optional.empty() : Optional.of(new Point2D(sx(b.x), sy(b.y + boxH / 2)));
    }

    /** The centre of a node's fold handle in local coordinates, if it has one. */
    public Optional<Point2D> toggleCenter(int id) {
        Box b = layout.node(id);
        return b == null || b.toggle == Toggle.NONE ? Optional.empty() : Optional.of(new Point2D(sx(b.x), sy(layout.toggleY(b))));
    }

    // ---------------------------------------------------------------- interaction

    private void click(double x, double y, int clicks) {
        Box t = toggleAt(x, y);
        if (t != null) {
            toggle(t);
            return;
        }
        Box b = boxAt(x, y);
        if (b != null && b.kind == Kind.NODE) {
            if (clicks >= 2 && b.toggle != Toggle.NONE) {
                toggle(b);
                return;
            }
            selectedId = selectedId == b.node.id() ? -1 : b.node.id();
        } else if (b == null) {
            selectedId = -1;
            if (clicks >= 2) autoFit = true;
        }
        updateInspected();
        draw();
    }

    private void toggle(Box b) {
        int id = b.node.id();
        switch (b.toggle) {
            case COLLAPSE -> collapsed.add(id);
            case UNCOLLAPSE -> collapsed.remove(id);
            case EXPAND, UNEXPAND -> onExpand.accept(id, version);
            case NONE -> { }
        }
        draw();
    }

    private void updateInspected() {
        int id = hoverId >= 0 ? hoverId : selectedId;
        NodeView n = id < 0 || snapshot == null ? null : find(snapshot.tree(), id);
        if (n == null && id == selectedId) selectedId = -1;
        inspected.set(n);
    }

    private static NodeView find(NodeView n, int id) {
        if (n.id() == id) return n;
        for (NodeView c : n.children()) {
            NodeView f = find(c, id);
            if (f != null) return f;
        }
        return null;
    }

    private Box boxAt(double x, double y) {
        return layout.boxAt(view(), x, y);
    }

    private Box toggleAt(double x, double y) {
        return layout.toggleAt(view(), x, y);
    }

    private TreeLayout.View view() {
        return new TreeLayout.View(scale, tx, ty);
    }

    // ---------------------------------------------------------------- layout

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private double sx(double x) {
        return tx + x * scale;
    }

    private double sy(double y) {
        return ty + y * scale;
    }

    // ---------------------------------------------------------------- drawing

    private final java.util.Map<String, Font> fonts = new java.util.HashMap<>();

    /** Fonts are looked up once per family, weight and half-pixel size: a redraw sets hundreds. */
    private Font font(String family, FontWeight weight, double size) {
        double rounded = Math.round(size * 2) / 2.0;
        if (fonts.size() > 200) fonts.clear();
        return fonts.computeIfAbsent(family + weight + rounded, k -> Font.font(family, weight, rounded));
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        layout = new TreeLayout(snapshot, fontSize, collapsed, isExpanded, version);
        unit = layout.unit;
        boxW = layout.boxW;
        moreW = layout.moreW;
        boxH = layout.boxH;
        pathDrawn.clear();
        drawnIds.clear();
        if (layout.root() == null || w < 20 || h < 20) return;
        if (autoFit) {
            TreeLayout.View fitted = layout.fit(w, h - barHeight, scale);
            scale = fitted.scale();
            tx = fitted.tx();
            ty = fitted.ty();
        }
        drawHint(g, w, h);
        SimulationView sim = snapshot.simulation();
        Set<Integer> path = new HashSet<>();
        if (sim != null) for (int id : sim.path()) path.add(id);
        int rootVisits = Math.max(1, snapshot.tree().visits());

        // 1. Edges, thick in proportion to visits; the simulation's path on top.
        g.setLineCap(StrokeLineCap.ROUND);
        for (Box b : layout.boxes()) {
            if (b.parent == null) continue;
            boolean onPath = b.kind == Kind.NODE && path.contains(b.node.id()) && path.contains(b.parent.node.id());
            if (onPath) continue;
            int visits = b.kind == Kind.NODE ? b.node.visits() : b.kind == Kind.MORE ? (int) b.node.hiddenVisits() : 0;
            g.setStroke(theme.muted().deriveColor(0, 1, 1, 0.55));
            g.setLineWidth(Math.max(1, unit * 0.9 * visits / rootVisits) * scale);
            if (b.kind != Kind.NODE) g.setLineDashes(unit * 0.4 * scale, unit * 0.3 * scale);
            edge(g, b);
            g.setLineDashes();
        }
        for (Box b : layout.boxes()) {
            if (b.parent == null) continue;
            boolean ghost = b.kind == Kind.GHOST;
            boolean onPath = b.kind == Kind.NODE && path.contains(b.node.id()) && path.contains(b.parent.node.id());
            if (!onPath && !ghost) continue;
            g.setStroke(theme.highlight());
            double share = b.kind == Kind.NODE ? (double) b.node.visits() / rootVisits : 0;
            g.setLineWidth(Math.max(sim != null && sim.detailed() ? 4 : 2.5, unit * 0.9 * share * scale));
            if (ghost) g.setLineDashes(unit * 0.4 * scale, unit * 0.3 * scale);
            edge(g, b);
            g.setLineDashes();
        }

        // 2. Boxes.
        boolean showText = unit * scale >= 6;
        for (Box b : layout.boxes()) {
            switch (b.kind) {
                case NODE -> drawNode(g, b, sim, path, showText);
                case MORE -> drawMore(g, b, showText);
                case GHOST -> drawGhost(g, b, showText);
            }
        }
        // 3. The rollout, under the node it started from.
        if (sim != null && sim.detailed() && sim.lastPhase() != null
                && (sim.lastPhase() == Phase.SIMULATE || sim.lastPhase() == Phase.BACKUP)) {
            Box from = layout.rolloutFrom();
            if (from != null) drawRollout(g, from, sim, showText);
        }
    }

    private void edge(GraphicsContext g, Box b) {
        double x1 = sx(b.parent.x);
        double y1 = sy(b.parent.y + boxH);
        double x2 = sx(b.x);
        double y2 = sy(b.y);
        double my = (y1 + y2) / 2;
        g.beginPath();
        g.moveTo(x1, y1);
        g.bezierCurveTo(x1, my, x2, my, x2, y2);
        g.stroke();
    }

    private Color boxFill() {
        return theme == Theme.DARK ? Color.web("#2a2b30") : Color.WHITE;
    }

    private void drawNode(GraphicsContext g, Box b, SimulationView sim, Set<Integer> path, boolean showText) {
        NodeView n = b.node;
        drawnIds.add(n.id());
        double x = sx(b.x - boxW / 2);
        double y = sy(b.y);
        double w = boxW * scale;
        double h = boxH * scale;
        double arc = unit * 0.6 * scale;
        boolean onPath = path.contains(n.id());
        if (onPath) pathDrawn.add(n.id());
        boolean isNew = sim != null && sim.newNode() == n.id() && sim.lastPhase() != null && sim.lastPhase() != Phase.SELECT;
        g.setFill(boxFill());
        g.fillRoundRect(x, y, w, h, arc, arc);
        if (isNew) {
            g.setFill(theme.highlight().deriveColor(0, 1, 1, 0.28));
            g.fillRoundRect(x, y, w, h, arc, arc);
        }
        Color sideColor = n.move() < 0 ? theme.foreground() : SideColors.of(b.side, theme);
        // The mover's colour as a band along the top.
        g.setFill(sideColor.deriveColor(0, 1, 1, 0.18));
        g.fillRoundRect(x, y, w, Math.min(h, unit * 1.45 * scale), arc, arc);
        g.setStroke(sideColor);
        g.setLineWidth(Math.max(1, 1.5 * Math.min(1.5, scale)));
        g.strokeRoundRect(x, y, w, h, arc, arc);
        if (n.terminal()) {
            double in = Math.max(2, unit * 0.22 * scale);
            g.strokeRoundRect(x + in, y + in, w - 2 * in, h - 2 * in, arc, arc);
        }
        if (onPath) {
            g.setStroke(theme.highlight());
            g.setLineWidth(sim.detailed() ? Math.max(3, unit * 0.3 * scale) : 2);
            g.strokeRoundRect(x - 1, y - 1, w + 2, h + 2, arc, arc);
        }
        if (n.id() == hoverId || n.id() == selectedId) {
            g.setStroke(theme.accent());
            g.setLineWidth(n.id() == selectedId ? 3 : 2);
            g.setLineDashes(n.id() == selectedId ? null : new double[] {5, 3});
            double o = Math.max(4, unit * 0.35 * scale);
            g.strokeRoundRect(x - o, y - o, w + 2 * o, h + 2 * o, arc + o, arc + o);
            g.setLineDashes();
        }
        if (showText) {
            double fs = unit * scale;
            double lh = unit * 1.2 * scale;
            double tx0 = x + unit * 0.35 * scale;
            double ty0 = y + unit * 0.2 * scale;
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.setFill(sideColor);
            g.setFont(font("DejaVu Sans", FontWeight.BOLD, fs));
            String head = n.move() < 0 ? "root" : MoveNames.move(b.side, n.move());
            g.fillText(head, tx0, ty0);
            if (n.terminal()) {
                // The result under the box, where a finished game has no fold handle.
                g.setTextAlign(TextAlignment.CENTER);
                g.setFont(font("DejaVu Sans", FontWeight.BOLD, fs * 0.85));
                g.setFill(n.winner() == Side.NONE ? theme.muted() : SideColors.of(n.winner(), theme));
                g.fillText(n.winner() == Side.NONE ? "draw" : Side.name(n.winner()) + " won", x + w / 2, y + h + unit * 0.25 * scale);
                g.setTextAlign(TextAlignment.LEFT);
                g.setFill(sideColor);
            }
            if (isNew) {
                g.setTextAlign(TextAlignment.RIGHT);
                g.setFill(theme.foreground());
                g.setFont(font("DejaVu Sans", FontWeight.BOLD, fs * 0.8));
                // On the N line, clear of the backup badge on the corner.
                g.fillText("new", x + w - unit * 0.3 * scale, ty0 + lh * 1.15 + fs * 0.1);
                g.setTextAlign(TextAlignment.LEFT);
            }
            boolean backedUp = onPath && sim.detailed() && sim.lastPhase() == Phase.BACKUP;
            g.setFill(backedUp ? theme.highlight().deriveColor(0, 1, theme == Theme.DARK ? 1 : 0.75, 1) : theme.foreground());
            g.setFont(font("DejaVu Sans Mono", backedUp ? FontWeight.BOLD : FontWeight.NORMAL, fs));
            g.fillText("N " + MoveNames.shortCount(n.visits()), tx0, ty0 + lh * 1.15);
            g.fillText("Q " + MoveNames.value(n.q()), tx0, ty0 + lh * 2.15);
            if (layout.priors()) {
                g.setFill(theme.foreground());
                g.fillText("P " + String.format("%.2f", n.prior()), tx0, ty0 + lh * 3.15);
            }
        }
        if (b.toggle != Toggle.NONE) drawToggle(g, b, showText);
        if (onPath && sim.detailed() && sim.lastPhase() == Phase.BACKUP && showText) drawBackupBadge(g, b, sim);
    }

    private void drawToggle(GraphicsContext g, Box b, boolean showText) {
        double cx = sx(b.x);
        double cy = sy(layout.toggleY(b));
        double r = Math.max(7, unit * 0.62 * scale);
        boolean open = b.toggle == Toggle.COLLAPSE || b.toggle == Toggle.UNEXPAND;
        String label = open ? "−" : "+" + (b.toggleCount > 0 ? b.toggleCount : "");
        double fs = Math.max(9, unit * 0.85 * scale);
        double half = open ? r : Math.max(r, fs * 0.32 * label.length() + r * 0.4);
        g.setFill(boxFill());
        g.fillRoundRect(cx - half, cy - r, 2 * half, 2 * r, 2 * r, 2 * r);
        g.setStroke(theme.muted());
        g.setLineWidth(1.2);
        g.strokeRoundRect(cx - half, cy - r, 2 * half, 2 * r, 2 * r, 2 * r);
        if (showText || r >= 7) {
            g.setFill(theme.foreground());
            g.setFont(font("DejaVu Sans", FontWeight.BOLD, fs));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(label, cx, cy);
        }
    }

    private void drawBackupBadge(GraphicsContext g, Box b, SimulationView sim) {
        int index = -1;
        for (int i = 0; i < sim.path().length; i++) if (sim.path()[i] == b.node.id()) index = i;
        if (index < 0 || index >= sim.backedUp().length) return;
        // W of a node is for the side that moved into it; the root's Q is for the side to move there.
        double v = index == 0 ? -sim.backedUp()[0] : sim.backedUp()[index];
        String text = MoveNames.signed(v);
        double fs = unit * 0.95 * scale;
        double bw = fs * (0.75 * text.length() + 0.8);
        // Astride the box's top-right corner, clear of its neighbours.
        double x = sx(b.x + boxW / 2) - bw * 0.6;
        double y = sy(b.y) - fs * 0.95;
        Color c = v > 0 ? SideColors.good(theme) : v < 0 ? SideColors.bad(theme) : theme.muted();
        g.setFill(c);
        g.fillRoundRect(x, y, bw, fs * 1.45, fs, fs);
        g.setFill(Color.WHITE);
        g.setFont(font("DejaVu Sans", FontWeight.BOLD, fs));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + bw / 2, y + fs * 0.75);
    }

    private void drawMore(GraphicsContext g, Box b, boolean showText) {
        double x = sx(b.x - moreW / 2);
        double y = sy(b.y);
        double w = moreW * scale;
        double h = boxH * scale * 0.78;
        double arc = unit * 0.6 * scale;
        g.setFill(boxFill());
        g.fillRoundRect(x, y, w, h, arc, arc);
        g.setStroke(theme.muted());
        g.setLineWidth(1.2);
        g.setLineDashes(5, 4);
        g.strokeRoundRect(x, y, w, h, arc, arc);
        g.setLineDashes();
        if (showText) {
            double fs = unit * scale;
            g.setFill(theme.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.setFont(font("DejaVu Sans", FontWeight.BOLD, fs));
            g.fillText("+" + b.node.hiddenChildren(), x + w / 2, y + unit * 0.2 * scale);
            g.setFont(font("DejaVu Sans", FontWeight.NORMAL, fs * 0.85));
            g.fillText("more", x + w / 2, y + unit * 1.25 * scale);
            g.setFont(font("DejaVu Sans Mono", FontWeight.NORMAL, fs * 0.85));
            g.fillText("N " + MoveNames.shortCount(b.node.hiddenVisits()), x + w / 2, y + unit * 2.2 * scale);
        }
    }

    private void drawGhost(GraphicsContext g, Box b, boolean showText) {
        double x = sx(b.x - boxW / 2);
        double y = sy(b.y);
        double w = boxW * scale;
        double h = boxH * scale;
        g.setFill(theme.highlight().deriveColor(0, 1, 1, 0.12));
        g.fillRoundRect(x, y, w, h, unit * 0.6 * scale, unit * 0.6 * scale);
        g.setStroke(theme.highlight());
        g.setLineWidth(2.5);
        g.setLineDashes(6, 4);
        g.strokeRoundRect(x, y, w, h, unit * 0.6 * scale, unit * 0.6 * scale);
        g.setLineDashes();
        if (showText) {
            double fs = unit * scale;
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.setFill(SideColors.of(b.side, theme));
            g.setFont(font("DejaVu Sans", FontWeight.BOLD, fs));
            g.fillText(MoveNames.move(b.side, b.move), x + unit * 0.35 * scale, y + unit * 0.2 * scale);
            g.setFill(theme.foreground());
            g.setFont(font("DejaVu Sans", FontWeight.NORMAL, fs * 0.85));
            g.fillText("untried:", x + unit * 0.35 * scale, y + unit * 1.45 * scale);
            g.fillText("chosen", x + unit * 0.35 * scale, y + unit * 2.45 * scale);
        }
    }

    /**
     * The simulation's strip under the node it started from: a rollout's moves as chips, then its result;
     * with no moves, what gave the value instead (the value network, or the game already over).
     */
    private void drawRollout(GraphicsContext g, Box from, SimulationView sim, boolean showText) {
        int[] moves = sim.rolloutMoves();
        double fs = unit * 0.9 * scale;
        double chip = fs * 2.1;
        int perRow = 8;
        int items = moves.length + 1;
        int rows = (items + perRow - 1) / perRow;
        int cols = Math.min(perRow, items);
        String result = MoveNames.signed(sim.value());
        Font chipFont = font("DejaVu Sans", FontWeight.BOLD, fs * 0.8);
        // The result chip fits its number (a network's +0.37 is wider than a rollout's +1).
        double resultW = Math.max(chip * 0.96, textWidth(result, chipFont) + fs * 0.8);
        double stripW = Math.max(Math.max(cols * chip, fs * 9), resultW + chip * (cols - 1));
        double cx = sx(from.x);
        double top = sy(from.y + boxH) + (from.toggle != Toggle.NONE ? unit * 2.0 * scale : unit * 0.6 * scale);
        double left = cx - stripW / 2;
        double height = fs * 1.6 + rows * chip + fs * 0.4;
        g.setStroke(theme.highlight());
        g.setLineWidth(2);
        g.setLineDashes(3, 3);
        g.strokeLine(cx, sy(from.y + boxH), cx, top);
        g.setLineDashes();
        g.setFill(boxFill().deriveColor(0, 1, 1, 0.95));
        g.fillRoundRect(left - 4, top, stripW + 8, height, fs, fs);
        g.setStroke(theme.highlight());
        g.setLineWidth(1.5);
        g.strokeRoundRect(left - 4, top, stripW + 8, height, fs, fs);
        if (!showText) return;
        g.setFill(theme.foreground());
        g.setFont(font("DejaVu Sans", FontWeight.BOLD, fs * 0.9));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(rolloutTitle(moves.length, sim.value()), cx, top + fs * 0.3);
        int side = sim.valueSide();
        double gridLeft = cx - cols * chip / 2;
        for (int i = 0; i < items; i++) {
            double x = gridLeft + (i % perRow + 0.5) * chip;
            double y = top + fs * 1.6 + (i / perRow + 0.5) * chip;
            if (i < moves.length) {
                Color c = SideColors.of(side, theme);
                g.setFill(c.deriveColor(0, 1, 1, 0.18));
                g.fillOval(x - chip * 0.42, y - chip * 0.42, chip * 0.84, chip * 0.84);
                g.setStroke(c);
                g.setLineWidth(1.5);
                g.strokeOval(x - chip * 0.42, y - chip * 0.42, chip * 0.84, chip * 0.84);
                g.setFill(c);
                g.setFont(font("DejaVu Sans", FontWeight.BOLD, fs * 0.8));
                g.setTextBaseline(VPos.CENTER);
                g.fillText(Side.name(side) + moves[i], x, y);
                side = Side.other(side);
            } else {
                // The result, for the side to move where the rollout started.
                double v = sim.value();
                Color c = v > 0 ? SideColors.good(theme) : v < 0 ? SideColors.bad(theme) : theme.muted();
                g.setFill(c);
                double rx = moves.length == 0 ? cx : x - chip * 0.48 + resultW / 2;
                g.fillRoundRect(rx - resultW / 2, y - chip * 0.36, resultW, chip * 0.72, chip * 0.3, chip * 0.3);
                g.setFill(Color.WHITE);
                g.setFont(chipFont);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(result, rx, y);
            }
        }
    }

    /**
     * The strip's title: "rollout · 7 moves"; with no moves, a value that is not a game's result (±1, 0)
     * came from the value network, and one that is came from a game already over.
     */
    static String rolloutTitle(int moves, double value) {
        if (moves > 0) return "rollout · " + moves + (moves == 1 ? " move" : " moves");
        return value == Math.rint(value) ? "game over" : "value network";
    }

    private static double textWidth(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static final String[] HINTS = {"wheel: zoom · drag: pan · click a node: pin it · +/−: unfold/fold",
        "wheel: zoom · drag: pan · click: pin", "wheel: zoom · drag: pan"};

    /**
     * The longest hint that fits left of the view bar, or none; led by "F9: larger" while the fitted tree
     * is as small as fitting goes (View ▸ Figure only gives it the room).
     */
    private void drawHint(GraphicsContext g, double w, double h) {
        Font f = font("DejaVu Sans", FontWeight.NORMAL, Math.max(10, fontSize * 0.75));
        boolean cramped = autoFit && scale <= TreeLayout.MIN_FIT + 1e-9;
        for (String each : HINTS) {
            String hint = cramped ? "F9: larger · " + each : each;
            javafx.scene.text.Text probe = new javafx.scene.text.Text(hint);
            probe.setFont(f);
            if (6 + probe.getLayoutBounds().getWidth() + 12 > w - barWidth) continue;
            g.setFill(theme.muted());
            g.setFont(f);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(hint, 6, h - 6);
            return;
        }
    }

    /** The view bar's size, which the tree and the hint keep clear of. */
    void setBarSize(double width, double height) {
        if (width == barWidth && height == barHeight) return;
        barWidth = width;
        barHeight = height;
        draw();
    }
}
