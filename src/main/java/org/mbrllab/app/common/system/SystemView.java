package org.mbrllab.app.common.system;

import java.util.List;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.Cartpole;
import org.mbrllab.engine.control.CartpoleParams;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.core.Format;

/**
 * Draws a cartpole or a pendulum at display rate, gliding between the states the engine publishes
 * ({@link Interpolator}), with the planned or predicted states ahead as fading ghosts, optional
 * trajectories overlaid (iLQR's iterations, the newest highlighted), the control as an arrow, and a
 * caption. It reads states and computes no physics.
 *
 * <p>With {@link #setOnPush} set, a click or a drag on the cart or the pole becomes an impulse
 * ({@link Push}) handed to the listener, which forwards it to the engine.
 *
 * <p>Two canvases: the back one (track, overlaid trajectories) is redrawn only when its content or the
 * camera changes; the front one (the system, ghosts, arrows, text) each frame while something moves.
 */
public final class SystemView extends Region {

    /** What a mouse press hit. */
    public enum Part { NONE, CART, POLE }

    /** Cart size, in m (Gymnasium draws 50 × 30 px at 125 px/m). */
    static final double CART_WIDTH = 0.4;
    static final double CART_HEIGHT = 0.24;
    /**
     * Least track shown at once, in m: a tall view shows this much, as large as it fits; a wide one shows
     * more (Gymnasium's track is ±2.4 m). The camera follows a cart that leaves the view.
     */
    static final double MIN_VIEW_WIDTH = 3.0;
    /** Ghosts drawn at most; a longer plan is sampled evenly. */
    static final int MAX_GHOSTS = 12;
    /** An arrow for |u| at the limit (or at this many N or N·m with no limit) spans this many metres. */
    static final double ARROW_LENGTH = 0.8;
    static final double UNLIMITED_ARROW_SCALE = 20;
    private static final double WHEEL = 0.045;
    private static final double HIT_PIXELS = 12;

    private final Canvas back = new Canvas();
    private final Canvas front = new Canvas();
    private final Interpolator motion = new Interpolator();
    private final AnimationTimer timer;
    private boolean timerRunning;

    private ControlSystem system = ControlSystem.CARTPOLE;
    private double poleLength = 2 * CartpoleParams.HALF_LENGTH.defaultValue();
    private double limit = CartpoleParams.FORCE_LIMIT.defaultValue();
    private double control;
    private double time;
    private List<double[]> ghosts = List.of();
    private List<double[][]> overlays = List.of();
    private double[][] best;
    private double[][] playback;
    private double[] playbackActions;
    private double playbackDt;
    private long playbackStart;
    private List<double[]> playbackGhosts = List.of();
    private String title = "";
    private String badge = "";
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private double below = 0.6;
    private boolean fixedCamera;
    private Consumer<double[]> onPush;
    private boolean backDirty = true;
    private boolean frontDirty = true;
    private long frames;

    // Geometry of the last frame.
    private double scale = 1;
    private double originX;
    private double originY;
    private double camX;
    private double[] shown;

    // The gesture in progress.
    private Part grabbed = Part.NONE;
    private double pressX;
    private double pressY;
    private double dragX;
    private double dragY;

    public SystemView() {
        getChildren().addAll(back, front);
        getStyleClass().add("system-view");
        setMinSize(160, 140);
        setPrefSize(520, 360);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        // A click on the animation takes the focus from any text field, so Space, → and R work again.
        setFocusTraversable(true);
        setOnMousePressed(e -> {
            requestFocus();
            if (onPush == null) return;
            grabbed = hit(e.getX(), e.getY());
            pressX = dragX = e.getX();
            pressY = dragY = e.getY();
            frontDirty = true;
        });
        setOnMouseDragged(e -> {
            if (grabbed == Part.NONE) return;
            dragX = e.getX();
            dragY = e.getY();
            frontDirty = true;
        });
        setOnMouseReleased(e -> {
            if (grabbed == Part.NONE) return;
            dragX = e.getX();
            dragY = e.getY();
            double[] dx = impulse();
            grabbed = Part.NONE;
            frontDirty = true;
            if (dx != null && onPush != null) onPush.accept(dx);
        });
        setOnMouseMoved(e -> setCursor(onPush != null && hit(e.getX(), e.getY()) != Part.NONE ? Cursor.HAND : Cursor.DEFAULT));
    }

