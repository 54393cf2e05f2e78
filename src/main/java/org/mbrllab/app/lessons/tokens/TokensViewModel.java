package org.mbrllab.app.lessons.tokens;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.engine.nn.Nd4jRuntime;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.tokens.FrozenTokenizer;
import org.mbrllab.engine.tokens.TokenConfig;
import org.mbrllab.engine.tokens.TokenImagination;
import org.mbrllab.engine.tokens.TokenNetworks;
import org.mbrllab.engine.tokens.TokenWorldModel;

/**
 * The token lesson's view-model: the token world model in use and the Dreamer lesson's RSSM beside it, and what
 * the views draw: one held-out frame as tokens that can be swapped ({@link TokenPanel}), the open-loop strip of
 * both models ({@link TokensEngine.Strip}), the attention of a predicted code ({@link Attention}), futures
 * sampled with a temperature and top-k ({@link Futures}) and the error per step against the two baselines
 * ({@link TokensEngine.Benchmark}). Whatever takes time runs on the runner's worker as one {@link TokensEngine}
 * job, started again when the sequence or the sampling changes (a new seed, on Reset); decoding a swapped token (a few
 * thousand multiplications) is done here, on the calling thread. It never touches a control.
 *
 * <h2>Where the model comes from</h2>
 * One seam, {@link #setModelSource}: a supplier of {@link TokenModel} called on the worker. The default reads the
 * model that ships with the app ({@link TokenNetworks#shipped()}, made by {@code token-world-model --seed 1}); the
 * tests use {@link #trainTiny()}, {@link TokenConfig#tiny()} trained on a few random episodes in a second or two:
 * enough to see the pane work, not a model worth studying.
 */
final class TokensViewModel extends RunnerViewModel<TokensEngine, TokensEngine.Snapshot> {
    /** The largest temperature the slider offers. */
    static final double MAX_TEMPERATURE = 2;
    /** Episodes the default (tiny) model is trained on. */
    static final int TINY_EPISODES = 20;

    /**
     * The swappable frame: the first frame to be predicted of the sequence (held out), its codes, the codes as
     * edited, and the tokenizer's decoding of the edited codes.
     *
     * @param selected the cell picked, 0 … T − 1, row-major
     */
    record TokenPanel(float[] frame, int[] original, int[] edited, float[] decoded, int selected, int codes, int side) {
        boolean swapped(int cell) {
            return original[cell] != edited[cell];
        }
    }

    /**
     * The attention of the position that predicted code {@code token} of the first imagined frame.
     *
     * @param weights       [block][head][position], over the positions before it
     * @param contextFrames frames in the transformer's window (each its codes and an action token)
     * @param frameTokens   codes a frame
     * @param predicted     the code it chose (greedy)
     */
    record Attention(int token, float[][][] weights, int contextFrames, int frameTokens, int predicted) {}

    /**
     * Futures of one sequence sampled with one setting.
     *
     * @param truth   the H true frames
     * @param samples {@value TokensEngine#FUTURES} futures of H frames each
     * @param mean    their pixel-wise mean, H frames
     */
    record Futures(List<float[]> truth, List<List<float[]>> samples, List<float[]> mean, TokenImagination.Sampling sampling) {}

