package org.mbrllab.engine.dp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The DP engine and the command line run without a display: no JavaFX, no JFreeChart. */
class EngineIndependenceTest {

    @Test
    void dpEngineAndCommandLineImportNoUiToolkit() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mbrllab.engine.dp", "org.mbrllab.cli");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..")
                .because("the engine and the command line must run headless")
                .check(classes);
    }
}
