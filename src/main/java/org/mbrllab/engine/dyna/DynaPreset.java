package org.mbrllab.engine.dyna;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.engine.dp.LayoutException;

/**
 * The three mazes of Sutton &amp; Barto's chapter 8 with the settings their figures use. The walls are
 * {@code .grid} files in {@value #FOLDER} (before and after the change); the switch time and the learning
 * settings are here, because the {@code .grid} format has no place for them.
 *
 * <p>The book gives α, γ, ε and n for Figure 8.2 (α = 0.1, γ = 0.95, ε = 0.1, n ∈ {0, 5, 50}, 30 runs of
 * 50 episodes); n = 50 is the default here. For the changing mazes it gives only the switch times; the
 * other defaults are those of the widely used reference implementation of the book's figures
 * (ShangtongZhang/reinforcement-learning-an-introduction, {@code chapter08/maze.py}): blocking α = 1,
 * n = 10, κ = 1e-4, 3,000 steps, 20 runs; shortcut α = 1, n = 50, κ = 1e-3, 6,000 steps, 5 runs. γ comes
 * from the {@code .grid} header (0.95 in all three); ε = 0.1 and θ = 1e-4 everywhere.
 */
public enum DynaPreset {
    /** Example 8.1, Figure 8.2: 6×9, shortest path 14. */
    DYNA_MAZE("dyna-maze", "dyna-maze", null, Maze.NEVER, 0.1, 50, 1e-4, 50, 0, 30),
    /** Example 8.2, Figure 8.4: the short way (10) closes after 1,000 steps; the long way is 16. */
    BLOCKING("blocking", "blocking", "blocking-changed", 1_000, 1.0, 10, 1e-4, 0, 3_000, 20),
    /** Example 8.3, Figure 8.5: a shortcut (10) opens after 3,000 steps beside the long way (16). */
    SHORTCUT("shortcut", "shortcut", "shortcut-changed", 3_000, 1.0, 50, 1e-3, 0, 6_000, 5);

    /** The classpath folder of the maze files (the project's {@code lessons/} is copied to the classpath root). */
    public static final String FOLDER = "lessons/dyna/presets";
    /** ε of every figure. */
    public static final double EPSILON = 0.1;
    /** θ of prioritized sweeping (the reference implementation's). */
    public static final double THETA = 1e-4;

    private final String cliName;
    private final String file;
    private final String changedFile;
    private final long switchStep;
    private final double alpha;
    private final int planningSteps;
    private final double kappa;
    private final int episodes;
    private final int steps;
    private final int runs;

    DynaPreset(String cliName, String file, String changedFile, long switchStep, double alpha, int planningSteps,
               double kappa, int episodes, int steps, int runs) {
        this.cliName = cliName;
        this.file = file;
        this.changedFile = changedFile;
        this.switchStep = switchStep;
        this.alpha = alpha;
        this.planningSteps = planningSteps;
        this.kappa = kappa;
        this.episodes = episodes;
        this.steps = steps;
        this.runs = runs;
    }

    /** Where the {@code .grid} texts come from: the bundled files, or (later) the lesson catalogue. */
    @FunctionalInterface
    public interface Files {
        /** The text of the maze file {@code name} (without {@code .grid}). */
        String text(String name);
    }

    public String cliName() { return cliName; }

    /** The file names (without {@code .grid}) this maze reads: one, or before and after the change. */
    public java.util.List<String> files() {
        return changedFile == null ? java.util.List.of(file) : java.util.List.of(file, changedFile);
    }

    /** Real steps after which the walls change; {@link Maze#NEVER} for the Dyna maze. */
    public long switchStep() { return switchStep; }

    /** Default episodes per run; 0 when the figure counts time steps instead. */
    public int episodes() { return episodes; }

    /** Default time steps per run; 0 when the figure counts episodes instead. */
    public int steps() { return steps; }

    /** Default number of runs (seeds) averaged. */
    public int runs() { return runs; }

    /**
     * The figure's settings for {@code agent}: α, n and κ as above, γ of the maze's file, ε = 0.1, θ = 1e-4;
     * n = 0 for Q-learning.
     */
    public DynaConfig config(AgentKind agent, double gamma) {
        return new DynaConfig(agent, alpha, gamma, EPSILON, agent.plans() ? planningSteps : 0, kappa, THETA);
    }

    /** The maze read through {@code files}. */
    public Maze maze(Files files) throws LayoutException {
        GridLayout first = GridLayout.parse(files.text(file), file + ".grid");
        if (changedFile == null) return Maze.of(first);
        GridLayout second = GridLayout.parse(files.text(changedFile), changedFile + ".grid");
        return Maze.changing(first, second, switchStep);
    }

    /** The maze from the bundled files. */
    public Maze maze() throws LayoutException {
        return maze(DynaPreset::bundledText);
    }

    /**
     * The text of the bundled maze file {@code name} (without {@code .grid}) in {@value #FOLDER}.
     *
     * @throws IllegalArgumentException if there is no such file
     */
    public static String bundledText(String name) {
        InputStream in = name.matches("[A-Za-z0-9._-]+")
                ? DynaPreset.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name + ".grid") : null;
        if (in == null) throw new IllegalArgumentException("no maze file " + FOLDER + "/" + name + ".grid");
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read maze " + name, e);
        }
    }

    /**
     * The preset named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static DynaPreset fromCliName(String name) {
        for (DynaPreset p : values()) {
            if (p.cliName.equals(name.toLowerCase(Locale.ROOT))) return p;
        }
        throw new IllegalArgumentException("unknown maze '" + name + "' (mazes: " + names() + ")");
    }

    /** The names, joined by ", ". */
    public static String names() {
        return Arrays.stream(values()).map(DynaPreset::cliName).collect(Collectors.joining(", "));
    }
}
