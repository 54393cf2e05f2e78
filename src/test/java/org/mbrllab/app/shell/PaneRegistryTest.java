package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbrllab.lessons.LessonCatalog;
import org.mbrllab.lessons.LessonProblem;
import org.mbrllab.lessons.PresetFile;

/** The registry as the catalogue sees it: which panes exist and which preset files they can read. */
class PaneRegistryTest {

    private static final PaneRegistry PANES = PaneRegistry.standard();

    @TempDir
    Path dir;

    @Test
    void everyBundledLessonLoadsWithoutAProblem() {
        LessonCatalog c = LessonCatalog.load(Optional.empty(), PANES);

        assertEquals(List.of(), c.problems());
        assertEquals(16, c.lessons().size(), c.lessons().toString());
        assertEquals(List.of("sutton-barto-3.5", "sutton-barto-4.1", "frozenlake-4x4", "frozenlake-8x8",
                "cliff-walk", "bridge"), c.find("dynamic-programming").orElseThrow().presets());
    }

    @Test
    void gridWorldPresetWithAnUnknownCellIsAProblemAtItsLineAndColumn() {
        PresetFile bad = new PresetFile("odd", "lessons/dp/presets/odd.grid", "name: Odd\ngrid:\nS . Q\n. . G\n");

        Optional<LessonProblem> p = PANES.presetProblem("gridworld", bad);

        assertTrue(p.isPresent());
        assertEquals("lessons/dp/presets/odd.grid", p.get().source());
        assertEquals(3, p.get().line());
        assertTrue(p.get().message().startsWith("column 5: unknown cell 'Q'"), p.get().message());
    }

    @Test
    void gridWorldPresetThatParsesIsNoProblem() {
        PresetFile good = new PresetFile("tiny", "tiny.grid", "name: Tiny\ngrid:\nS . G\n");

        assertEquals(Optional.empty(), PANES.presetProblem("gridworld", good));
    }

    @Test
    void brokenGridPresetOfAnExternalLessonIsReportedAndNotOffered() throws IOException {
        Path lesson = Files.createDirectories(dir.resolve("grid/presets"));
        Files.writeString(lesson.resolveSibling("lesson.md"),
                "---\ntitle: G\npart: known-dynamics\norder: 1\npane: gridworld\n---\n");
        Files.writeString(lesson.resolve("good.grid"), "name: Good\ngrid:\nS . G\n");
        Files.writeString(lesson.resolve("bad.grid"), "name: Bad\ngama: 0.9\ngrid:\nS . G\n");

        LessonCatalog c = LessonCatalog.scan(dir, "mine", PANES);

        assertEquals(List.of("good"), c.find("grid").orElseThrow().presets());
        assertEquals(1, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).toString().startsWith("mine/grid/presets/bad.grid:2: unknown key 'gama'"),
                c.problems().toString());
    }

    @Test
    void unknownPaneProblemNamesEveryPaneOfTheBuild() throws IOException {
        Path lesson = Files.createDirectories(dir.resolve("x"));
        Files.writeString(lesson.resolve("lesson.md"), "---\ntitle: X\npart: known-dynamics\norder: 1\npane: planet\n---\n");

        LessonCatalog c = LessonCatalog.scan(dir, "mine", PANES);

        assertEquals("mine/x/lesson.md:5: unknown pane 'planet'; this lesson is left out; known panes: gridworld, lqr,"
                + " ilqr, mpc, which-method, mcts, alphazero, bias, regression-1d, disagreement, mbplanning, dyna, metrpo, world-models, dreamer, tokens",
                c.problems().get(0).toString());
    }

    @Test
    void mctsPresetWithABadValueIsAProblemAtItsLine() {
        PresetFile bad = new PresetFile("x", "lessons/mcts/presets/x.mcts", "game: tictactoe\n# comment\nrollout: greedy\n");

        LessonProblem p = PANES.presetProblem("mcts", bad).orElseThrow();

        assertEquals("lessons/mcts/presets/x.mcts:3: rollout must be uniform or take-win, got 'greedy'", p.toString());
    }

    @Test
    void mctsPresetWithAnImpossibleBoardIsAProblemOfTheFile() {
        PresetFile bad = new PresetFile("x", "x.mcts", "game: tictactoe\nboard: XXXXXXXXXXXX\n");

        LessonProblem p = PANES.presetProblem("mcts", bad).orElseThrow();

        assertEquals("x.mcts", p.source());
        assertEquals(0, p.line());
        assertTrue(p.message().startsWith("board: "), p.message());
    }

    @Test
    void mctsPresetThatTheFormatWritesIsNoProblem() {
        PresetFile good = new PresetFile("x", "x.mcts", "game: connect4\nmode: match\nmcts_plays: O\n"
                + "opponent: mcts:1000:0.5\nrollout: take-win\nstep: batch\nsimulations: 500\nc: 2\n");

        assertEquals(Optional.empty(), PANES.presetProblem("mcts", good));
    }

    @Test
    void fractionForAWholeNumberParameterIsAProblemInTheFrontMatter() throws IOException {
        Path lesson = Files.createDirectories(dir.resolve("m"));
        Files.writeString(lesson.resolve("lesson.md"), "---\ntitle: M\npart: known-dynamics\norder: 1\npane: mcts\n"
                + "parameters:\n  simulations: 250.5\n  c: 0.5\n---\n");

        LessonCatalog c = LessonCatalog.scan(dir, "mine", PANES);

        assertEquals(java.util.Map.of("c", 0.5), c.find("m").orElseThrow().parameters());
        assertEquals(1, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).toString().startsWith(
                "mine/m/lesson.md:7: parameter simulations = 250.5 must be a whole number in ["), c.problems().toString());
    }
}
