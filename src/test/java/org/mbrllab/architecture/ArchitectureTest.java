package org.mbrllab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules: the engine, the lesson catalogue and the command line run headless and never reach
 * the toolkit or the chart library; ND4J stays behind {@code engine.nn}, whose classes speak plain Java
 * arrays and records to the rest of the code; the app and the engine form no cycle; a lesson pane uses the
 * engine, {@code app.common} and nothing of another lesson or of the shell; a view-model holds no controls.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mbrllab");

    /** Main and test classes: a test outside engine.nn has no business with ND4J either. */
    private static final JavaClasses ALL = new ClassFileImporter().importPackages("org.mbrllab");

    /** The engine's packages form layers (core, run, nn, games, mcts, alphazero, control, model, …), not a tangle. */
    @Test
    void enginePackagesHaveNoCycles() {
        slices().matching("org.mbrllab.engine.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyEngineNnImportsNd4j() {
        noClasses().that().resideOutsideOfPackage("org.mbrllab.engine.nn..")
                .should().dependOnClassesThat().resideInAPackage("org.nd4j..")
                .check(ALL);
    }

    /** The network plumbing is a layer below the lessons: it knows nothing of models, games or AlphaZero. */
    @Test
    void engineNnDependsOnNoOtherEnginePackage() {
        noClasses().that().resideInAPackage("org.mbrllab.engine.nn..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mbrllab.engine.model..",
                        "org.mbrllab.engine.alphazero..", "org.mbrllab.engine.games..", "org.mbrllab.app..",
                        "org.mbrllab.cli..")
                .check(MAIN);
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

    /** The app's and the engine's packages, taken together, form no cycle. */
    @Test
    void appAndEngineHaveNoCycles() {
        slices().matching("org.mbrllab.(*)..").should().beFreeOfCycles().check(MAIN);
        slices().matching("org.mbrllab.app.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** What two lessons share lives in {@code app.common} or the engine, never in one of them. */
    @Test
    void lessonPackagesDoNotImportOneAnother() {
        slices().matching("org.mbrllab.app.lessons.(*)..").should().notDependOnEachOther().check(MAIN);
    }

    /** A pane gets what it needs from the shell through {@code app.common}'s contract. */
    @Test
    void lessonPackagesDoNotImportTheShell() {
        noClasses().that().resideInAPackage("org.mbrllab.app.lessons..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mbrllab.app.shell..")
                .check(MAIN);
    }

    /** The search tree's layout is tested without the toolkit: positions, fitting and hit tests are plain arithmetic. */
    @Test
    void treeLayoutImportsNoJavaFx() {
        noClasses().that().haveSimpleName("TreeLayout")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(MAIN);
    }

    /** A view-model is tested without the toolkit's scene graph: it holds properties, never controls or nodes. */
    @Test
    void viewModelsDoNotImportTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
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
