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
import org.mbrllab.app.common.system.SystemPainter.Look;
import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.Cartpole;
import org.mbrllab.engine.control.CartpoleParams;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.core.Format;

/**
 * Draws a cartpole or a pendulum at display rate, gliding between the states the engine publishes
 * ({@link Interpolator}), with the planned or predicted states ahead as fading ghosts, optional
 * trajectories overlaid (iLQR's iterations, the newest highlighted), the control as an arrow, and a
 * caption. It reads states and computes no physics.
 *
 * <p>It coordinates the parts that do the work: a {@link SystemPainter} per system
 * ({@link CartpolePainter}, {@link PendulumPainter}), the {@link Camera}, the {@link PushGesture} (with
 * {@link #setOnPush} set, a click or a drag on the cart or the pole becomes an impulse handed to the
 * listener, which forwards it to the engine) and the {@link Playback} of a stored trajectory.
 *
 * <p>Two canvases: the back one (track, overlaid trajectories) is redrawn only when its content or the
 * camera changes; the front one (the system, ghosts, arrows, text) each frame while something moves.
 */
public final class SystemView extends Region {

    /** What a mouse press hit. */
    public enum Part { NONE, CART, POLE }

    /** Ghosts drawn at most; a longer plan is sampled evenly. */
    static final int MAX_GHOSTS = 12;
    /** A control of this many N or N·m draws a full-size arrow when the system has no limit. */
    static final double UNLIMITED_ARROW_SCALE = 20;

    private static final SystemPainter CARTPOLE = new CartpolePainter();
    private static final SystemPainter PENDULUM = new PendulumPainter();

    private final Canvas back = new Canvas();
    private final Canvas front = new Canvas();
    private final Interpolator motion = new Interpolator();
    private final Camera camera = new Camera();
    private final PushGesture push = new PushGesture();
    private final Playback playback = new Playback();
    private final AnimationTimer timer;
    private boolean timerRunning;
    /** Whether the last frame was mid-glide: the frame where the glide ends must still draw its target. */
    private boolean gliding;

