package org.mbrllab.engine.tokens;

import java.util.Arrays;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.dreamer.PixelEpisodes;

/**
 * The quality check of the token world model, run by hand (not part of the suite: its name does not end in
 * "Test"): trains {@link TokenConfig#defaults()} on 200 random-torque episodes (seed 1), as the Dreamer lesson's
 * figures do, and scores it on 10 held-out episodes (seed 2), greedy and as the mean of 32 sampled futures (τ = 1),
 * with 10 and with 15 imagined frames (the latter on exactly the windows of {@code RssmConfig.defaults}' figures).
 * <pre>
 *   mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) org.mbrllab.engine.tokens.TokenWorldModelQualityRun
 * </pre>
 */
final class TokenWorldModelQualityRun {
    private TokenWorldModelQualityRun() {}

    public static void main(String[] args) {
        PixelEpisodes training = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 200, 1);
        PixelEpisodes heldOut = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 10, 2);
        TokenConfig config = TokenConfig.defaults();
        System.out.println(config);
        TokenWorldModel.Trained model = TokenWorldModel.train(config, training);
        TokenWorldModel.Report greedy = TokenWorldModel.report(model, training, heldOut, TokenImagination.Sampling.greedy(), 1, 1);
        System.out.printf("seconds %.1f  tokenizer_mse %.6f  codes_used %d  revived %d%n", model.seconds(),
                greedy.tokenizerMse(), greedy.codesUsed(), model.revivedCodes());
        print("greedy, 10 steps", greedy.openLoop());
        TokenImagination.Sampling full = new TokenImagination.Sampling(1, config.codes());
        print("mean of 32 futures, 10 steps",
                TokenWorldModel.report(model, training, heldOut, full, 32, 1).openLoop());
        TokenOpenLoop dreamerWindows = new TokenOpenLoop(heldOut, training.meanFrame(), OpenLoop.CONTEXT, OpenLoop.HORIZON, 50);
        print("greedy, 15 steps", dreamerWindows.evaluate(model.imagination(), TokenImagination.Sampling.greedy(), Seeds.random(1)));
        print("mean of 32 futures, 15 steps", dreamerWindows.evaluate(model.imagination(), full, 32, Seeds.random(1)));
    }

    private static void print(String what, OpenLoop.Result r) {
        System.out.println(what + ": sequences " + r.sequences());
        System.out.println("  mse        " + Arrays.toString(r.msePerStep()));
        System.out.println("  copy last  " + Arrays.toString(r.copyLastPerStep()));
        System.out.println("  mean frame " + Arrays.toString(r.meanFramePerStep()));
        System.out.printf("  averages: model %.5f  copy last %.5f  mean frame %.5f  (model / mean frame %.2f)%n", r.mse(),
                r.baselineCopyLast(), r.baselineMeanFrame(), r.mse() / r.baselineMeanFrame());
    }
}
