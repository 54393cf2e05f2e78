package org.mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.lessons.LessonCatalog;

/** The app's command-line options, read without starting the toolkit. */
class MbrlLabAppTest {

    @Test
    void lessonsOptionIsReadInBothSpellings() {
        assertEquals(Optional.of(Path.of("my/lessons")), MbrlLabApp.externalLessons(List.of("--lessons", "my/lessons")));
        assertEquals(Optional.of(Path.of("my/lessons")), MbrlLabApp.externalLessons(List.of("--lessons=my/lessons")));
        assertEquals(Optional.empty(), MbrlLabApp.externalLessons(List.of("--app")));
    }

    @Test
    void missingLessonsFolderReachesTheCatalogueSoThatItIsALessonProblem() {
        Optional<Path> external = MbrlLabApp.externalLessons(List.of("--lessons", "no/such/folder"));

        LessonCatalog c = LessonCatalog.load(external, PaneRegistry.standard());

        assertEquals(Path.of("no/such/folder").toAbsolutePath() + ": lessons folder not found",
                c.problems().get(0).toString());
    }
}
