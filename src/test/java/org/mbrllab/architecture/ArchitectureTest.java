package org.mbrllab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine, the lesson catalogue and the command line run headless: they must not reach the toolkit or
 * the chart library.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mbrllab");

    /** The engine's packages form layers (core, run, games, mcts, alphazero, control, model, …), not a tangle. */
    @Test
    void enginePackagesHaveNoCycles() {
        slices().matching("org.mbrllab.engine.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void engineImportsNoJavaFx() {
        noClasses().that().resideInAPackage("org.mbrllab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(MAIN);
    }

    @Test
    void engineImportsNoJFreeChart() {
        noClasses().that().resideInAPackage("org.mbrllab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jfree..")
                .check(MAIN);
    }

    @Test
    void engineDoesNotDependOnTheAppOrTheCommandLine() {
        noClasses().that().resideInAPackage("org.mbrllab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mbrllab.app..", "org.mbrllab.cli..")
                .check(MAIN);
    }

    @Test
    void commandLineNeverTouchesTheToolkit() {
        noClasses().that().resideInAPackage("org.mbrllab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..")
                .check(MAIN);
    }

    /** The command line reads lessons and presets too, so the catalogue needs no toolkit and no shell. */
    @Test
    void lessonCatalogueImportsNoToolkitChartsOrApp() {
        noClasses().that().resideInAPackage("org.mbrllab.lessons..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "java.awt..",
                        "javax.swing..", "org.jfree..", "org.mbrllab.app..")
                .check(MAIN);
    }
}
