package org.mbrllab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonCatalogTest {

    /** Two panes: a grid world with γ and a tolerance, and a pane without parameters. */
    static final PaneInfo PANES = PaneInfo.of(Map.of(
            "gridworld", Map.of("gamma", new double[] {0, 1}, "tolerance", new double[] {1e-14, 1e-2}),
            "mcts", Map.of()));

    @TempDir
    Path dir;

    static final String GOOD = """
            ---
            id: dp
            title: Dynamic programming on a grid world
            part: known-dynamics
            order: 10
            pane: gridworld
            summary: Value and policy iteration.
            presets: [b, a]
            default_preset: a
            parameters:
              tolerance: 1.0e-10
              gamma: 0.9
            ---
            # Hello

            Some $x$ text.
            """;

    private Path lesson(Path root, String folder, String text, String... presets) throws IOException {
        Path f = Files.createDirectories(root.resolve(folder));
        Files.writeString(f.resolve("lesson.md"), text);
        for (String p : presets) {
            Files.createDirectories(f.resolve("presets"));
            Files.writeString(f.resolve("presets").resolve(p), "preset " + p + "\n");
        }
        return f;
    }

    private static String minimal(String title, String part, String order, String pane) {
        return "---\ntitle: " + title + "\npart: " + part + "\norder: " + order + "\npane: " + pane + "\n---\nText.\n";
    }

    private LessonCatalog scan() {
        return LessonCatalog.scan(dir, "lessons", PANES);
    }

    @Test
    void goodLessonLoadsWithAllFields() throws IOException {
        lesson(dir, "dynamic-programming", GOOD, "a.yaml", "b.json", "extra.txt");

        LessonCatalog c = scan();

        assertEquals(List.of(), c.problems());
        Lesson l = c.find("dp").orElseThrow();
        assertEquals("Dynamic programming on a grid world", l.title());
        assertEquals(Part.KNOWN_DYNAMICS, l.part());
        assertEquals(10, l.order());
        assertEquals("gridworld", l.pane());
        assertEquals("Value and policy iteration.", l.summary());
        assertEquals(List.of("b", "a"), l.presets());
        assertEquals("a", l.defaultPreset());
        assertEquals(Map.of("tolerance", 1e-10, "gamma", 0.9), l.parameters());
        assertEquals(List.of("tolerance", "gamma"), List.copyOf(l.parameters().keySet()));
        assertTrue(l.markdown().contains("# Hello"));
        assertFalse(l.markdown().contains("---"));
        assertEquals("lessons/dynamic-programming/lesson.md", l.source());
        assertEquals(Map.of("a", "preset a.yaml\n", "b", "preset b.json\n", "extra", "preset extra.txt\n"),
                Map.of("a", l.presetFiles().get("a").text(), "b", l.presetFiles().get("b").text(),
                        "extra", l.presetFiles().get("extra").text()));
        assertEquals("lessons/dynamic-programming/presets/a.yaml", l.presetFiles().get("a").source());
    }

    @Test
    void markdownNotesInThePresetsFolderAreNotPresets() throws IOException {
        lesson(dir, "x", minimal("X", "known-dynamics", "1", "gridworld"), "FORMAT.md", "a.grid");

        Lesson l = scan().find("x").orElseThrow();

        assertEquals(List.of("a"), l.presets());
        assertEquals(List.of("a"), List.copyOf(l.presetFiles().keySet()));
    }

    @Test
    void idDefaultsToFolderName() throws IOException {
        lesson(dir, "value-iteration", minimal("VI", "known-dynamics", "1", "gridworld"));

        Lesson l = scan().find("value-iteration").orElseThrow();

        assertEquals(List.of(), l.presets());
        assertEquals(null, l.defaultPreset());
    }

    @Test
    void brokenYamlNamesFileAndLineAndOtherLessonStillLoads() throws IOException {
        lesson(dir, "broken", """
                ---
                title: Broken
                part: known-dynamics
                summary: one: two
                order: 1
                pane: gridworld
                ---
                """);
        lesson(dir, "fine", minimal("Fine", "known-dynamics", "2", "gridworld"));

        LessonCatalog c = scan();

        assertEquals(1, c.problems().size(), c.problems().toString());
        LessonProblem p = c.problems().get(0);
        assertEquals("lessons/broken/lesson.md", p.source());
        assertEquals(4, p.line());
        assertTrue(p.toString().startsWith("lessons/broken/lesson.md:4: bad YAML"), p.toString());
        assertTrue(c.find("fine").isPresent());
        assertTrue(c.find("broken").isEmpty());
    }

    @Test
    void fileWithoutFrontMatterIsReported() throws IOException {
        lesson(dir, "plain", "# Just Markdown\n");

        LessonCatalog c = scan();

        assertEquals(List.of(), c.lessons());
        assertEquals(1, c.problems().get(0).line());
        assertTrue(c.problems().get(0).message().contains("missing front matter"));
    }

    @Test
    void missingTitleLeavesLessonOut() throws IOException {
        lesson(dir, "untitled", "---\npart: known-dynamics\norder: 1\npane: gridworld\n---\n");

        LessonCatalog c = scan();

        assertEquals(List.of(), c.lessons());
        assertEquals("lessons/untitled/lesson.md:1: missing 'title:' in the front matter",
                c.problems().get(0).toString());
    }

    @Test
    void unknownPartListsTheAllowedParts() throws IOException {
        lesson(dir, "x", minimal("X", "known-dynamic", "1", "gridworld"));

        LessonCatalog c = scan();

        assertEquals(List.of(), c.lessons());
        assertEquals("lessons/x/lesson.md:3: unknown part 'known-dynamic'; allowed: known-dynamics, "
                + "learned-models, latent-models", c.problems().get(0).toString());
    }

    @Test
    void nonIntegerOrderIsReported() throws IOException {
        lesson(dir, "x", minimal("X", "known-dynamics", "1.5", "gridworld"));

        LessonCatalog c = scan();

        assertEquals(List.of(), c.lessons());
        assertEquals("lessons/x/lesson.md:4: order must be a whole number, not '1.5'", c.problems().get(0).toString());
    }

    @Test
    void outOfRangeParameterNamesValueAndRange() throws IOException {
        lesson(dir, "x", """
                ---
                title: X
                part: known-dynamics
                order: 1
                pane: gridworld
                parameters:
                  gamma: 1.5
                  tolerance: 0.001
                ---
                """);

        LessonCatalog c = scan();

        assertEquals("lessons/x/lesson.md:7: parameter gamma = 1.5 is outside its range [0, 1]",
                c.problems().get(0).toString());
        assertEquals(Map.of("tolerance", 0.001), c.find("x").orElseThrow().parameters());
    }

    @Test
    void parameterThatIsNotANumberIsReported() throws IOException {
        lesson(dir, "x", "---\ntitle: X\npart: known-dynamics\norder: 1\npane: gridworld\n"
                + "parameters:\n  gamma: high\n---\n");

        LessonCatalog c = scan();

        assertEquals("lessons/x/lesson.md:7: parameter gamma must be a number, not 'high'",
                c.problems().get(0).toString());
        assertTrue(c.find("x").isPresent());
    }

    @Test
    void parameterUnknownForThePaneIsReported() throws IOException {
        lesson(dir, "x", "---\ntitle: X\npart: known-dynamics\norder: 1\npane: gridworld\n"
                + "parameters:\n  gama: 0.5\n---\n");

        LessonCatalog c = scan();

        assertEquals("lessons/x/lesson.md:7: parameter 'gama' is unknown for pane gridworld; it has gamma, tolerance",
                c.problems().get(0).toString());
    }

    @Test
    void listedPresetWithoutFileIsReportedAndLessonStillLoads() throws IOException {
        lesson(dir, "x", "---\ntitle: X\npart: known-dynamics\norder: 1\npane: gridworld\n"
                + "presets: [here, gone]\ndefault_preset: gone\n---\n", "here.yaml");

        LessonCatalog c = scan();

        Lesson l = c.find("x").orElseThrow();
        assertEquals(List.of("here"), l.presets());
        assertEquals("here", l.defaultPreset());
        assertEquals(2, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).toString().startsWith("lessons/x/lesson.md:6: preset 'gone' is listed"),
                c.problems().toString());
        assertTrue(c.problems().get(1).toString().startsWith("lessons/x/lesson.md:7: default_preset 'gone'"),
                c.problems().toString());
    }

    @Test
    void unknownKeyIsReportedButLessonStillLoads() throws IOException {
        lesson(dir, "x", "---\ntitle: X\npart: known-dynamics\norder: 1\npane: gridworld\nsumary: typo\n---\n");

        LessonCatalog c = scan();

        assertTrue(c.find("x").isPresent());
        assertTrue(c.problems().get(0).toString().startsWith(
                "lessons/x/lesson.md:6: unknown key 'sumary' (did you mean 'summary'?)"), c.problems().toString());
    }

    @Test
    void unknownPaneIsReportedWithTheKnownPanesAndLessonIsLeftOut() throws IOException {
        lesson(dir, "future", minimal("Future", "latent-models", "1", "gridwrold"));

        LessonCatalog c = scan();

        assertEquals(List.of(), c.lessons());
        assertEquals(List.of("lessons/future/lesson.md:5: unknown pane 'gridwrold' (did you mean 'gridworld'?);"
                + " this lesson is left out; known panes: gridworld, mcts"),
                c.problems().stream().map(LessonProblem::toString).toList());
    }

    @Test
    void lessonWithUnknownPaneStillHasItsOtherProblemsReported() throws IOException {
        lesson(dir, "future", "---\ntitle: F\npart: nonsense\norder: 1\npane: dreamer\n---\n");

        LessonCatalog c = scan();

        assertEquals(List.of(), c.lessons());
        assertEquals(List.of(5, 3), c.problems().stream().map(LessonProblem::line).toList(), c.problems().toString());
        assertTrue(c.problems().get(0).message().startsWith("unknown pane 'dreamer'; "), c.problems().toString());
    }

    /** {@link #PANES} whose grid world rejects every preset file whose text does not start with "ok". */
    private static PaneInfo checkingPresets() {
        return new PaneInfo() {
            @Override
            public boolean exists(String pane) {
                return PANES.exists(pane);
            }

            @Override
            public Optional<Map<String, double[]>> parameterRanges(String pane) {
                return PANES.parameterRanges(pane);
            }

            @Override
            public Optional<LessonProblem> presetProblem(String pane, PresetFile preset) {
                return pane.equals("gridworld") && !preset.text().startsWith("ok")
                        ? Optional.of(new LessonProblem(preset.source(), 2, "not ok")) : Optional.empty();
            }
        };
    }

    @Test
    void brokenPresetIsReportedAndLeftOutOfTheMenu() throws IOException {
        Path f = lesson(dir, "x", "---\ntitle: X\npart: known-dynamics\norder: 1\npane: gridworld\n"
                + "presets: [bad, good]\ndefault_preset: good\n---\n");
        Files.createDirectories(f.resolve("presets"));
        Files.writeString(f.resolve("presets/bad.grid"), "broken\n");
        Files.writeString(f.resolve("presets/good.grid"), "ok\n");

        LessonCatalog c = LessonCatalog.scan(dir, "lessons", checkingPresets());

        Lesson l = c.find("x").orElseThrow();
        assertEquals(List.of("good"), l.presets());
        assertEquals("good", l.defaultPreset());
        assertEquals(List.of("lessons/x/presets/bad.grid:2: not ok; preset 'bad' is left out of the menu"),
                c.problems().stream().map(LessonProblem::toString).toList());
    }

    @Test
    void brokenDefaultPresetFallsBackToTheFirstGoodOne() throws IOException {
        Path f = lesson(dir, "x", minimal("X", "known-dynamics", "1", "gridworld"));
        Files.createDirectories(f.resolve("presets"));
        Files.writeString(f.resolve("presets/a.grid"), "broken\n");
        Files.writeString(f.resolve("presets/b.grid"), "ok\n");

        LessonCatalog c = LessonCatalog.scan(dir, "lessons", checkingPresets());

        Lesson l = c.find("x").orElseThrow();
        assertEquals(List.of("b"), l.presets());
        assertEquals("b", l.defaultPreset());
        assertEquals(1, c.problems().size(), c.problems().toString());
    }

    @Test
    void presetOfAPaneThatDoesNotCheckIsKept() throws IOException {
        Path f = lesson(dir, "x", minimal("X", "known-dynamics", "1", "mcts"));
        Files.createDirectories(f.resolve("presets"));
        Files.writeString(f.resolve("presets/a.mcts"), "broken\n");

        LessonCatalog c = LessonCatalog.scan(dir, "lessons", checkingPresets());

        assertEquals(List.of("a"), c.find("x").orElseThrow().presets());
        assertEquals(List.of(), c.problems());
    }

    @Test
    void filesThatAreNotLessonFoldersAreIgnored() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# How to write lessons\n");
        Files.createDirectories(dir.resolve("images"));
        lesson(dir, "x", minimal("X", "known-dynamics", "1", "gridworld"));

        LessonCatalog c = scan();

        assertEquals(1, c.lessons().size());
        assertEquals(List.of(), c.problems());
    }

    @Test
    void lessonsAreSortedByPartThenOrderThenTitle() throws IOException {
        lesson(dir, "a", minimal("Zeta", "learned-models", "1", "gridworld"));
        lesson(dir, "b", minimal("Beta", "known-dynamics", "20", "gridworld"));
        lesson(dir, "c", minimal("Alpha", "known-dynamics", "20", "mcts"));
        lesson(dir, "d", minimal("Omega", "known-dynamics", "5", "gridworld"));

        List<String> ids = scan().lessons().stream().map(Lesson::id).toList();

        assertEquals(List.of("d", "c", "b", "a"), ids);
    }

    @Test
    void duplicateIdIsReported() throws IOException {
        lesson(dir, "one", "---\nid: same\ntitle: One\npart: known-dynamics\norder: 1\npane: gridworld\n---\n");
        lesson(dir, "two", "---\nid: same\ntitle: Two\npart: known-dynamics\norder: 2\npane: gridworld\n---\n");

        LessonCatalog c = scan();

        assertEquals("One", c.find("same").orElseThrow().title());
        assertTrue(c.problems().get(0).message().contains("already used by lessons/one/lesson.md"));
    }

    @Test
    void externalLessonReplacesBundledOneWithSameId() throws IOException {
        Path bundled = Files.createDirectories(dir.resolve("classes/lessons"));
        Path external = Files.createDirectories(dir.resolve("mine"));
        lesson(bundled, "dp", minimal("Bundled", "known-dynamics", "1", "gridworld"));
        lesson(bundled, "other", minimal("Other", "known-dynamics", "2", "gridworld"));
        Path mine = lesson(external, "dp", minimal("Mine", "known-dynamics", "1", "gridworld"));

        LessonCatalog c = LessonCatalog.load(bundled.toUri().toURL(), Optional.of(external), PANES);

        assertEquals("Mine", c.find("dp").orElseThrow().title());
        assertEquals(mine.resolve("lesson.md").toAbsolutePath().toString(), c.find("dp").orElseThrow().source());
        assertEquals("Other", c.find("other").orElseThrow().title());
        assertEquals(2, c.lessons().size());
    }

    @Test
    void missingExternalFolderIsAProblem() {
        LessonCatalog c = LessonCatalog.load(null, Optional.of(dir.resolve("nowhere")), PANES);

        assertEquals(dir.resolve("nowhere").toAbsolutePath() + ": lessons folder not found",
                c.problems().get(0).toString());
    }

    @Test
    void lessonsLoadFromInsideAJar() throws IOException {
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("lessons/"));
            zip.putNextEntry(new ZipEntry("lessons/README.md"));
            zip.write("# Lessons\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("lessons/dp/"));
            zip.putNextEntry(new ZipEntry("lessons/dp/lesson.md"));
            zip.write(GOOD.getBytes(StandardCharsets.UTF_8));
            for (String p : List.of("a.yaml", "b.yaml")) {
                zip.putNextEntry(new ZipEntry("lessons/dp/presets/" + p));
                write(zip, "preset " + p);
            }
        }

        LessonCatalog c = LessonCatalog.load(new URL("jar:" + jar.toUri() + "!/lessons"), Optional.empty(), PANES);

        assertEquals(List.of(), c.problems());
        Lesson l = c.find("dp").orElseThrow();
        assertEquals("lessons/dp/lesson.md", l.source());
        assertEquals("preset b.yaml", l.presetFiles().get("b").text());
        assertEquals("lessons/dp/presets/b.yaml", l.presetFiles().get("b").source());
    }

    @Test
    void jarWithoutFolderEntriesLoadsToo() throws IOException {
        Path jar = dir.resolve("flat.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("lessons/README.md"));
            write(zip, "# Lessons\n");
            zip.putNextEntry(new ZipEntry("lessons/dp/lesson.md"));
            write(zip, minimal("DP", "known-dynamics", "1", "gridworld"));
        }

        LessonCatalog c = LessonCatalog.load(new URL("jar:" + jar.toUri() + "!/lessons"), Optional.empty(), PANES);

        assertEquals("DP", c.find("dp").orElseThrow(() -> new AssertionError(c.problems().toString())).title());
    }

    @Test
    void scanWorksOnAZipFileSystemPath() throws IOException {
        Path zipFile = dir.resolve("lessons.zip");
        try (FileSystem zip = FileSystems.newFileSystem(zipFile, Map.of("create", "true"))) {
            Path l = Files.createDirectories(zip.getPath("/lessons/x"));
            Files.writeString(l.resolve("lesson.md"), minimal("X", "known-dynamics", "1", "gridworld"));
        }
        try (FileSystem zip = FileSystems.newFileSystem(zipFile)) {
            LessonCatalog c = LessonCatalog.scan(zip.getPath("/lessons"), "lessons", PANES);

            assertEquals("lessons/x/lesson.md", c.find("x").orElseThrow().source());
        }
    }

    @Test
    void bundledDynamicProgrammingLessonLoads() {
        LessonCatalog c = LessonCatalog.load(Optional.empty(), PaneInfo.any());

        Lesson l = c.find("dynamic-programming").orElseThrow(() -> new AssertionError(c.problems().toString()));
        assertEquals("Dynamic programming on a grid world", l.title());
        assertEquals(Part.KNOWN_DYNAMICS, l.part());
        assertEquals(List.of(), c.problems());
    }

    /**
     * The DP lesson allows γ = 1 (preset sutton-barto-4.1 uses it), so wherever it says the error shrinks
     * by a factor γ per sweep it must say that this holds for γ < 1 (issue 11).
     */
    @Test
    void dynamicProgrammingLessonClaimsTheFactorGammaOnlyForGammaBelowOne() {
        LessonCatalog c = LessonCatalog.load(Optional.empty(), PaneInfo.any());
        String text = c.find("dynamic-programming").orElseThrow().markdown();
        assertTrue(c.find("dynamic-programming").orElseThrow().presetFiles().containsKey("sutton-barto-4.1"));
        for (String paragraph : text.split("\n\\s*\n")) {
            if (paragraph.contains("factor $\\gamma$") || paragraph.contains("shrinks by\n$\\gamma$")) {
                assertTrue(paragraph.contains("\\gamma < 1"), "claims a factor γ without γ < 1:\n" + paragraph);
            }
        }
        assertTrue(text.contains("\\gamma \\in [0, 1]"), "the parameter's range includes 1");
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A lesson's data tables come through the catalogue, so an external folder brings its own. */
    @Test
    void csvFilesBesideTheLessonAreItsDataFiles() throws IOException {
        Path f = lesson(dir, "mbplanning", minimal("Planning", "learned-models", "1", "mcts"));
        Files.writeString(f.resolve("comparison.csv"), "version,seed,episode,real_return,predicted_return\n");
        Files.writeString(f.resolve("notes.txt"), "not data\n");

        Lesson l = scan().lessons().get(0);

        assertEquals(List.of("comparison.csv"), List.copyOf(l.dataFiles().keySet()));
        assertEquals("version,seed,episode,real_return,predicted_return\n", l.dataFiles().get("comparison.csv").text());
        assertTrue(l.dataFiles().get("comparison.csv").source().endsWith("comparison.csv"));
    }

    /** A lesson file is never read whole past the cap: a 5 MiB preset is a problem, not an out-of-memory. */
    @Test
    void aFileOverTheCapIsReportedAndNotRead() throws IOException {
        Path f = lesson(dir, "dp", minimal("DP", "known-dynamics", "1", "gridworld"));
        Files.createDirectories(f.resolve("presets"));
        Files.write(f.resolve("presets").resolve("huge.grid"), new byte[5 << 20]);

        LessonCatalog c = scan();

        assertEquals(1, c.lessons().size(), "the lesson still loads");
        assertEquals(1, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).toString().contains("larger than 4 MiB"), c.problems().toString());
    }
}