    private final IntegerProperty sequence = new SimpleIntegerProperty(this, "sequence", 0);
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 1);
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK", TokenConfig.MAX_CODES);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", 5);
    private final ReadOnlyObjectWrapper<TokenPanel> panel = new ReadOnlyObjectWrapper<>(this, "panel");
    private final ReadOnlyObjectWrapper<TokensEngine.Strip> strip = new ReadOnlyObjectWrapper<>(this, "strip");
    private final ReadOnlyObjectWrapper<Attention> attention = new ReadOnlyObjectWrapper<>(this, "attention");
    private final ReadOnlyObjectWrapper<Futures> futures = new ReadOnlyObjectWrapper<>(this, "futures");
    private final ReadOnlyObjectWrapper<TokensEngine.Benchmark> benchmark = new ReadOnlyObjectWrapper<>(this, "benchmark");
    private final ReadOnlyObjectWrapper<TokenModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper modelStatus = new ReadOnlyStringWrapper(this, "modelStatus", "Loading the models…");
    private Supplier<TokenModel> modelSource = TokensViewModel::readShipped;
    private Supplier<DreamerNetworks> rssmSource = TokensViewModel::readShippedRssm;
    private TokensEngine.Loaded loaded;
    private TokensEngine.Benchmark measured;
    private TokensEngine.Job job;

    TokensViewModel() {
        super("tokens");
        sequence.addListener((obs, o, n) -> relaunch());
        temperature.addListener((obs, o, n) -> relaunch());
        topK.addListener((obs, o, n) -> relaunch());
        selected.addListener((obs, o, n) -> {
            TokenPanel p = panel.get();
            if (p != null) panel.set(new TokenPanel(p.frame(), p.original(), p.edited(), p.decoded(), n.intValue(), p.codes(), p.side()));
            showAttention();
        });
    }

    /** The held-out sequence, 0 … {@value TokensEngine#SEQUENCES} − 1. */
    IntegerProperty sequenceProperty() { return sequence; }
    /** τ, 0 (greedy) … {@value #MAX_TEMPERATURE}. */
    DoubleProperty temperatureProperty() { return temperature; }
    /** k of top-k, 1 … K (larger values keep all K codes). */
    IntegerProperty topKProperty() { return topK; }
    /** The cell of the token grid picked, 0 … T − 1: the one swapped, and the code whose attention is shown. */
    IntegerProperty selectedProperty() { return selected; }
    ReadOnlyObjectProperty<TokenPanel> panelProperty() { return panel.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<TokensEngine.Strip> stripProperty() { return strip.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Attention> attentionProperty() { return attention.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Futures> futuresProperty() { return futures.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<TokensEngine.Benchmark> benchmarkProperty() { return benchmark.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<TokenModel> modelProperty() { return model.getReadOnlyProperty(); }
    ReadOnlyStringProperty modelStatusProperty() { return modelStatus.getReadOnlyProperty(); }

    /**
     * Where the token world model comes from (called on the worker, once per opening). Set it before the pane
     * opens.
     */
    void setModelSource(Supplier<TokenModel> source) {
        modelSource = source;
        loaded = null;
        measured = null;
    }

    /** Where the Dreamer lesson's RSSM comes from (an exception's message is shown instead of its rows). */
    void setRssmSource(Supplier<DreamerNetworks> source) {
        rssmSource = source;
        loaded = null;
        measured = null;
    }

    /** The default model: {@link TokenConfig#tiny()} trained on {@value #TINY_EPISODES} random episodes of seed 1. */
    static TokenModel trainTiny() {
        Nd4jRuntime.ensureReady();
        var training = DreamerData.training(TokensEngine.DATA_SEED, TINY_EPISODES);
        TokenConfig c = TokenConfig.tiny();
        TokenWorldModel.Trained t = TokenWorldModel.train(c, training);
        return new TokenModel(t.imagination(), training.meanFrame(), "a tiny model trained just now (" + c.codes()
                + " codes, " + c.layers() + " block, " + c.tokenizerUpdates() + " + " + c.transformerUpdates()
                + " updates): it shows how the pane works, not what a token model can do");
    }

    /** The shipped model ({@link TokenNetworks#SHIPPED}); a file that cannot be read is an error shown in the pane. */
    static TokenModel readShipped() {
        TokenNetworks n;
        try {
            n = TokenNetworks.shipped();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        TokenConfig c = n.config();
        return new TokenModel(n.imagination(), n.meanFrame(), "the shipped model (" + c.codes() + " codes, " + c.layers()
                + " blocks of width " + c.width() + ", " + c.heads() + " heads; trained on " + n.episodes()
                + " random episodes, seed " + n.seed() + ")");
    }

    static DreamerNetworks readShippedRssm() {
        try {
            return DreamerNetworks.shippedWorldModel();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        start(runners);
    }

    /**
     * Starts the job for the current settings and seed again (what was loaded and measured is kept), at full speed
     * whatever the speed slider says: a job is a computation to finish, not an animation.
     */
    @Override
    public void reset() {
        if (runner() == null) return;
        super.reset();
        runToEnd();
    }

    private void relaunch() {
        if (isStarted()) reset();
    }

    /** The next held-out sequence (after the last, the first). */
    void anotherSequence() {
        sequence.set((sequence.get() + 1) % TokensEngine.SEQUENCES);
    }

    TokenImagination.Sampling sampling() {
        int k = Math.max(1, Math.min(TokenConfig.MAX_CODES, topK.get()));
        return new TokenImagination.Sampling(Math.max(0, Math.min(MAX_TEMPERATURE, temperature.get())), k);
    }

    @Override
    protected Supplier<TokensEngine> engineFactory() {
        TokensEngine.Job j = new TokensEngine.Job(sequence.get(), sampling(), seed());
        job = j;
        Supplier<TokenModel> tokens = modelSource;
        Supplier<DreamerNetworks> rssm = rssmSource;
        TokensEngine.Loaded l = loaded;
        TokensEngine.Benchmark b = measured;
        return () -> new TokensEngine(tokens, rssm, j, l, b);
    }

    @Override
    protected void onSnapshot(TokensEngine.Snapshot s, RunStatus status) {
        if (s.loaded() != null && s.loaded() != loaded) {
            loaded = s.loaded();
            model.set(loaded.tokens());
        }
        if (s.benchmark() != null && s.loaded() == loaded) {
            benchmark.set(s.benchmark());
            // The next job carries it on (or keeps it, once complete).
            if (measured == null || s.benchmark().done() >= measured.done()) measured = s.benchmark();
        }
        if (s.job().equals(job)) {
            if (s.strip() != null && s.strip() != strip.get()) {
                strip.set(s.strip());
                showPanel(s.strip());
                showAttention();
            }
            if (s.futures() != null && (futures.get() == null || futures.get().samples() != s.futures())) {
                futures.set(futures(s.strip(), s.futures(), s.job().sampling()));
            }
        }
        modelStatus.set(statusText());
    }

    private String statusText() {
        if (loaded == null) return "Loading the models…";
        StringBuilder b = new StringBuilder("Token model: ").append(loaded.tokens().description()).append('.');
        if (loaded.rssm() == null) b.append(" No RSSM to compare with (").append(loaded.rssmProblem()).append(").");
        else b.append(" RSSM: the Dreamer lesson's world model trained on the same random episodes.");
        TokensEngine.Benchmark m = benchmark.get();
        if (m != null && m.complete()) {
            b.append(String.format(Locale.ROOT, " Open loop over %d steps, greedy: %.2f × the mean frame's error, %.2f × copying"
                    + " the last frame's; the mean of %d sampled futures: %.2f × and %.2f ×.",
                    m.transformer().length, average(m.transformer()) / average(m.meanFrame()),
                    average(m.transformer()) / average(m.copyLast()), TokensEngine.SAMPLED,
                    average(m.sampledMean()) / average(m.meanFrame()), average(m.sampledMean()) / average(m.copyLast())));
        }
        return b.toString();
    }

    private static double average(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    // ---------------------------------------------------------------- tokens

    private void showPanel(TokensEngine.Strip s) {
        FrozenTokenizer t = loaded.tokens().imagination().tokenizer();
        float[] frame = s.truth().get(TokensEngine.CONTEXT);
        int[] codes = t.encode(frame);
        int side = (int) Math.round(Math.sqrt(codes.length));
        int cell = Math.min(selected.get(), codes.length - 1);
        panel.set(new TokenPanel(frame, codes, codes.clone(), t.decode(codes), cell, t.codes(), side));
    }

    /** Puts code {@code code} (0 … K − 1) in cell {@code cell} and decodes the edited codes. */
    void swap(int cell, int code) {
        TokenPanel p = panel.get();
        if (p == null) return;
        if (cell < 0 || cell >= p.edited().length || code < 0 || code >= p.codes()) {
            throw new IllegalArgumentException("cell " + cell + " and code " + code + ": expected 0 … "
                    + (p.edited().length - 1) + " and 0 … " + (p.codes() - 1));
        }
        int[] edited = p.edited().clone();
        edited[cell] = code;
        float[] decoded = loaded.tokens().imagination().tokenizer().decode(edited);
        selected.set(cell);
        panel.set(new TokenPanel(p.frame(), p.original(), edited, decoded, cell, p.codes(), p.side()));
    }

    /** The selected cell's code moved by {@code delta}, wrapping round the codebook. */
    void nextCode(int delta) {
        TokenPanel p = panel.get();
        if (p == null) return;
        int cell = p.selected();
        swap(cell, Math.floorMod(p.edited()[cell] + delta, p.codes()));
    }

    /** Every cell back to the frame's own code. */
    void restoreTokens() {
        TokenPanel p = panel.get();
        if (p == null) return;
        panel.set(new TokenPanel(p.frame(), p.original(), p.original().clone(),
                loaded.tokens().imagination().tokenizer().decode(p.original()), p.selected(), p.codes(), p.side()));
    }

    // ---------------------------------------------------------------- attention and futures

    private void showAttention() {
        TokensEngine.Strip s = strip.get();
        if (s == null || loaded == null) return;
        int frameTokens = s.tokens().get(0).length;
        int cell = Math.min(selected.get(), frameTokens - 1);
        int window = loaded.tokens().imagination().window();
        int frames = Math.min(window, TokensEngine.CONTEXT);
        attention.set(new Attention(cell, s.attention()[cell], frames, frameTokens, s.tokens().get(TokensEngine.CONTEXT)[cell]));
    }

    private static Futures futures(TokensEngine.Strip s, List<List<float[]>> samples, TokenImagination.Sampling sampling) {
        List<float[]> truth = List.copyOf(s.truth().subList(TokensEngine.CONTEXT, TokensEngine.CONTEXT + TokensEngine.HORIZON));
        List<float[]> mean = new ArrayList<>();
        for (int k = 0; k < TokensEngine.HORIZON; k++) {
            float[] m = new float[PixelPendulum.PIXELS];
            for (List<float[]> f : samples) {
                float[] frame = f.get(k);
                for (int p = 0; p < m.length; p++) m[p] += frame[p] / samples.size();
            }
            mean.add(m);
        }
        return new Futures(truth, samples, List.copyOf(mean), sampling);
    }

    // ---------------------------------------------------------------- status

    @Override
    protected String describe(RunStatus status) {
        TokensEngine.Benchmark m = benchmark.get();
        if (status.running()) {
            if (loaded == null) return "Loading the token model and the RSSM";
            if (m == null || !m.complete()) return "Imagining: benchmark sequence " + (m == null ? 0 : m.done()) + " of " + TokensEngine.SEQUENCES;
            return "Imagining";
        }
        return switch (status.state()) {
            case FAILED -> "Stopped: " + status.message();
            case DIVERGED -> "Stopped: diverged";
            default -> loaded == null ? "Paused before the models were loaded: press Run" : "Ready: swap a token, move the sliders";
        };
    }
}