    // ---------------------------------------------------------------- what to draw

    /** Starts drawing at display rate (the pane is shown). */
    public void start() {
        if (!timerRunning) timer.start();
        timerRunning = true;
    }

    /** Stops drawing (the pane is left). */
    public void stop() {
        timer.stop();
        timerRunning = false;
    }

    /** The system and its constants (pole length, control limit). Drawn at rest until a state comes. */
    public void setSystem(Dynamics dynamics) {
        ControlSystem next = dynamics instanceof Cartpole ? ControlSystem.CARTPOLE : ControlSystem.PENDULUM;
        double length = dynamics instanceof Cartpole c ? 2 * c.params().halfLength() : ((Pendulum) dynamics).params().length();
        double newLimit = dynamics.controlLimit();
        if (next != system || length != poleLength || newLimit != limit) {
            if (next != system) {
                motion.jumpTo(dynamics.upright(), System.nanoTime());
                camX = 0;
            }
            system = next;
            poleLength = length;
            limit = newLimit;
            backDirty = true;
            frontDirty = true;
        }
    }

    /** The newest state from the engine, with the control that led to it and the time; glides there. */
    public void show(double[] state, double u, double t) {
        motion.moveTo(state, System.nanoTime());
        control = u;
        time = t;
        frontDirty = true;
    }

    /** Shows {@code state} at once (after a reset). */
    public void jump(double[] state, double u, double t) {
        motion.jumpTo(state, System.nanoTime());
        control = u;
        time = t;
        if (!fixedCamera && system == ControlSystem.CARTPOLE) camX = 0;
        backDirty = true;
        frontDirty = true;
    }

    /** States ahead (a plan or a prediction), nearest first; drawn as fading ghosts. */
    public void setGhosts(List<double[]> states) {
        ghosts = states == null ? List.of() : states;
        frontDirty = true;
    }

    /**
     * Whole trajectories (each x_0 … x_T) drawn as the path of the pole's tip, oldest first; the last is
     * highlighted. {@code bestSoFar} (may be null) is drawn dashed.
     */
    public void setOverlays(List<double[][]> trajectories, double[][] bestSoFar) {
        overlays = trajectories == null ? List.of() : trajectories;
        best = bestSoFar;
        if (fixedCamera) fitCamera();
        backDirty = true;
    }

    /**
     * Plays {@code states} (with {@code actions}) in a loop at real time instead of showing engine states;
     * null stops. A new trajectory keeps the clock running, so the motion morphs from one iteration to
     * the next.
     */
    public void setPlayback(double[][] states, double[] actions, double dt) {
        if (playback == null && states != null) playbackStart = System.nanoTime();
        playback = states;
        playbackActions = actions;
        playbackDt = dt;
        frontDirty = true;
    }

    public void setTitle(String title) {
        this.title = title == null ? "" : title;
        frontDirty = true;
    }

    /** A short warning drawn in the corner ("the pole fell"); empty for none. */
    public void setBadge(String badge) {
        this.badge = badge == null ? "" : badge;
        frontDirty = true;
    }

