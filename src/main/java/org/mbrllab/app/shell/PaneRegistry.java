package org.mbrllab.app.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.LessonPane;
import org.mbrllab.app.lessons.alphazero.AlphaZeroPane;
import org.mbrllab.app.lessons.bias.BiasPane;
import org.mbrllab.app.lessons.control.IlqrPane;
import org.mbrllab.app.lessons.control.LqrPane;
import org.mbrllab.app.lessons.control.MpcPane;
import org.mbrllab.app.lessons.ensembles.DisagreementPane;
import org.mbrllab.app.lessons.dyna.DynaPane;
import org.mbrllab.app.lessons.dreamer.DreamerPane;
import org.mbrllab.app.lessons.gridworld.GridWorldPane;
import org.mbrllab.app.lessons.mbplanning.MbplanPane;
import org.mbrllab.app.lessons.mcts.MctsPane;
import org.mbrllab.app.lessons.metrpo.MetrpoPane;
import org.mbrllab.app.lessons.tokens.TokensPane;
import org.mbrllab.app.lessons.worldmodels.WorldModelsPane;
import org.mbrllab.app.lessons.mcts.MctsPresetCheck;
import org.mbrllab.app.lessons.uncertainty.RegressionPane;
import org.mbrllab.app.lessons.whichmethod.WhichMethodPane;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.engine.dp.LayoutException;
import org.mbrllab.lessons.LessonProblem;
import org.mbrllab.lessons.PaneInfo;
import org.mbrllab.lessons.PresetCheck;
import org.mbrllab.lessons.PresetFile;

/**
 * The panes the app knows, listed explicitly (no reflection): a lesson names one of these ids in its
 * front matter. Adding a pane means adding one line to {@link #standard()}.
 */
public final class PaneRegistry implements PaneInfo {

    /**
     * One pane type: its id, its declared parameters, how to make one for an opened lesson, and how to check its preset files
     * without making one.
     */
    public record Entry(String id, List<ParameterSpec> parameters, Function<PaneHost, LessonPane> factory,
                        PresetCheck presetCheck) {

        /** A pane whose presets are read only when picked ({@link PresetCheck#NONE}). */
        public Entry(String id, List<ParameterSpec> parameters, Function<PaneHost, LessonPane> factory) {
            this(id, parameters, factory, PresetCheck.NONE);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public PaneRegistry() {
    }

    public static PaneRegistry standard() {
        PaneRegistry r = new PaneRegistry();
        r.register(new Entry("gridworld", GridWorldPane.parameterSpecs(), GridWorldPane::new, PaneRegistry::gridProblem));
        r.register(new Entry("lqr", LqrPane.parameterSpecs(), LqrPane::new));
        r.register(new Entry("ilqr", IlqrPane.parameterSpecs(), IlqrPane::new));
        r.register(new Entry("mpc", MpcPane.parameterSpecs(), MpcPane::new));
        r.register(new Entry("which-method", List.of(), WhichMethodPane::new));
        r.register(new Entry("mcts", MctsPane.parameterSpecs(), MctsPane::new, parsedBy(MctsPresetCheck::check)));
        r.register(new Entry("alphazero", AlphaZeroPane.parameterSpecs(), AlphaZeroPane::new));
        r.register(new Entry("bias", List.of(), BiasPane::new));
        r.register(new Entry("regression-1d", RegressionPane.parameterSpecs(), RegressionPane::new));
        r.register(new Entry("disagreement", DisagreementPane.parameterSpecs(), DisagreementPane::new));
        r.register(new Entry("mbplanning", MbplanPane.parameterSpecs(), MbplanPane::new));
        r.register(new Entry("dyna", DynaPane.parameterSpecs(), DynaPane::new, PaneRegistry::gridProblem));
        r.register(new Entry("metrpo", MetrpoPane.parameterSpecs(), MetrpoPane::new));
        r.register(new Entry("world-models", WorldModelsPane.parameterSpecs(), WorldModelsPane::new));
        r.register(new Entry("dreamer", DreamerPane.parameterSpecs(), DreamerPane::new));
        r.register(new Entry("tokens", TokensPane.parameterSpecs(), TokensPane::new));
        return r;
    }

    /** A grid-world preset is a {@code .grid} layout; the engine's parser says what is wrong with it. */
    static Optional<LessonProblem> gridProblem(PresetFile preset) {
        try {
            GridLayout.parse(preset.text(), preset.source());
            return Optional.empty();
        } catch (LayoutException e) {
            return Optional.of(new LessonProblem(preset.source(), e.line(),
                    (e.column() > 1 ? "column " + e.column() + ": " : "") + e.problem()));
        }
    }

    /**
     * A check that runs a headless preset parser which throws {@link IllegalArgumentException} with the
     * message {@code SOURCE:LINE: problem} (or {@code SOURCE: problem}), as the panes' loaders do.
     */
    static PresetCheck parsedBy(BiConsumer<String, String> parser) {
        return preset -> {
            try {
                parser.accept(preset.text(), preset.source());
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage());
                String prefix = preset.source() + ":";
                if (!message.startsWith(prefix)) return Optional.of(new LessonProblem(preset.source(), 0, message));
                Matcher m = LINE_PREFIX.matcher(message.substring(prefix.length()));
                return Optional.of(m.lookingAt()
                        ? new LessonProblem(preset.source(), Integer.parseInt(m.group(1)), message.substring(prefix.length() + m.end()))
                        : new LessonProblem(preset.source(), 0, message.substring(prefix.length()).strip()));
            }
        };
    }

    /** "12: " after the source in a loader's message. */
    private static final Pattern LINE_PREFIX = Pattern.compile("(\\d{1,9}): ?");

    /**
     * The same pane with another factory (a UI test's pane, say); its parameters and preset check stay.
     *
     * @throws IllegalArgumentException if no pane {@code id} is registered
     */
    public void replaceFactory(String id, Function<PaneHost, LessonPane> factory) {
        Entry e = entries.get(id);
        if (e == null) throw new IllegalArgumentException("no pane named " + id);
        entries.put(id, new Entry(id, e.parameters(), factory, e.presetCheck()));
    }

    public void register(Entry entry) {
        entries.put(entry.id(), entry);
    }

    @Override
    public boolean exists(String pane) {
        return entries.containsKey(pane);
    }

    @Override
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** The declared parameters of a pane, in declaration order; empty for an unknown pane. */
    public List<ParameterSpec> parameterSpecs(String pane) {
        Entry e = entries.get(pane);
        return e == null ? List.of() : e.parameters();
    }

    @Override
    public boolean wholeNumber(String pane, String key) {
        return parameterSpecs(pane).stream().anyMatch(s -> s.key().equals(key) && s.integer());
    }

    @Override
    public Optional<LessonProblem> presetProblem(String pane, PresetFile preset) {
        Entry e = entries.get(pane);
        return e == null ? Optional.empty() : e.presetCheck().problem(preset);
    }

    @Override
    public Optional<Map<String, double[]>> parameterRanges(String pane) {
        Entry e = entries.get(pane);
        if (e == null) return Optional.empty();
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (ParameterSpec s : e.parameters()) ranges.put(s.key(), new double[]{s.min(), s.max()});
        return Optional.of(ranges);
    }

    /** A new pane of type {@code pane} for one opened lesson. */
    public LessonPane create(String pane, PaneHost host) {
        Entry e = entries.get(pane);
        if (e == null) throw new IllegalArgumentException("no pane named " + pane);
        return e.factory().apply(host);
    }
}
