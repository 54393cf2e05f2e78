package org.mbrllab.app.lessons.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.tokens.FrozenTokenizer;
import org.mbrllab.engine.tokens.TokenConfig;
import org.mbrllab.engine.tokens.TokenImagination;
import org.mbrllab.engine.tokens.TokenNetworks;
import org.mbrllab.engine.tokens.TokenOpenLoop;

/** The pane's numbers are the engine's: the strip and the chart are TokenOpenLoop's and OpenLoop's, on the same windows. */
class TokensViewModelTest {

    private static TokensViewModel opened() {
        TokensViewModel vm = new TokensViewModel();
        vm.setModelSource(TinyTokens::model);
        vm.startSynchronous();
        return vm;
    }

    private static TokenOpenLoop tokenLoop(TokenModel m) {
        return new TokenOpenLoop(DreamerData.heldOut(1), m.meanFrame(), 5, 15, 50);
    }

    @Test
    void theDefaultModelIsTheShippedOneOfTheTokenWorldModelCommand() throws Exception {
        TokenModel m = TokensViewModel.readShipped();
        TokenNetworks n = TokenNetworks.shipped();
        assertEquals(TokenConfig.defaults().codes(), m.imagination().tokenizer().codes());
        assertArrayEquals(n.meanFrame(), m.meanFrame());
        assertTrue(m.description().startsWith("the shipped model"), m.description());
        float[] frame = new float[n.meanFrame().length];
        DreamerData.heldOut(TokensEngine.DATA_SEED).frame(0, 0, frame);
        assertArrayEquals(n.imagination().tokenizer().encode(frame), m.imagination().tokenizer().encode(frame));
    }

    @Test
    void theStripIsTheGreedyOpenLoopOfTheTransformerAndTheRssmOnTheSameWindow() throws Exception {
        TokensViewModel vm = opened();
        TokenModel m = vm.modelProperty().get();
        DreamerNetworks rssm = DreamerNetworks.shippedWorldModel();
        OpenLoop rssmLoop = new OpenLoop(DreamerData.heldOut(1), m.meanFrame(), 5, 15, 50);
        for (int i : new int[] {0, 7, 49}) {
            vm.sequenceProperty().set(i);
            TokensEngine.Strip s = vm.stripProperty().get();
            TokenOpenLoop.Rollout t = tokenLoop(m).rollout(m.imagination(), i, TokenImagination.Sampling.greedy(), null);
            OpenLoop.Rollout r = rssmLoop.rollout(rssm.model(), i);
            assertEquals(i, s.sequence());
            assertEquals(20, s.truth().size());
            for (int k = 0; k < 20; k++) {
                assertArrayEquals(t.truth().get(k), s.truth().get(k), "sequence " + i + " truth " + k);
                assertArrayEquals(t.decoded().get(k), s.transformer().get(k), "sequence " + i + " transformer " + k);
                assertArrayEquals(r.decoded().get(k), s.rssm().get(k), "sequence " + i + " RSSM " + k);
            }
        }
    }

    @Test
    void theChartIsTheEnginesBenchmarkOverFiftySequences() throws Exception {
        TokensViewModel vm = opened();
        TokenModel m = vm.modelProperty().get();
        TokensEngine.Benchmark b = vm.benchmarkProperty().get();
        assertTrue(b.complete());
        assertEquals(50, b.total());
        OpenLoop.Result t = tokenLoop(m).evaluate(m.imagination(), TokenImagination.Sampling.greedy(), Seeds.random(1));
        OpenLoop.Result r = new OpenLoop(DreamerData.heldOut(1), m.meanFrame(), 5, 15, 50).evaluate(DreamerNetworks.shippedWorldModel().model());
        assertArrayEquals(t.msePerStep(), b.transformer(), 1e-12);
        assertArrayEquals(r.msePerStep(), b.rssm(), 1e-12);
        assertArrayEquals(t.copyLastPerStep(), b.copyLast(), 1e-12);
        assertArrayEquals(t.meanFramePerStep(), b.meanFrame(), 1e-12);
        // Another sequence does not measure the benchmark again: the same result is kept.
        vm.anotherSequence();
        assertTrue(b == vm.benchmarkProperty().get(), "the benchmark is measured once");
    }