    public void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        backDirty = true;
        frontDirty = true;
    }

    /**
     * How much room to keep below the cart's pivot, as a fraction of the pole's length: 1 for a swing-up
     * (the pole hangs down), less for balancing.
     */
    public void setRoomBelow(double fraction) {
        if (fraction == below) return;
        below = fraction;
        backDirty = true;
    }

    /** A camera fitted to the overlays instead of following the cart (iLQR). */
    public void setFixedCamera(boolean fixed) {
        fixedCamera = fixed;
        if (fixed) fitCamera();
        backDirty = true;
    }

    /** Mouse pushes go to {@code handler}; null disables them. */
    public void setOnPush(Consumer<double[]> handler) {
        onPush = handler;
    }

    /** Frames drawn so far (tests check that drawing goes on). */
    public long frames() {
        return frames;
    }

    /** The state drawn in the last frame (null before one); a copy. */
    public double[] shownState() {
        return shown == null ? null : shown.clone();
    }

    // ---------------------------------------------------------------- geometry

    /** Screen point of the cart's centre and of the pole's middle, for tests and hit tests. */
    public double[] cartCenterOnScreen() {
        double[] s = shown != null ? shown : new double[system.stateSize()];
        if (system != ControlSystem.CARTPOLE) return pivotScreen(s);
        return new double[] {sx(s[Cartpole.X]), sy(WHEEL + CART_HEIGHT / 2)};
    }

    public double[] poleMiddleOnScreen() {
        double[] s = shown != null ? shown : new double[system.stateSize()];
        double[] p = pivotWorld(s);
        double th = s[system == ControlSystem.CARTPOLE ? Cartpole.THETA : Pendulum.THETA];
        double[] d = direction(th);
        return new double[] {sx(p[0] + d[0] * poleLength * 0.6), sy(p[1] + d[1] * poleLength * 0.6)};
    }

    private double pivotHeight() {
        return system == ControlSystem.CARTPOLE ? WHEEL + CART_HEIGHT * 0.75 : 0;
    }

    private double[] pivotWorld(double[] s) {
        return system == ControlSystem.CARTPOLE ? new double[] {s[Cartpole.X], pivotHeight()} : new double[] {0, 0};
    }

    private double[] pivotScreen(double[] s) {
        double[] p = pivotWorld(s);
        return new double[] {sx(p[0]), sy(p[1])};
    }

    /** Unit vector from pivot to tip for angle θ, world coordinates (y up). */
    private double[] direction(double theta) {
        return system == ControlSystem.CARTPOLE ? new double[] {Math.sin(theta), Math.cos(theta)}
                : new double[] {-Math.sin(theta), Math.cos(theta)};
    }

    private double sx(double worldX) {
        return originX + (worldX - camX) * scale;
    }

    private double sy(double worldY) {
        return originY - worldY * scale;
    }

    private double textHeight() {
        return fontSize * 3.7;
    }

    /** Scale and origin for the current size. */
    private void layoutGeometry(double w, double h) {
        double top = textHeight();
        double availH = Math.max(20, h - top - 8);
        if (system == ControlSystem.CARTPOLE) {
            double up = poleLength + pivotHeight() + 0.12;
            double down = Math.max(below * poleLength - pivotHeight(), 0.1) + 0.25;
            double width = fixedCamera ? fittedWidth : MIN_VIEW_WIDTH;
            scale = Math.max(1, Math.min((w - 16) / width, availH / (up + down)));
            originX = w / 2;
            originY = top + (availH - (up + down) * scale) / 2 + up * scale;
        } else {
            double r = poleLength * (overlays.isEmpty() ? 1.15 : SPIRAL_OUTER + 0.05);
            double room = overlays.isEmpty() || system != ControlSystem.PENDULUM ? 0 : fontSize * 1.4;
            scale = Math.max(1, Math.min((w - 16) / (2 * r), (availH - room) / (2 * r)));
            originX = w / 2;
            originY = top + (availH - room) / 2;
            camX = 0;
        }
    }

    private double fittedWidth = MIN_VIEW_WIDTH;

    private void fitCamera() {
        if (system != ControlSystem.CARTPOLE) return;
        double lo = -1;
        double hi = 1;
        for (double[][] t : overlays) {
            for (double[] x : t) {
                lo = Math.min(lo, x[Cartpole.X] - poleLength);
                hi = Math.max(hi, x[Cartpole.X] + poleLength);
            }
        }
        camX = (lo + hi) / 2;
        fittedWidth = Math.max(MIN_VIEW_WIDTH, hi - lo + 0.6);
    }

    /** Keeps the cart in view: the camera moves when it comes within 0.6 m of an edge. */
    private boolean follow(double[] s) {
        if (system != ControlSystem.CARTPOLE || fixedCamera || scale <= 0) return false;
        double half = getWidth() / 2 / scale;
        double margin = Math.min(0.6 + CART_WIDTH, half * 0.5);
        double x = s[Cartpole.X];
        double before = camX;
        if (x > camX + half - margin) camX = x - half + margin;
        if (x < camX - half + margin) camX = x + half - margin;
        return camX != before;
    }

    // ---------------------------------------------------------------- frames

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (back.getWidth() != w || back.getHeight() != h) {
            back.setWidth(w);
            back.setHeight(h);
            front.setWidth(w);
            front.setHeight(h);
            backDirty = true;
            frontDirty = true;
            if (!timerRunning) frame(System.nanoTime());
        }
    }

    private void frame(long now) {
        double w = front.getWidth();
        double h = front.getHeight();
        if (w < 10 || h < 10) return;
        double[] s;
        double u = control;
        double t = time;
        boolean moving;
        if (playback != null && playback.length > 0) {
            double steps = (now - playbackStart) / 1e9 / playbackDt;
            double hold = 1 / playbackDt; // one second at the end
            double cycle = playback.length - 1 + hold;
            double k = steps % cycle;
            int i = (int) Math.min(playback.length - 1, Math.floor(k));
            int j = Math.min(playback.length - 1, i + 1);
            double a = Math.min(1, k - i);
            s = new double[playback[i].length];
            for (int e = 0; e < s.length; e++) s[e] = playback[i][e] + a * (playback[j][e] - playback[i][e]);
            u = playbackActions != null && playbackActions.length > 0 ? playbackActions[Math.min(i, playbackActions.length - 1)] : 0;
            t = Math.min(k, playback.length - 1) * playbackDt;
            moving = true;
            // The trajectory's next second ahead, as ghosts.
            int ahead = (int) Math.min(playback.length - 1 - i, Math.round(1 / playbackDt));
            double[][] next = new double[Math.max(0, ahead)][];
            for (int q = 0; q < next.length; q++) next[q] = playback[i + 1 + q];
            playbackGhosts = List.of(next);
        } else {
            s = motion.at(now);
            moving = !motion.settled(now);
        }
        if (s == null) s = new double[system.stateSize()];
        if (s.length != system.stateSize()) return;
        layoutGeometry(w, h);
        if (follow(s)) backDirty = true;
        // The back canvas is composited only when it holds overlays; otherwise the front one draws the
        // track itself, which halves what the software renderer blends each frame.
        boolean layered = layered();
        if (back.isVisible() != layered) back.setVisible(layered);
        if (backDirty) {
            if (layered) drawBack(w, h);
            backDirty = false;
            frontDirty = true;
        }
        if (!(moving || frontDirty || grabbed != Part.NONE)) return;
        shown = s;
        // Skip frames that would draw the same picture: a balanced system moves by less than a pixel.
        String look = appearance(s, u, t);
        if (!frontDirty && grabbed == Part.NONE && look.equals(lastLook)) return;
        lastLook = look;
        drawFront(w, h, s, u, t);
        frontDirty = false;
        frames++;
    }

    private String lastLook = "";

    /**
     * What a frame would show, to the half pixel: the system's pixels, the ghosts' ends and the text. Equal
     * strings draw equal pictures.
     */
    private String appearance(double[] s, double u, double t) {
        StringBuilder sb = new StringBuilder(96);
        double[] p = pivotWorld(s);
        double[] tip = tipWorld(s);
        sb.append(half(sx(p[0]))).append(',').append(half(sy(p[1]))).append(',').append(half(sx(tip[0]))).append(',')
                .append(half(sy(tip[1])));
        List<double[]> g = playback != null ? playbackGhosts : ghosts;
        sb.append('|').append(g.size());
        if (!g.isEmpty()) {
            double[] far = tipWorld(g.get(g.size() - 1));
            double[] near = tipWorld(g.get(0));
            sb.append(',').append(half(sx(far[0]))).append(',').append(half(sy(far[1]))).append(',')
                    .append(half(sx(near[0]))).append(',').append(half(sy(near[1])));
        }
        String[] lines = textLines(s, u, t);
        sb.append('|').append(lines[0]).append('|').append(lines[1]);
        sb.append('|').append(Math.round(u / (Double.isFinite(limit) ? limit : UNLIMITED_ARROW_SCALE) * 100));
        return sb.toString();
    }

    private static long half(double pixels) {
        return Math.round(pixels * 2);
    }

    /** The two lines of numbers under the title. */
    private String[] textLines(double[] s, double u, double t) {
        int angle = system == ControlSystem.CARTPOLE ? Cartpole.THETA : Pendulum.THETA;
        String degrees = Format.fixed(Math.toDegrees(Angles.normalize(s[angle])), 1);
        // (−π, π] rounds −179.96° to "−180.0"; hanging down reads 180.0 either way.
        String theta = "θ = " + (degrees.equals("-180.0") ? "180.0" : degrees) + "°";
        String uText = "u = " + Format.fixed(u, 2) + " " + system.controlUnit();
        String line1 = "t = " + Format.fixed(t, 1) + " s   " + uText;
        String line2 = system == ControlSystem.CARTPOLE
                ? theta + "   x = " + Format.fixed(s[Cartpole.X], 2) + " m"
                : theta + "   dθ/dt = " + Format.fixed(s[Pendulum.THETA_DOT], 2) + " rad/s";
        return new String[] {line1, line2};
    }

    private boolean layered() {
        return !overlays.isEmpty() || best != null;
    }

    private void drawBack(double w, double h) {
        GraphicsContext g = back.getGraphicsContext2D();
        drawScene(g, w, h);
        drawOverlays(g);
    }

    /** The background and the track (cartpole) or the circle of the tip (pendulum). */
    private void drawScene(GraphicsContext g, double w, double h) {
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (system == ControlSystem.CARTPOLE) drawTrack(g, w);
        else drawCircle(g);
    }

    private void drawTrack(GraphicsContext g, double w) {
        double y = sy(0);
        g.setStroke(theme.muted());
        g.setLineWidth(Math.max(2, fontSize * 0.12));
        g.strokeLine(0, y, w, y);
        double half = w / 2 / scale;
        g.setFill(theme.muted());
        g.setFont(Font.font("DejaVu Sans", fontSize * 0.75));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double step = scale < 40 ? 2 : 1;
        for (double m = Math.ceil((camX - half) / 0.5) * 0.5; m <= camX + half; m += 0.5) {
            boolean major = Math.abs(m / step - Math.rint(m / step)) < 1e-9;
            double x = sx(m);
            g.setLineWidth(major ? 2 : 1);
            g.strokeLine(x, y, x, y + (major ? fontSize * 0.5 : fontSize * 0.25));
            if (major) g.fillText(Format.number(m) + (m == 0 ? " m" : ""), x, y + fontSize * 0.55);
        }
        // Gymnasium ends an episode beyond ±2.4 m.
        g.setStroke(theme.muted().deriveColor(0, 1, 1, 0.7));
        g.setLineDashes(6, 5);
        g.setLineWidth(1.5);
        for (double edge : new double[] {-Cartpole.X_THRESHOLD, Cartpole.X_THRESHOLD}) {
            g.strokeLine(sx(edge), y, sx(edge), y - 0.35 * scale);
        }
        g.setLineDashes();
    }

    private void drawCircle(GraphicsContext g) {
        double r = poleLength * scale;
        g.setStroke(theme.gridLine());
        g.setLineWidth(1.5);
        g.setLineDashes(4, 6);
        g.strokeOval(originX - r, originY - r, 2 * r, 2 * r);
        g.setLineDashes();
    }

    private void drawOverlays(GraphicsContext g) {
        int n = overlays.size();
        g.setLineCap(StrokeLineCap.ROUND);
        for (int i = 0; i < n; i++) {
            boolean newest = i == n - 1;
            double age = n <= 1 ? 1 : (double) i / (n - 1);
            if (newest) {
                g.setStroke(theme.accent());
                g.setLineWidth(Math.max(3, fontSize * 0.2));
            } else {
                g.setStroke(theme.muted().deriveColor(0, 1, 1, 0.15 + 0.45 * age));
                g.setLineWidth(1.5);
            }
            tipPath(g, overlays.get(i));
        }
        if (best != null) {
            g.setStroke(bestColor());
            g.setLineWidth(2.5);
            g.setLineDashes(8, 6);
            tipPath(g, best);
            g.setLineDashes();
        }
    }

    /**
     * The path of the pole's tip. A pendulum's tip always lies on one circle, where every iteration would
     * cover the last; its path is drawn as the angle over time instead, spiralling outwards from
     * {@link #SPIRAL_INNER} to {@link #SPIRAL_OUTER} of the rod's length as t runs from 0 to T.
     */
    private void tipPath(GraphicsContext g, double[][] states) {
        int m = states.length;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int k = 0; k < m; k++) {
            double[] tip;
            if (system == ControlSystem.PENDULUM) {
                double r = SPIRAL_INNER + (SPIRAL_OUTER - SPIRAL_INNER) * k / Math.max(1, m - 1);
                double[] d = direction(states[k][Pendulum.THETA]);
                tip = new double[] {d[0] * poleLength * r, d[1] * poleLength * r};
            } else {
                tip = tipWorld(states[k]);
            }
            xs[k] = sx(tip[0]);
            ys[k] = sy(tip[1]);
        }
        g.strokePolyline(xs, ys, m);
    }

    /** The pendulum's overlay spiral runs from this fraction of the rod's length (t = 0) … */
    static final double SPIRAL_INNER = 0.3;
    /** … to this one (t = T). */
    static final double SPIRAL_OUTER = 1.1;

    private double[] tipWorld(double[] s) {
        double[] p = pivotWorld(s);
        double[] d = direction(s[system == ControlSystem.CARTPOLE ? Cartpole.THETA : Pendulum.THETA]);
        return new double[] {p[0] + d[0] * poleLength, p[1] + d[1] * poleLength};
    }

    private void drawFront(double w, double h, double[] s, double u, double t) {
        GraphicsContext g = front.getGraphicsContext2D();
        if (layered()) g.clearRect(0, 0, w, h);
        else drawScene(g, w, h);
        // 1. Ghosts, farthest first so that the nearest lies on top.
        List<double[]> ghosts = playback != null ? playbackGhosts : this.ghosts;
        int count = ghosts.size();
        if (count > 0) {
            int shownGhosts = Math.min(MAX_GHOSTS, count);
            for (int k = shownGhosts - 1; k >= 0; k--) {
                int index = shownGhosts == 1 ? count - 1 : (int) Math.round((k + 1) * (count - 1.0) / shownGhosts);
                double[] gs = ghosts.get(Math.min(count - 1, index));
                if (gs.length != s.length || coincides(gs, s)) continue;
                double alpha = 0.55 - 0.45 * k / Math.max(1, shownGhosts - 1);
                drawSystem(g, gs, theme.accent().deriveColor(0, 1, 1, alpha), null, true);
            }
        }
        // 2. The system.
        drawSystem(g, s, theme.foreground(), theme.highlight(), false);
        // 3. The control as an arrow.
        drawControl(g, s, u);
        // 4. The push being dragged.
        if (grabbed != Part.NONE) drawPushArrow(g);
        // 5. Text.
        drawText(g, w, s, u, t);
    }

    /** Whether a ghost would be drawn within two pixels of the system (at rest it only blurs the outline). */
    private boolean coincides(double[] ghost, double[] s) {
        double[] a = tipWorld(ghost);
        double[] b = tipWorld(s);
        double[] pa = pivotWorld(ghost);
        double[] pb = pivotWorld(s);
        return Math.hypot(a[0] - b[0], a[1] - b[1]) * scale < 2 && Math.hypot(pa[0] - pb[0], pa[1] - pb[1]) * scale < 2;
    }

    private void drawSystem(GraphicsContext g, double[] s, Color body, Color pole, boolean ghost) {
        double[] p = pivotWorld(s);
        double[] tip = tipWorld(s);
        double poleWidth = Math.max(ghost ? 2 : 5, 0.07 * scale);
        g.setLineCap(StrokeLineCap.ROUND);
        if (system == ControlSystem.CARTPOLE) {
            double cx = sx(s[Cartpole.X]);
            double top = sy(WHEEL + CART_HEIGHT);
            double cw = CART_WIDTH * scale;
            double ch = CART_HEIGHT * scale;
            if (ghost) {
                g.setStroke(body);
                g.setLineWidth(1.5);
                g.strokeRect(cx - cw / 2, top, cw, ch);
            } else {
                g.setFill(body);
                g.fillRoundRect(cx - cw / 2, top, cw, ch, ch * 0.25, ch * 0.25);
                double r = Math.max(3, WHEEL * scale);
                g.setFill(theme.muted());
                for (double wx : new double[] {cx - cw * 0.3, cx + cw * 0.3}) g.fillOval(wx - r, sy(WHEEL) - r, 2 * r, 2 * r);
            }
        }
        g.setStroke(pole != null ? pole : body);
        g.setLineWidth(poleWidth);
        g.strokeLine(sx(p[0]), sy(p[1]), sx(tip[0]), sy(tip[1]));
        if (!ghost) {
            double r = Math.max(3, poleWidth * 0.45);
            g.setFill(theme.background());
            g.fillOval(sx(p[0]) - r, sy(p[1]) - r, 2 * r, 2 * r);
            g.setStroke(body);
            g.setLineWidth(1.5);
            g.strokeOval(sx(p[0]) - r, sy(p[1]) - r, 2 * r, 2 * r);
            if (system == ControlSystem.PENDULUM) {
                double rt = Math.max(4, poleWidth * 0.8);
                g.setFill(pole);
                g.fillOval(sx(tip[0]) - rt, sy(tip[1]) - rt, 2 * rt, 2 * rt);
            }
        }
    }

    private void drawControl(GraphicsContext g, double[] s, double u) {
        double full = Double.isFinite(limit) ? limit : UNLIMITED_ARROW_SCALE;
        double frac = Math.max(-1.5, Math.min(1.5, u / full));
        if (Math.abs(frac) < 0.02) return;
        Color c = forceColor();
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(Math.max(3, fontSize * 0.2));
        if (system == ControlSystem.CARTPOLE) {
            double y = sy(WHEEL + CART_HEIGHT * 0.4);
            double side = Math.signum(frac);
            // The arrow pushes the cart: it ends at the side the force comes from.
            double edge = sx(s[Cartpole.X]) - side * CART_WIDTH / 2 * scale;
            double start = edge - frac * ARROW_LENGTH * scale;
            g.strokeLine(start, y, edge - side * 6, y);
            arrowHead(g, edge, y, side, 0);
        } else {
            double r = poleLength * scale * 0.28;
            double sweep = Math.toDegrees(frac * Math.PI * 0.75);
            // Anticlockwise torque is positive (θ grows anticlockwise).
            double startDeg = 90;
            g.strokeArc(originX - r, originY - r, 2 * r, 2 * r, startDeg, sweep, javafx.scene.shape.ArcType.OPEN);
            double end = Math.toRadians(startDeg + sweep);
            double ex = originX + r * Math.cos(end);
            double ey = originY - r * Math.sin(end);
            double dir = Math.signum(sweep);
            arrowHead(g, ex, ey, -Math.sin(end) * dir, -Math.cos(end) * dir);
        }
    }

    /** A filled arrow head at (x, y) pointing along (dx, dy) in screen coordinates. */
    private void arrowHead(GraphicsContext g, double x, double y, double dx, double dy) {
        double len = Math.hypot(dx, dy);
        if (len == 0) return;
        dx /= len;
        dy /= len;
        double size = Math.max(10, fontSize * 0.7);
        double px = -dy;
        double py = dx;
        g.fillPolygon(new double[] {x, x - dx * size + px * size * 0.5, x - dx * size - px * size * 0.5},
                new double[] {y, y - dy * size + py * size * 0.5, y - dy * size - py * size * 0.5}, 3);
    }

    /** The push being dragged: a ring where the mouse grabbed, an arrow to where it is now. */
    private void drawPushArrow(GraphicsContext g) {
        double len = Math.hypot(dragX - pressX, dragY - pressY);
        double width = Math.max(3, fontSize * 0.18);
        Color ink = theme.accent();
        if (len >= Push.CLICK_PIXELS) {
            // A halo in the background colour keeps the arrow visible over the black cart.
            g.setStroke(theme.background());
            g.setLineWidth(width + 4);
            g.strokeLine(pressX, pressY, dragX, dragY);
            g.setStroke(ink);
            g.setFill(ink);
            g.setLineWidth(width);
            g.strokeLine(pressX, pressY, dragX, dragY);
            arrowHead(g, dragX, dragY, dragX - pressX, dragY - pressY);
        }
        double r = Math.max(6, fontSize * 0.4);
        g.setFill(theme.background());
        g.fillOval(pressX - r, pressY - r, 2 * r, 2 * r);
        g.setStroke(ink);
        g.setLineWidth(width * 0.8);
        g.strokeOval(pressX - r, pressY - r, 2 * r, 2 * r);
    }

    private void drawText(GraphicsContext g, double w, double[] s, double u, double t) {
        double pad = Math.max(6, fontSize * 0.45);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.foreground());
        double y = pad * 0.6;
        if (!title.isEmpty()) {
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, fontSize));
            g.fillText(title, pad, y, w - 2 * pad);
            y += fontSize * 1.3;
        }
        g.setFont(Font.font("DejaVu Sans Mono", fontSize * 0.9));
        String[] lines = textLines(s, u, t);
        String line1 = lines[0];
        String line2 = lines[1];
        g.fillText(line1, pad, y, w - 2 * pad);
        g.fillText(line2, pad, y + fontSize * 1.15, w - 2 * pad);
        if (system == ControlSystem.PENDULUM && !overlays.isEmpty()) {
            g.setFont(Font.font("DejaVu Sans", fontSize * 0.8));
            g.setFill(theme.muted());
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("Paths: the angle over time, t running outwards", pad, front.getHeight() - pad * 0.5, w - 2 * pad);
            g.setTextBaseline(VPos.TOP);
            g.setFill(theme.foreground());
        }
        if (!badge.isEmpty()) {
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, fontSize));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(forceColor());
            g.fillText(badge, w - pad, pad * 0.6, w * 0.5);
        }
    }

    private Color forceColor() {
        return theme == Theme.DARK ? Color.web("#ff7b6b") : Color.web("#c62828");
    }

    private Color bestColor() {
        return theme == Theme.DARK ? Color.web("#7ddc82") : Color.web("#1b7f2a");
    }

    // ---------------------------------------------------------------- pushes

    /**
     * What a press at (x, y) hits: the cart (cartpole only; it wins where the pole's foot overlaps it), the
     * pole, or nothing.
     */
    public Part hit(double x, double y) {
        double[] s = shown != null ? shown : new double[system.stateSize()];
        if (system == ControlSystem.CARTPOLE) {
            double cx = sx(s[Cartpole.X]);
            double cw = CART_WIDTH * scale / 2 + 6;
            double top = sy(WHEEL + CART_HEIGHT) - 4;
            double bottom = sy(0) + 6;
            if (Math.abs(x - cx) <= cw && y >= top && y <= bottom) return Part.CART;
        }
        double[] p = pivotScreen(s);
        double[] tip = tipWorld(s);
        double poleWidth = Math.max(5, 0.07 * scale);
        if (distanceToSegment(x, y, p[0], p[1], sx(tip[0]), sy(tip[1])) <= Math.max(HIT_PIXELS, poleWidth)) return Part.POLE;
        return Part.NONE;
    }

    /**
     * The impulse for the gesture from (pressX, pressY) to (dragX, dragY). On the pole, the drag's component
     * along the direction in which θ grows, divided by the distance of the grab point from the pivot, is the
     * angle it was dragged through.
     */
    private double[] impulse() {
        double[] s = shown != null ? shown : new double[system.stateSize()];
        double len = Math.hypot(dragX - pressX, dragY - pressY);
        if (grabbed == Part.CART) {
            double meters = len < Push.CLICK_PIXELS
                    ? (pressX < sx(s[Cartpole.X]) ? Push.CART_POKE : -Push.CART_POKE)
                    : (dragX - pressX) / scale;
            return Push.cart(meters);
        }
        if (grabbed == Part.POLE) {
            double theta = s[system == ControlSystem.CARTPOLE ? Cartpole.THETA : Pendulum.THETA];
            double[] along = direction(theta);
            // d(direction)/dθ: the way the tip moves as θ grows (world coordinates, y up).
            double[] tangent = system == ControlSystem.CARTPOLE ? new double[] {along[1], -along[0]}
                    : new double[] {-along[1], along[0]};
            double[] p = pivotScreen(s);
            double gx = (pressX - p[0]) / scale;
            double gy = (p[1] - pressY) / scale;
            if (len < Push.CLICK_PIXELS) {
                // A poke from the side that was clicked, across the pole.
                double side = gx * tangent[0] + gy * tangent[1];
                return Push.pole(system, side > 0 ? -Push.POLE_POKE : Push.POLE_POKE);
            }
            double radius = Math.max(0.25 * poleLength, gx * along[0] + gy * along[1]);
            double mx = (dragX - pressX) / scale;
            double my = (pressY - dragY) / scale;
            return Push.pole(system, (mx * tangent[0] + my * tangent[1]) / radius);
        }
        return null;
    }

    private static double distanceToSegment(double x, double y, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double l2 = dx * dx + dy * dy;
        double t = l2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / l2));
        return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
    }
}
