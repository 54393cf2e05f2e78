package org.mbrllab.app.lessons.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.engine.run.Engine;
import org.mbrllab.engine.tokens.TokenImagination;
import org.mbrllab.engine.tokens.TokenOpenLoop;

/**
 * Everything the pane shows that takes more than a few milliseconds, done on the runner's worker as one job:
 * <ol>
 *   <li>the models: the token world model from its source, the Dreamer lesson's RSSM from its own (this is
 *       where a training of the token model would happen, so ND4J never starts with the window), and the
 *       held-out episodes ({@link DreamerData#heldOut} of seed {@value #DATA_SEED});</li>
 *   <li>the strip of one held-out sequence: the transformer's greedy open loop ({@link TokenOpenLoop#rollout}),
 *       the RSSM's ({@link OpenLoop#rollout}), and the attention of every code of the first imagined frame;</li>
 *   <li>{@value #FUTURES} futures of the same sequence sampled with the pane's temperature and top-k, from a
 *       stream seeded by the pane's seed (the same settings give the same futures);</li>
 *   <li>the benchmark, one held-out sequence per step: the error per imagined step of both models and of the two
 *       baselines on the Dreamer lesson's {@value DreamerData#SEQUENCES} windows.</li>
 * </ol>
 * What a previous job already loaded or measured is handed in and not done again (a benchmark cut short goes on
 * from its last sequence). Confined to the worker;
 * every snapshot holds arrays made for it and never written afterwards.
 */
final class TokensEngine implements Engine<TokensEngine.Snapshot> {
    /** The seed of the Dreamer lesson's data: its held-out episodes are those of seed + 1. */
    static final long DATA_SEED = 1;
    static final int CONTEXT = OpenLoop.CONTEXT;
    static final int HORIZON = OpenLoop.HORIZON;
    static final int SEQUENCES = DreamerData.SEQUENCES;
    /** Sampled futures shown side by side. */
    static final int FUTURES = 4;
    /**
     * Futures (τ = 1, every code) whose pixel-wise mean the benchmark also scores, per sequence: the model's predictive
     * mean, as {@code token-world-model}'s {@code openl} measures it with 32.
     */
    static final int SAMPLED = 8;

    /** What one job is about. */
    record Job(int sequence, TokenImagination.Sampling sampling, long seed) {}

    /**
     * The models and the data, loaded once.
     *
     * @param rssm        the Dreamer lesson's world model, or null when it could not be read
     * @param rssmProblem why not (empty when there is one)
     */
    record Loaded(TokenModel tokens, DreamerNetworks rssm, String rssmProblem, PixelEpisodes heldOut) {
        TokenOpenLoop tokenLoop() {
            return new TokenOpenLoop(heldOut, tokens.meanFrame(), CONTEXT, HORIZON, SEQUENCES);
        }

        OpenLoop rssmLoop() {
            return new OpenLoop(heldOut, tokens.meanFrame(), CONTEXT, HORIZON, SEQUENCES);
        }
    }

    /**
     * One held-out sequence through both models.
     *
     * @param truth       the C + H real frames
     * @param transformer the token model's frames: the context's reconstructions, then its greedy imagination
     * @param rssm        the RSSM's (context filtered, then imagined); null without an RSSM
     * @param tokens      the codes of each of the transformer's frames
     * @param attention   for code i of the first imagined frame, the attention of the position that predicted it,
     *                    [i][block][head][position]
     */
    record Strip(int sequence, List<float[]> truth, List<float[]> transformer, List<float[]> rssm, List<int[]> tokens,
                 float[][][][] attention) {}

    /**
     * The error per imagined step (mean squared pixel error), averaged over the sequences done so far.
     *
     * @param transformer its greedy future
     * @param sampledMean the pixel-wise mean of {@value #SAMPLED} futures sampled at τ = 1 (sequence i's drawn from
     *                    {@link #sampledStream}), one per step
     * @param rssm        null without an RSSM
     */
    record Benchmark(int done, int total, double[] transformer, double[] sampledMean, double[] rssm, double[] copyLast,
                     double[] meanFrame) {
        boolean complete() {
            return done == total;
        }
    }

    /** What the pane shows of a job; parts not yet done are null. */
    record Snapshot(Job job, Loaded loaded, Strip strip, List<List<float[]>> futures, Benchmark benchmark) {}

    private final Supplier<TokenModel> tokenSource;
    private final Supplier<DreamerNetworks> rssmSource;
    private final Job job;
    private Loaded loaded;
    private Strip strip;
    private List<List<float[]>> futures;
    private Benchmark benchmark;
    private final double[] sumTokens = new double[HORIZON];
    private final double[] sumSampled = new double[HORIZON];
    private final double[] sumRssm = new double[HORIZON];
    private final double[] sumCopy = new double[HORIZON];
    private final double[] sumMean = new double[HORIZON];
    private int benchDone;

    /**
     * @param loaded    the models of an earlier job, or null to load them from the sources
     * @param benchmark an earlier job's benchmark with the same models, complete or not (it is carried on from where
     *                  it stopped, so that moving a slider does not start it again), or null to measure it
     */
    TokensEngine(Supplier<TokenModel> tokenSource, Supplier<DreamerNetworks> rssmSource, Job job, Loaded loaded,
                 Benchmark benchmark) {
        this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource");
        this.rssmSource = Objects.requireNonNull(rssmSource, "rssmSource");
        this.job = Objects.requireNonNull(job, "job");
        this.loaded = loaded;
        if (loaded != null && benchmark != null) {
            this.benchmark = benchmark;
            benchDone = benchmark.done();
            for (int k = 0; k < HORIZON; k++) {
                sumTokens[k] = benchmark.transformer()[k] * benchDone;
                sumSampled[k] = benchmark.sampledMean()[k] * benchDone;
                if (benchmark.rssm() != null) sumRssm[k] = benchmark.rssm()[k] * benchDone;
                sumCopy[k] = benchmark.copyLast()[k] * benchDone;
                sumMean[k] = benchmark.meanFrame()[k] * benchDone;
            }
        }
    }