    @Test
    void swappingATokenDecodesTheEditedCodesAndRestoreUndoesIt() {
        TokensViewModel vm = opened();
        FrozenTokenizer tokenizer = vm.modelProperty().get().imagination().tokenizer();
        TokensViewModel.TokenPanel p = vm.panelProperty().get();
        // The panel's frame is the first frame to be predicted of the sequence, and its codes are the tokenizer's.
        assertArrayEquals(vm.stripProperty().get().truth().get(5), p.frame());
        assertArrayEquals(tokenizer.encode(p.frame()), p.original());
        int other = (p.original()[3] + 1) % p.codes();

        vm.swap(3, other);

        TokensViewModel.TokenPanel q = vm.panelProperty().get();
        int[] expected = p.original().clone();
        expected[3] = other;
        assertArrayEquals(expected, q.edited());
        assertArrayEquals(tokenizer.decode(expected), q.decoded());
        assertEquals(3, q.selected());
        assertTrue(q.swapped(3));
        assertFalse(Arrays.equals(p.decoded(), q.decoded()), "another code, another picture");

        vm.restoreTokens();
        assertArrayEquals(p.original(), vm.panelProperty().get().edited());
        assertArrayEquals(p.decoded(), vm.panelProperty().get().decoded());
    }

    @Test
    void nextCodeWrapsRoundTheCodebook() {
        TokensViewModel vm = opened();
        vm.selectedProperty().set(0);
        int k = vm.panelProperty().get().codes();
        int first = vm.panelProperty().get().original()[0];
        for (int i = 0; i < k - 1; i++) vm.nextCode(1);
        assertEquals(Math.floorMod(first - 1, k), vm.panelProperty().get().edited()[0]);
        vm.nextCode(1);
        assertEquals(first, vm.panelProperty().get().edited()[0]);
        vm.nextCode(-1);
        assertEquals(Math.floorMod(first - 1, k), vm.panelProperty().get().edited()[0]);
        assertThrows(IllegalArgumentException.class, () -> vm.swap(0, k));
    }

    @Test
    void theAttentionOfACodeSeesTheWindowAndTheCodesWrittenBeforeIt() {
        TokensViewModel vm = opened();
        int window = vm.modelProperty().get().imagination().window();
        for (int cell : new int[] {0, 5, 15}) {
            vm.selectedProperty().set(cell);
            TokensViewModel.Attention a = vm.attentionProperty().get();
            assertEquals(cell, a.token());
            assertEquals(vm.stripProperty().get().tokens().get(5)[cell], a.predicted(), "greedy: the strip's code");
            for (float[][] block : a.weights()) {
                for (float[] head : block) {
                    // Each window frame's 16 codes and its action, then the cell codes already written.
                    assertEquals(window * 17 + cell, head.length);
                    double sum = 0;
                    for (float w : head) sum += w;
                    assertEquals(1, sum, 1e-5);
                }
            }
        }
    }

    @Test
    void atTemperatureZeroEverySampledFutureIsTheGreedyOne() {
        TokensViewModel vm = opened();
        vm.temperatureProperty().set(0);
        TokensViewModel.Futures f = vm.futuresProperty().get();
        List<float[]> greedy = vm.stripProperty().get().transformer().subList(5, 20);
        assertEquals(TokensEngine.FUTURES, f.samples().size());
        for (List<float[]> sample : f.samples()) {
            for (int k = 0; k < 15; k++) assertArrayEquals(greedy.get(k), sample.get(k), "step " + (k + 1));
        }
        for (int k = 0; k < 15; k++) assertArrayEquals(greedy.get(k), f.mean().get(k), 1e-6f);
    }

    @Test
    void atTemperatureOneTheFuturesDifferAndTheSameSeedGivesTheSameOnes() {
        TokensViewModel vm = opened();
        vm.temperatureProperty().set(1);
        TokensViewModel.Futures a = vm.futuresProperty().get();
        assertEquals(1.0, a.sampling().temperature());
        boolean differ = false;
        for (int k = 0; k < 15; k++) differ |= !Arrays.equals(a.samples().get(0).get(k), a.samples().get(1).get(k));
        assertTrue(differ, "two samples at τ = 1 part somewhere in 15 steps");
        vm.temperatureProperty().set(0.5);
        vm.temperatureProperty().set(1);
        TokensViewModel.Futures b = vm.futuresProperty().get();
        for (int s = 0; s < 4; s++) {
            for (int k = 0; k < 15; k++) assertArrayEquals(a.samples().get(s).get(k), b.samples().get(s).get(k));
        }
    }

    @Test
    void withoutTheRssmThePaneSaysWhyAndShowsTheTransformerAlone() {
        TokensViewModel vm = new TokensViewModel();
        vm.setModelSource(TinyTokens::model);
        vm.setRssmSource(() -> {
            throw new IllegalStateException("no file");
        });
        vm.startSynchronous();
        assertNull(vm.stripProperty().get().rssm());
        assertNull(vm.benchmarkProperty().get().rssm());
        assertNotNull(vm.benchmarkProperty().get().transformer());
        assertTrue(vm.modelStatusProperty().get().contains("No RSSM to compare with (no file)"), vm.modelStatusProperty().get());
    }
}
