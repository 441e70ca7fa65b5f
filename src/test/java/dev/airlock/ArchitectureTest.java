package dev.airlock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine is a library: no JavaFX outside the UI, and nothing but the command line (which opens
 * the console) imports the UI.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.airlock");
  }

  @Test
  void noJavaFxOutsideTheUi() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.airlock.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("javafx..")
        .check(classes);
  }

  @Test
  void onlyTheCommandLineOpensTheUi() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.airlock.ui..", "dev.airlock.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.airlock.ui..")
        .check(classes);
  }

  @Test
  void sandboxAndModelStayIndependentOfTheLoop() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.airlock.sandbox..", "dev.airlock.model..", "dev.airlock.transcript..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.airlock.agent..", "dev.airlock.cli..", "dev.airlock.lakehouse..")
        .check(classes);
  }

  @Test
  void lakehouseDoesNotKnowTheLoop() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.airlock.lakehouse..", "dev.airlock.source..", "dev.airlock.verify..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.airlock.agent..", "dev.airlock.cli..", "dev.airlock.sandbox..")
        .check(classes);
  }

  @Test
  void theEngineKnowsNoFace() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.airlock.cli..", "dev.airlock.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.airlock.cli..", "picocli..", "javafx..")
        .because("the CLI and the console are faces over the same engine")
        .check(classes);
  }

  @Test
  void theConsoleSeesSessionsAndRecordsNotTheMachinery() {
    noClasses()
        .that()
        .resideInAPackage("dev.airlock.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.airlock.cli..",
            "dev.airlock.sandbox..",
            "dev.airlock.lakehouse.gateway..",
            "dev.airlock.source..",
            "dev.airlock.transcript..",
            "picocli..")
        .allowEmptyShould(true)
        .because("the console drives runs through dev.airlock.session and reads their records")
        .check(classes);
  }

  @Test
  void onlyTheSessionAssemblesARun() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.airlock.session..", "dev.airlock.agent..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.airlock.agent.AgentRun")
        .because(
            "every face starts runs through the Launcher, so runs are built and recorded alike")
        .check(classes);
  }
}
