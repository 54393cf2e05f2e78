package org.mbrllab.app.lessons.worldmodels;

import java.util.random.RandomGenerator;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.worldmodels.Dodge;
import org.mbrllab.engine.worldmodels.DodgeParams;
import org.mbrllab.engine.worldmodels.FrozenMdnRnn;
import org.mbrllab.engine.worldmodels.FrozenVae;
import org.mbrllab.engine.worldmodels.LinearController;
import org.mbrllab.engine.worldmodels.WorldModelsPipeline;

/**
 * The dream view's model: M dreaming on its own, one step per {@link #tick()}, beside the real game fed
 * the same actions. Each tick:
 * <ol>
 *   <li>the action: the held key's when the person drives (STAY with no key held), else C's on the
 *       dream's [z, h] (as when C trains);</li>
 *   <li>the dream: h ← GRU(h, [z, a]), z ← a draw from M's mixture at τ, p(done) read from the new h;
 *       the dream ends when p(done) &gt; ½, as {@code DreamScorer} reads it;</li>
 *   <li>the real game takes the same action; its own h follows its real frames through V and M, as
 *       {@code RealPlay} keeps it.</li>
 * </ol>
 * An ended dream or game shows its last frame for {@value #HOLD_TICKS} ticks, then starts again. A tick is
 * one decode and two GRU steps of the small networks, cheap enough for the FX thread at the pane's 8 frames
 * a second.
 */
final class DreamViewModel {
    /** Ticks an ended dream or game stays on screen before it starts again. */
    static final int HOLD_TICKS = 8;
    static final double MIN_TAU = 0.1;
    static final double MAX_TAU = 1.5;

    /** Who picks the action. */
    enum Driver { CONTROLLER, PERSON }

    /**
     * What one tick shows.
     *
     * @param dreamFrame   x̂ of the dream's z
     * @param realFrame    the real game's frame
     * @param action       the action taken this tick (STAY before the first)
     * @param output       C's output o in (−1, 1) on the dream's [z, h] (whether or not C drove)
     * @param doneChance   p(done) the dream's M gave on this step
     * @param dreamSteps   steps the current dream has lasted
     * @param realSteps    steps survived in the current real game
     * @param dreamOver    whether the dream has just ended (its last frame is held)
     * @param realOver     whether the real game has just ended
     * @param lastDream    steps the previous dream lasted (−1 before one ends)
     * @param lastReal     steps the previous real game survived (−1 before one ends)
     */
    record View(float[] dreamFrame, float[] realFrame, Dodge.Action action, double output, double doneChance,
                int dreamSteps, int realSteps, boolean dreamOver, boolean realOver, int lastDream, int lastReal) {}

    private final DoubleProperty tau = new SimpleDoubleProperty(this, "tau", 1.0);
    private final ObjectProperty<Driver> driver = new SimpleObjectProperty<>(this, "driver", Driver.CONTROLLER);
    private final ObjectProperty<Dodge.Action> key = new SimpleObjectProperty<>(this, "key");
    private final ReadOnlyObjectWrapper<View> view = new ReadOnlyObjectWrapper<>(this, "view");
    private final DodgeParams params = DodgeParams.defaults();
    private final RandomGenerator random;
    private FrozenVae v;
    private FrozenMdnRnn m;
    private FrozenMdnRnn.Stepper stepper;
    private LinearController c;
    private float[] h;
    private float[] z;
    private float[] realH;
    private final float[] realFrame = new float[Dodge.PIXELS];
    private Dodge game;
    private int dreamSteps;
    private int realSteps;
    private int dreamHold;
    private int realHold;
    private int lastDream = -1;
    private int lastReal = -1;
    private double doneChance;
    private double output;
    private Dodge.Action action = Dodge.Action.STAY;

    DreamViewModel(long seed) {
        random = Seeds.random(seed);
        tau.addListener((obs, o, n) -> {
            double t = n.doubleValue();
            if (!(t >= MIN_TAU && t <= MAX_TAU)) tau.set(Math.max(MIN_TAU, Math.min(MAX_TAU, Double.isNaN(t) ? 1 : t)));
        });
    }

    /** τ of the dream, {@value #MIN_TAU} to {@value #MAX_TAU}; a change takes effect on the next step. */
    DoubleProperty tauProperty() { return tau; }
    ObjectProperty<Driver> driverProperty() { return driver; }
    /** The arrow held down (LEFT or RIGHT), or null. */
    ObjectProperty<Dodge.Action> keyProperty() { return key; }
    ReadOnlyObjectProperty<View> viewProperty() { return view.getReadOnlyProperty(); }

    /** Whether a dream can run (V and M are there). */
    boolean ready() {
        return v != null && m != null;
    }

    /** A key pressed: the person takes over and steers. */
    void press(Dodge.Action a) {
        driver.set(Driver.PERSON);
        key.set(a);
    }

    /** The key let go: the agent stays put until the next key (or until C is handed back the wheel). */
    void release(Dodge.Action a) {
        if (key.get() == a) key.set(null);
    }

    /** Uses these networks (null: none) and the controller (null: one that always stays); starts afresh. */
    void use(FrozenVae vae, FrozenMdnRnn mdn, LinearController controller) {
        v = vae;
        m = mdn;
        stepper = m == null ? null : m.stepper();
        c = controller != null || m == null ? controller : LinearController.zero(m.latent(), m.hiddenUnits());
        lastDream = -1;
        lastReal = -1;
        restartDream();
        restartReal();
        publish();
    }

    /** One step of the dream and of the real game (see the class comment). */
    void tick() {
        if (!ready()) return;
        // 0. Ended ones wait, then start again.
        if (dreamHold > 0 && --dreamHold == 0) restartDream();
        if (realHold > 0 && --realHold == 0) restartReal();
        // 1. The action.
        output = c.output(z, h);
        if (driver.get() == Driver.PERSON) action = key.get() == null ? Dodge.Action.STAY : key.get();
        else action = LinearController.action(output);
        // 2. The dream.
        if (dreamHold == 0) {
            double logit = stepper.advance(h, z, action, tau.get(), random);
            doneChance = 1 / (1 + Math.exp(-logit));
            if (logit > 0) {
                lastDream = dreamSteps;
                dreamHold = HOLD_TICKS;
            } else {
                dreamSteps++;
            }
        }
        // 3. The real game, with its own memory.
        if (realHold == 0) {
            float[] zr = v.encodeMean(realFrame);
            realSteps += (int) game.step(action);
            realH = m.step(realH, zr, action);
            game.render(realFrame);
            if (game.isDone()) {
                lastReal = realSteps;
                realHold = HOLD_TICKS;
            }
        }
        publish();
    }

    private void restartDream() {
        h = m == null ? new float[0] : m.initialState();
        z = v == null ? new float[0] : WorldModelsPipeline.initialLatent(v, params);
        dreamSteps = 0;
        dreamHold = 0;
        doneChance = 0;
    }

    private void restartReal() {
        game = new Dodge(params, random.nextLong());
        game.render(realFrame);
        realH = m == null ? new float[0] : m.initialState();
        realSteps = 0;
        realHold = 0;
    }

    private void publish() {
        float[] dream = ready() ? v.decode(z) : new float[Dodge.PIXELS];
        view.set(new View(dream, realFrame.clone(), action, ready() ? output : 0, doneChance, dreamSteps, realSteps,
                dreamHold > 0, realHold > 0, lastDream, lastReal));
    }
}
