package org.mbrllab.engine.model;

import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.nn.Activation;

/**
 * How an ensemble is built and trained. The compact constructor checks every field and names the
 * field, the value and the allowed range when one is wrong.
 *
 * @param members            K, the number of networks, 1 to 10 (the course: 5 to 10 in practice)
 * @param hiddenLayers       hidden layers per network
 * @param hiddenUnits        units per hidden layer
 * @param activation         the hidden layers' nonlinearity
 * @param kind               deterministic (MSE) or probabilistic (Gaussian NLL) members
 * @param learningRate       Adam's step size (β₁ 0.9, β₂ 0.999, ε 1e-8); too high a rate makes the loss
 *                           NaN, and training stops with a {@link org.mbrllab.engine.run.DivergenceException}
 * @param batchSize          transitions per member per Adam step
 * @param maxEpochs          training stops after this many epochs even if the validation loss still falls
 * @param validationFraction share of the data held out for early stopping, in [0, 0.5]; 0 trains on
 *                           everything and stops only at {@code maxEpochs}
 * @param patience           training stops once no member has improved its validation loss for this
 *                           many epochs; each member then gets back its best weights
 * @param bootstrap          whether each member trains on its own bootstrap resample (n draws with
 *                           replacement from the n training rows) rather than on all rows
 * @param seed               the seed of everything random: initial weights, the split, the resamples and
 *                           the batch order
 * @param priorScale         β, the weight of each member's fixed random prior network in its mean
 *                           (randomised prior functions, see {@link org.mbrllab.engine.nn.EnsembleNetwork}),
 *                           0 to 100; 0 is the plain ensemble
 */
