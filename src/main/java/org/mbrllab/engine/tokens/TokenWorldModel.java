package org.mbrllab.engine.tokens;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.dreamer.PixelEpisodes;

/**
 * The whole token world model, trained and scored as the lesson reports it: the tokenizer, then the transformer
 * on its tokens, then open-loop prediction on held-out sequences against the Dreamer lesson's baselines.
 *
 * <h2>The reported figures</h2>
 * <ul>
 *   <li>{@code tokenizerMse}: the tokenizer's reconstruction error per pixel over every held-out frame;</li>
 *   <li>{@code codesUsed}: how many of the K codes some held-out patch picks;</li>
 *   <li>{@code openLoop}: {@link TokenOpenLoop} with {@code sampling} (greedy by default), C = {@value #CONTEXT}
 *       context frames, K = {@value #HORIZON} imagined, on the first {@value #SEQUENCES} windows;</li>
 *   <li>{@code seconds}: the wall-clock time of both trainings (measured, so it varies with the machine's load).</li>
 * </ul>
 */
public final class TokenWorldModel {
    /** Context frames of the open-loop test (the Dreamer lesson's). */
    public static final int CONTEXT = OpenLoop.CONTEXT;
    /** Imagined frames of the open-loop test. */
    public static final int HORIZON = 10;
    /** Held-out windows scored (at least 32, as the Dreamer figures use 50). */
    public static final int SEQUENCES = 50;

    private TokenWorldModel() {}

    /** A trained model: the imagination it makes and its training time, in seconds. */
    public record Trained(TokenImagination imagination, int revivedCodes, double seconds) {}

    /** Told after every update of either network, on the training thread; it may throw to stop training. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param network {@code "tokenizer"} or {@code "transformer"}
         * @param update  the update just done, 1 … {@code updates}
         * @param loss    its loss (the tokenizer's total; the transformer's cross-entropy of the codes)
         */
        void updated(String network, int update, int updates, double loss);
    }

    /** Trains the tokenizer, then the transformer, on {@code training}. */
    public static Trained train(TokenConfig config, PixelEpisodes training) {
        return train(config, training, (network, update, updates, loss) -> { });
    }

    /** As {@link #train(TokenConfig, PixelEpisodes)}, telling {@code listener} after every update. */
    public static Trained train(TokenConfig config, PixelEpisodes training, Listener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        long start = System.nanoTime();
        TokenizerTrainer tokenizer = new TokenizerTrainer(config, training);
        while (!tokenizer.isDone()) {
            tokenizer.step();
            listener.updated("tokenizer", tokenizer.updates(), config.tokenizerUpdates(), tokenizer.last().loss());
        }
        FrozenTokenizer frozen = tokenizer.freeze();
        TransformerTrainer transformer = new TransformerTrainer(config, training, frozen);
        while (!transformer.isDone()) {
            transformer.step();
            listener.updated("transformer", transformer.updates(), config.transformerUpdates(), transformer.lastLoss());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Trained(new TokenImagination(frozen, transformer.freeze()), tokenizer.revived(), seconds);
    }

    /** What the lesson reports of a trained model (see the class comment). */
    public record Report(double tokenizerMse, int codesUsed, OpenLoop.Result openLoop, double seconds) {}

    /**
     * Scores a trained model on held-out episodes.
     *
     * @param samples futures averaged per sequence (1 for the greedy figure)
     */
    public static Report report(Trained model, PixelEpisodes training, PixelEpisodes heldOut,
                                TokenImagination.Sampling sampling, int samples, long seed) {
        FrozenTokenizer tokenizer = model.imagination().tokenizer();
        TokenOpenLoop openLoop = new TokenOpenLoop(heldOut, training.meanFrame(), CONTEXT, HORIZON, SEQUENCES);
        RandomGenerator random = Seeds.random(seed);
        return new Report(TokenOpenLoop.tokenizerMse(tokenizer, heldOut), TokenOpenLoop.codesUsed(tokenizer, heldOut),
                openLoop.evaluate(model.imagination(), sampling, samples, random), model.seconds());
    }
}