    private SystemPainter painter = CARTPOLE;
    private double poleLength = 2 * CartpoleParams.HALF_LENGTH.defaultValue();
    private double limit = CartpoleParams.FORCE_LIMIT.defaultValue();
    private double control;
    private double time;
    private List<double[]> ghosts = List.of();
    private List<double[][]> overlays = List.of();
    private double[][] best;
    private String title = "";
    private String badge = "";
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private double below = 0.6;
    private Consumer<double[]> onPush;
    private boolean backDirty = true;
    private boolean frontDirty = true;
    private long frames;
    /** The state drawn in the last frame. */
    private double[] shown;
    private String lastLook = "";
    /** The rod's colour at each step of the playback (which model drove it), or null for the theme's. */
    private Color[] playbackColours;
    private double playbackDt = 1;
    /** The rod's colour in the frame being drawn; null for the theme's highlight. */
    private Color poleColour;

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
            push.press(hit(e.getX(), e.getY()), e.getX(), e.getY());
            frontDirty = true;
        });
        setOnMouseDragged(e -> {
            if (!push.active()) return;
            push.dragTo(e.getX(), e.getY());
            frontDirty = true;
        });
        setOnMouseReleased(e -> {
            if (!push.active()) return;
            double[] dx = push.release(e.getX(), e.getY(), painter, camera, poleLength, state());
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
        SystemPainter next = dynamics instanceof Cartpole ? CARTPOLE : PENDULUM;
        double length = dynamics instanceof Cartpole c ? 2 * c.params().halfLength() : ((Pendulum) dynamics).params().length();
        double newLimit = dynamics.controlLimit();
        if (next != painter || length != poleLength || newLimit != limit) {
            if (next != painter) {
                motion.jumpTo(dynamics.upright(), System.nanoTime());
                camera.recentre();
            }
            painter = next;
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
        if (!camera.fixed() && painter == CARTPOLE) camera.recentre();
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
        if (camera.fixed()) fitCamera();
        backDirty = true;
    }

    /**
     * Plays {@code states} (with {@code actions}) in a loop at real time instead of showing engine states;
     * null stops. A new trajectory keeps the clock running, so the motion morphs from one iteration to
     * the next.
     */
    public void setPlayback(double[][] states, double[] actions, double dt) {
        playback.set(states, actions, dt, System.nanoTime());
        playbackDt = dt;
        frontDirty = true;
    }

    /**
     * Colours the rod at each step of the playback ({@code colours[k]} from step k, which model of an
     * ensemble drove it); null draws it in the theme's colour again.
     */
    public void setPlaybackColours(Color[] colours) {
        playbackColours = colours == null ? null : colours.clone();
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
        camera.setFixed(fixed);
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

    /** Screen point of the cart's centre (the pendulum's pivot), for tests and hit tests. */
    public double[] cartCenterOnScreen() {
        return painter.bodyCentre(camera, state());
    }

    /** Screen point 60 % of the way from the pivot to the tip, where a test grabs the pole. */
    public double[] poleMiddleOnScreen() {
        double[] s = state();
        double[] p = painter.pivot(s);
        double[] d = painter.direction(painter.theta(s));
        return new double[] {camera.sx(p[0] + d[0] * poleLength * 0.6), camera.sy(p[1] + d[1] * poleLength * 0.6)};
    }

    /**
     * What a press at (x, y) hits: the cart (cartpole only; it wins where the pole's foot overlaps it), the
     * pole, or nothing.
     */
    public Part hit(double x, double y) {
        return PushGesture.hit(painter, camera, poleLength, state(), x, y);
    }

    /** The state drawn last, or the origin before the first frame. */
    private double[] state() {
        return shown != null ? shown : new double[painter.system().stateSize()];
    }

    private Look look() {
        return new Look(theme, fontSize, poleLength, below, !overlays.isEmpty());
    }

    private void fitCamera() {
        if (painter == CARTPOLE) camera.fitTo(overlays, poleLength);
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
        if (playback.playing()) {
            Playback.Sample sample = playback.at(now);
            s = sample.state();
            u = sample.u();
            t = sample.t();
            moving = true;
            poleColour = playbackColours == null || playbackColours.length == 0 ? null
                    : playbackColours[(int) Math.max(0, Math.min(playbackColours.length - 1, Math.floor(t / playbackDt + 1e-9)))];
        } else {
            s = motion.at(now);
            moving = !motion.settled(now);
        }
        if (s == null) s = new double[painter.system().stateSize()];
        if (s.length != painter.system().stateSize()) return;
        Look look = look();
        double top = fontSize * 3.7;
        painter.place(camera, w, top, Math.max(20, h - top - 8), look);
        if (painter.follow(camera, s, getWidth())) backDirty = true;
        // The back canvas is composited only when it holds overlays; otherwise the front one draws the
        // track itself, which halves what the software renderer blends each frame.
        boolean layered = layered();
        if (back.isVisible() != layered) back.setVisible(layered);
        if (backDirty) {
            if (layered) drawBack(w, h, look);
            backDirty = false;
            frontDirty = true;
        }
        // The frame in which a glide settles draws the target itself; without it the picture (and
        // shownState) stayed up to a frame short of the engine's newest state.
        boolean settling = gliding && !moving;
        gliding = moving && !playback.playing();
        if (!(moving || settling || frontDirty || push.active())) return;
        shown = s;
        // Skip frames that would draw the same picture: a balanced system moves by less than a pixel.
        String appearance = appearance(s, u, t);
        if (!frontDirty && !push.active() && appearance.equals(lastLook)) return;
        lastLook = appearance;
        drawFront(w, h, s, u, t, look);
        frontDirty = false;
        frames++;
    }

    /** The ghosts to draw: the replay's next second, or the engine's plan. */
    private List<double[]> currentGhosts() {
        return playback.on() ? playback.ghosts() : ghosts;
    }

    /**
     * What a frame would show, to the half pixel: the system's pixels, the ghosts' ends and the text. Equal
     * strings draw equal pictures.
     */
    private String appearance(double[] s, double u, double t) {
        StringBuilder sb = new StringBuilder(96);
        if (poleColour != null) sb.append(poleColour).append(';');
        double[] p = painter.pivot(s);
        double[] tip = painter.tip(s, poleLength);
        sb.append(half(camera.sx(p[0]))).append(',').append(half(camera.sy(p[1]))).append(',')
                .append(half(camera.sx(tip[0]))).append(',').append(half(camera.sy(tip[1])));
        List<double[]> g = currentGhosts();
        sb.append('|').append(g.size());
        if (!g.isEmpty()) {
            double[] far = painter.tip(g.get(g.size() - 1), poleLength);
            double[] near = painter.tip(g.get(0), poleLength);
            sb.append(',').append(half(camera.sx(far[0]))).append(',').append(half(camera.sy(far[1]))).append(',')
                    .append(half(camera.sx(near[0]))).append(',').append(half(camera.sy(near[1])));
        }
        String[] lines = textLines(s, u, t);
        sb.append('|').append(lines[0]).append('|').append(lines[1]);
        sb.append('|').append(Math.round(u / fullControl() * 100));
        return sb.toString();
    }

    private static long half(double pixels) {
        return Math.round(pixels * 2);
    }

    /** The control that draws a full-size arrow: the limit, or {@link #UNLIMITED_ARROW_SCALE} with none. */
    private double fullControl() {
        return Double.isFinite(limit) ? limit : UNLIMITED_ARROW_SCALE;
    }

    /** The two lines of numbers under the title. */
    private String[] textLines(double[] s, double u, double t) {
        String degrees = Format.fixed(Math.toDegrees(Angles.normalize(painter.theta(s))), 1);
        // (−π, π] rounds −179.96° to "−180.0"; hanging down reads 180.0 either way.
        String theta = "θ = " + (degrees.equals("-180.0") ? "180.0" : degrees) + "°";
        String uText = "u = " + Format.fixed(u, 2) + " " + painter.system().controlUnit();
        String line1 = "t = " + Format.fixed(t, 1) + " s   " + uText;
        String line2 = theta + "   " + painter.stateLine(s);
        return new String[] {line1, line2};
    }

    private boolean layered() {
        return !overlays.isEmpty() || best != null;
    }

    // ---------------------------------------------------------------- drawing

    private void drawBack(double w, double h, Look look) {
        GraphicsContext g = back.getGraphicsContext2D();
        drawScene(g, w, h, look);
        drawOverlays(g);
    }

    /** The background and the ground (the track or the tip's circle). */
    private void drawScene(GraphicsContext g, double w, double h, Look look) {
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        painter.drawGround(g, camera, look, w);
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
            path(g, overlays.get(i));
        }
        if (best != null) {
            g.setStroke(bestColor());
            g.setLineWidth(2.5);
            g.setLineDashes(8, 6);
            path(g, best);
            g.setLineDashes();
        }
    }

    /** A trajectory as the painter traces it (the tip's path, or the pendulum's spiral). */
    private void path(GraphicsContext g, double[][] states) {
        int m = states.length;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int k = 0; k < m; k++) {
            double[] point = painter.pathPoint(states[k], k, m, poleLength);
            xs[k] = camera.sx(point[0]);
            ys[k] = camera.sy(point[1]);
        }
        g.strokePolyline(xs, ys, m);
    }

    private void drawFront(double w, double h, double[] s, double u, double t, Look look) {
        GraphicsContext g = front.getGraphicsContext2D();
        if (layered()) g.clearRect(0, 0, w, h);
        else drawScene(g, w, h, look);
        // 1. Ghosts, farthest first so that the nearest lies on top.
        List<double[]> ghosts = currentGhosts();
        int count = ghosts.size();
        if (count > 0) {
            int shownGhosts = Math.min(MAX_GHOSTS, count);
            for (int k = shownGhosts - 1; k >= 0; k--) {
                int index = shownGhosts == 1 ? count - 1 : (int) Math.round((k + 1) * (count - 1.0) / shownGhosts);
                double[] gs = ghosts.get(Math.min(count - 1, index));
                if (gs.length != s.length || coincides(gs, s)) continue;
                double alpha = 0.55 - 0.45 * k / Math.max(1, shownGhosts - 1);
                painter.drawSystem(g, camera, look, gs, theme.accent().deriveColor(0, 1, 1, alpha), null, true);
            }
        }
        // 2. The system.
        painter.drawSystem(g, camera, look, s, theme.foreground(), poleColour != null ? poleColour : theme.highlight(), false);
        // 3. The control as an arrow.
        drawControl(g, s, u, look);
        // 4. The push being dragged.
        if (push.active()) push.draw(g, theme, fontSize);
        // 5. Text.
        drawText(g, w, s, u, t);
    }

    /** Whether a ghost would be drawn within two pixels of the system (at rest it only blurs the outline). */
    private boolean coincides(double[] ghost, double[] s) {
        double[] a = painter.tip(ghost, poleLength);
        double[] b = painter.tip(s, poleLength);
        double[] pa = painter.pivot(ghost);
        double[] pb = painter.pivot(s);
        double scale = camera.scale();
        return Math.hypot(a[0] - b[0], a[1] - b[1]) * scale < 2 && Math.hypot(pa[0] - pb[0], pa[1] - pb[1]) * scale < 2;
    }

    private void drawControl(GraphicsContext g, double[] s, double u, Look look) {
        double frac = Math.max(-1.5, Math.min(1.5, u / fullControl()));
        if (Math.abs(frac) < 0.02) return;
        Color c = forceColor();
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(Math.max(3, fontSize * 0.2));
        painter.drawControl(g, camera, look, s, frac);
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
        g.fillText(lines[0], pad, y, w - 2 * pad);
        g.fillText(lines[1], pad, y + fontSize * 1.15, w - 2 * pad);
        String note = painter.pathsNote();
        if (note != null && !overlays.isEmpty()) {
            g.setFont(Font.font("DejaVu Sans", fontSize * 0.8));
            g.setFill(theme.muted());
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(note, pad, front.getHeight() - pad * 0.5, w - 2 * pad);
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
}