public record EnsembleConfig(int members, int hiddenLayers, int hiddenUnits, Activation activation, MemberKind kind,
                             double learningRate, int batchSize, int maxEpochs, double validationFraction,
                             int patience, boolean bootstrap, long seed, double priorScale) {

    public static final ParameterSpec MEMBERS = ParameterSpec.whole("members", "K (ensemble members)", 1, 10, 5,
            "How many networks the ensemble trains side by side; the course uses 5 to 10.");
    public static final ParameterSpec HIDDEN_LAYERS = ParameterSpec.whole("hidden_layers", "hidden layers", 1, 4, 2,
            "Hidden layers per network.");
    public static final ParameterSpec HIDDEN_UNITS = ParameterSpec.whole("hidden_units", "units per layer", 1, 1024,
            200, "Units in each hidden layer.");
    public static final ParameterSpec LEARNING_RATE = ParameterSpec.real("learning_rate", "learning rate", 1e-5, 1000,
            1e-3, "Adam's step size. Too large, and the loss becomes NaN: training stops and asks for a reset.");
    public static final ParameterSpec BATCH_SIZE = ParameterSpec.whole("batch_size", "batch size", 1, 4096, 256,
            "Transitions per member in one Adam step.");
    public static final ParameterSpec MAX_EPOCHS = ParameterSpec.whole("max_epochs", "most epochs", 1, 100_000, 200,
            "Training stops here even if the validation loss is still falling.");
    public static final ParameterSpec VALIDATION_FRACTION = ParameterSpec.real("validation_fraction",
            "held-out share", 0, 0.5, 0.1,
            "Share of the data kept aside to decide when to stop; 0 trains on everything until the last epoch.");
    public static final ParameterSpec PATIENCE = ParameterSpec.whole("patience", "patience (epochs)", 1, 10_000, 20,
            "Stop once no member's validation loss has improved for this many epochs.");
    public static final ParameterSpec PRIOR_SCALE = ParameterSpec.real("prior_scale", "random prior scale β", 0,
            org.mbrllab.engine.nn.EnsembleNetwork.MAX_PRIOR_SCALE, 0,
            "Weight of each member's fixed, untrained random network added to its prediction; 0 is a plain ensemble.");

    /** The most members any lesson trains (ME-TRPO's K = 20). */
    public static final int MAX_MEMBERS = 20;

    public EnsembleConfig {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(kind, "kind");
        // The ensemble lesson's slider stops at 10; ME-TRPO's comparison of ensemble sizes goes to 20.
        if (members < 1 || members > MAX_MEMBERS) {
            throw new IllegalArgumentException("members = " + members + " is out of range: allowed 1 to " + MAX_MEMBERS);
        }
        HIDDEN_LAYERS.validate(hiddenLayers);
        HIDDEN_UNITS.validate(hiddenUnits);
        LEARNING_RATE.validate(learningRate);
        BATCH_SIZE.validate(batchSize);
        MAX_EPOCHS.validate(maxEpochs);
        VALIDATION_FRACTION.validate(validationFraction);
        PATIENCE.validate(patience);
        PRIOR_SCALE.validate(priorScale);
    }

    /** A plain ensemble (β = 0): members without a random prior. */
    public EnsembleConfig(int members, int hiddenLayers, int hiddenUnits, Activation activation, MemberKind kind,
                          double learningRate, int batchSize, int maxEpochs, double validationFraction, int patience,
                          boolean bootstrap, long seed) {
        this(members, hiddenLayers, hiddenUnits, activation, kind, learningRate, batchSize, maxEpochs,
                validationFraction, patience, bootstrap, seed, 0);
    }

    /**
     * The defaults: 5 probabilistic members, 2 × 200 ReLU, Adam 1e-3, batch 256, at most 200 epochs,
     * 10 % held out, patience 20, bootstrap on, seed 0.
     */
    public static EnsembleConfig defaults() {
        return new EnsembleConfig((int) MEMBERS.defaultValue(), (int) HIDDEN_LAYERS.defaultValue(),
                (int) HIDDEN_UNITS.defaultValue(), Activation.RELU, MemberKind.PROBABILISTIC,
                LEARNING_RATE.defaultValue(), (int) BATCH_SIZE.defaultValue(), (int) MAX_EPOCHS.defaultValue(),
                VALIDATION_FRACTION.defaultValue(), (int) PATIENCE.defaultValue(), true, 0);
    }

    /** The numeric settings, for sliders and command-line range messages. */
    public static List<ParameterSpec> specs() {
        return List.of(MEMBERS, HIDDEN_LAYERS, HIDDEN_UNITS, LEARNING_RATE, BATCH_SIZE, MAX_EPOCHS,
                VALIDATION_FRACTION, PATIENCE, PRIOR_SCALE);
    }

    /** Whether part of the data is held out, so that training can stop early. */
    public boolean earlyStopping() {
        return validationFraction > 0;
    }

    public EnsembleConfig withMembers(int k) {
        return new EnsembleConfig(k, hiddenLayers, hiddenUnits, activation, kind, learningRate, batchSize, maxEpochs,
                validationFraction, patience, bootstrap, seed, priorScale);
    }

    public EnsembleConfig withHidden(int layers, int units) {
        return new EnsembleConfig(members, layers, units, activation, kind, learningRate, batchSize, maxEpochs,
                validationFraction, patience, bootstrap, seed, priorScale);
    }

    public EnsembleConfig withActivation(Activation a) {
        return new EnsembleConfig(members, hiddenLayers, hiddenUnits, a, kind, learningRate, batchSize, maxEpochs,
                validationFraction, patience, bootstrap, seed, priorScale);
    }

    public EnsembleConfig withKind(MemberKind k) {
        return new EnsembleConfig(members, hiddenLayers, hiddenUnits, activation, k, learningRate, batchSize, maxEpochs,
                validationFraction, patience, bootstrap, seed, priorScale);
    }

    public EnsembleConfig withLearningRate(double rate) {
        return new EnsembleConfig(members, hiddenLayers, hiddenUnits, activation, kind, rate, batchSize, maxEpochs,
                validationFraction, patience, bootstrap, seed, priorScale);
    }

    public EnsembleConfig withBatchSize(int size) {
        return new EnsembleConfig(members, hiddenLayers, hiddenUnits, activation, kind, learningRate, size, maxEpochs,
                validationFraction, patience, bootstrap, seed, priorScale);
    }

    public EnsembleConfig withMaxEpochs(int epochs) {
        return new EnsembleConfig(members, hiddenLayers, hiddenUnits, activation, kind, learningRate, batchSize, epochs,
                validationFraction, patience, bootstrap, seed, priorScale);
    }

    /** Held-out share and patience together: they only make sense as a pair. */
    public EnsembleConfig withEarlyStopping(double fraction, int epochsWithoutImprovement) {
        return new EnsembleConfig(members, hiddenLayers, hiddenUnits, activation, kind, learningRate, batchSize,
                maxEpochs, fraction, epochsWithoutImprovement, bootstrap, seed, priorScale);
    }

    public EnsembleConfig withBootstrap(boolean on) {
        return new EnsembleConfig(members, hiddenLayers, hiddenUnits, activation, kind, learningRate, batchSize,
                maxEpochs, validationFraction, patience, on, seed, priorScale);
    }

    /** The same ensemble with random priors of weight β (0: the plain ensemble). */
    public EnsembleConfig withPriorScale(double beta) {
        return new EnsembleConfig(members, hiddenLayers, hiddenUnits, activation, kind, learningRate, batchSize,
                maxEpochs, validationFraction, patience, bootstrap, seed, beta);
    }

    public EnsembleConfig withSeed(long s) {
        return new EnsembleConfig(members, hiddenLayers, hiddenUnits, activation, kind, learningRate, batchSize,
                maxEpochs, validationFraction, patience, bootstrap, s, priorScale);
    }
}