    @Override
    public boolean step() {
        if (isDone()) return false;
        if (loaded == null) loaded = load();
        else if (strip == null) strip = strip(loaded, job.sequence());
        else if (futures == null) futures = futures();
        else benchmarkStep();
        return !isDone();
    }

    @Override
    public boolean isDone() {
        return futures != null && benchmark != null && benchmark.complete();
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(job, loaded, strip, futures, benchmark);
    }

    // 1. The models and the data.
    private Loaded load() {
        TokenModel tokens = Objects.requireNonNull(tokenSource.get(), "the token model's source gave nothing");
        DreamerNetworks rssm = null;
        String problem = "";
        try {
            rssm = rssmSource.get();
        } catch (RuntimeException e) {
            problem = String.valueOf(e.getMessage());
        }
        return new Loaded(tokens, rssm, problem, DreamerData.heldOut(DATA_SEED));
    }

    // 2. One sequence through both models, and the attention of the first imagined frame.
    static Strip strip(Loaded l, int i) {
        TokenImagination model = l.tokens().imagination();
        TokenOpenLoop.Rollout r = l.tokenLoop().rollout(model, i, TokenImagination.Sampling.greedy(), null);
        List<float[]> rssm = l.rssm() == null ? null : l.rssmLoop().rollout(l.rssm().model(), i).decoded();
        // The first imagined frame again, as TokenOpenLoop imagines it, for its attention.
        int from = Math.max(0, CONTEXT - model.window());
        int perEpisode = (PixelEpisodes.STEPS + 1) / (CONTEXT + HORIZON);
        int episode = i / perEpisode;
        int start = (i % perEpisode) * (CONTEXT + HORIZON);
        double[] torques = new double[CONTEXT - from];
        for (int j = from; j < CONTEXT; j++) torques[j - from] = l.heldOut().action(episode, start + j);
        TokenImagination.Frame first = model.next(r.tokens().subList(from, CONTEXT), torques,
                TokenImagination.Sampling.greedy(), null);
        return new Strip(i, r.truth(), r.decoded(), rssm, r.tokens(), first.attention());
    }

    // 3. Sampled futures of the same sequence.
    private List<List<float[]>> futures() {
        RandomGenerator random = Seeds.random(job.seed());
        TokenOpenLoop loop = loaded.tokenLoop();
        List<List<float[]>> out = new ArrayList<>();
        for (int f = 0; f < FUTURES; f++) {
            List<float[]> decoded = loop.rollout(loaded.tokens().imagination(), job.sequence(), job.sampling(), random).decoded();
            out.add(List.copyOf(decoded.subList(CONTEXT, CONTEXT + HORIZON)));
        }
        return List.copyOf(out);
    }

    // 4. The benchmark, one sequence per step.
    private void benchmarkStep() {
        Strip s = strip(loaded, benchDone);
        float[] mean = loaded.tokens().meanFrame();
        float[] last = s.truth().get(CONTEXT - 1);
        List<float[]> sampled = sampledMean(loaded, benchDone);
        for (int k = 0; k < HORIZON; k++) {
            float[] truth = s.truth().get(CONTEXT + k);
            sumTokens[k] += meanSquare(s.transformer().get(CONTEXT + k), truth);
            sumSampled[k] += meanSquare(sampled.get(k), truth);
            if (s.rssm() != null) sumRssm[k] += meanSquare(s.rssm().get(CONTEXT + k), truth);
            sumCopy[k] += meanSquare(last, truth);
            sumMean[k] += meanSquare(mean, truth);
        }
        benchDone++;
        benchmark = new Benchmark(benchDone, SEQUENCES, average(sumTokens), average(sumSampled),
                loaded.rssm() == null ? null : average(sumRssm),
                average(sumCopy), average(sumMean));
    }

    /** The random stream of sequence i's sampled futures in the benchmark (its own, so a resumed benchmark draws the same). */
    static RandomGenerator sampledStream(int i) {
        return Seeds.random(1_000_003L + i);
    }

    /** The pixel-wise mean of {@value #SAMPLED} futures of sequence i sampled at τ = 1 from every code, per imagined step. */
    static List<float[]> sampledMean(Loaded l, int i) {
        TokenImagination model = l.tokens().imagination();
        TokenImagination.Sampling full = new TokenImagination.Sampling(1, model.tokenizer().codes());
        RandomGenerator random = sampledStream(i);
        float[][] mean = new float[HORIZON][PixelPendulum.PIXELS];
        for (int f = 0; f < SAMPLED; f++) {
            List<float[]> decoded = l.tokenLoop().rollout(model, i, full, random).decoded();
            for (int k = 0; k < HORIZON; k++) {
                float[] frame = decoded.get(CONTEXT + k);
                for (int p = 0; p < frame.length; p++) mean[k][p] += frame[p] / SAMPLED;
            }
        }
        return List.of(mean);
    }

    private double[] average(double[] sum) {
        double[] a = new double[sum.length];
        for (int k = 0; k < a.length; k++) a[k] = sum[k] / benchDone;
        return a;
    }

    static double meanSquare(float[] a, float[] b) {
        double s = 0;
        for (int p = 0; p < PixelPendulum.PIXELS; p++) {
            double d = a[p] - b[p];
            s += d * d;
        }
        return s / PixelPendulum.PIXELS;
    }
}
