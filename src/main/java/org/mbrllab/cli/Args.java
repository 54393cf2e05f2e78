package org.mbrllab.cli;

import java.util.Iterator;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.dp.Algorithm;
import org.mbrllab.engine.dp.GridPresets;
import org.mbrllab.engine.dp.GridWorldParams;
import org.mbrllab.engine.dp.Sweep;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values: converters and range checks that reuse the engine's own names and ranges. */
final class Args {
    private Args() {}

    /** {@code value} if {@code spec} allows it; else a usage error naming the flag and the range. */
    static double check(String flag, ParameterSpec spec, double value) {
        try {
            return spec.validate(value);
        } catch (IllegalArgumentException e) {
            String kind = spec.integer() ? "a whole number in " : "";
            throw new Cli.UsageError(flag + " " + number(value) + " is out of range: allowed " + kind
                    + Format.range(spec.min(), spec.max()));
        }
    }

    /** As {@link Format#number}, but from 1e15 on in exponent form: 1e308 rather than 309 digits. */
    static String number(double x) {
        if (Math.abs(x) < 1e15 || !Double.isFinite(x)) return Format.number(x);
        return Double.toString(x).replace("E", "e").replace(".0e", "e");
    }

    /** A plain decimal, or the word {@code frozenlake} (= 2/3). */
    static final class SlipConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return GridWorldParams.parseSlip(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class AlgorithmConverter implements ITypeConverter<Algorithm> {
        @Override
        public Algorithm convert(String value) {
            try {
                return Algorithm.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class SweepConverter implements ITypeConverter<Sweep> {
        @Override
        public Sweep convert(String value) {
            try {
                return Sweep.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code tictactoe} or {@code connect4}. */
    static final class GameConverter implements ITypeConverter<org.mbrllab.engine.games.Game> {
        @Override
        public org.mbrllab.engine.games.Game convert(String value) {
            try {
                return org.mbrllab.engine.games.Game.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The preset names, for {@code ${COMPLETION-CANDIDATES}} in the help. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return GridPresets.names().iterator();
        }
    }

    static final class AlgorithmNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return java.util.Arrays.stream(Algorithm.values()).map(Algorithm::cliName).iterator();
        }
    }

    static final class SweepNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return java.util.Arrays.stream(Sweep.values()).map(Sweep::cliName).iterator();
        }
    }
}
