package dev.airlock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.PendingMerge;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunSession;
import dev.airlock.ui.BlockingOnTheFxThread;
import dev.airlock.ui.ScreenshotTour;
import dev.airlock.ui.Snapshots;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
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

  @Test
  void theConsoleKeepsBlockingWorkOffTheFxThread() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("dev.airlock.ui..")
            .should()
            .callMethodWhere(BLOCKING_OUTSIDE_A_LAMBDA)
            .because(
                "code in dev.airlock.ui runs on the FX thread unless it is a lambda handed to"
                    + " another thread, or a class or method documented as running off it");
    rule.check(classes);

    // The rule bites: a key handler reading a file is caught, the lambda beside it is not.
    EvaluationResult mistake =
        rule.evaluate(new ClassFileImporter().importClasses(BlockingOnTheFxThread.class));
    assertThat(mistake.getFailureReport().getDetails())
        .singleElement()
        .asString()
        .contains("BlockingOnTheFxThread.onKey(")
        .contains("Files.readString(");
  }

  /**
   * Calls that wait for the engine, a process or the disk, made outside a lambda body (ArchUnit
   * attributes a lambda's calls to the method declaring it, and marks them declared in a lambda)
   * and outside the code documented as running off the FX thread: the screenshot tour (its own
   * thread), writing a snapshot, the desktop notifier's background part.
   */
  private static final DescribedPredicate<JavaMethodCall> BLOCKING_OUTSIDE_A_LAMBDA =
      DescribedPredicate.describe(
          "a blocking method (Launcher.open, RunSession.start/stop/close, a pending decision's"
              + " answer, java.nio.file.Files, ProcessBuilder.start) outside a lambda body",
          call ->
              blocking(call.getTargetOwner().getName(), call.getName())
                  && !call.isDeclaredInLambda()
                  && !offTheFxThread(call.getOriginOwner().getName(), call.getOrigin().getName()));

  private static boolean blocking(String owner, String method) {
    Map<String, Set<String>> blocking =
        Map.of(
            Launcher.class.getName(), Set.of("open"),
            RunSession.class.getName(), Set.of("start", "stop", "close"),
            PendingApproval.class.getName(), Set.of("approve", "approveEdited", "reject", "stop"),
            PendingMerge.class.getName(), Set.of("approve", "rejectToAgent", "rejectAndEnd"),
            ProcessBuilder.class.getName(), Set.of("start"));
    return owner.equals(Files.class.getName())
        || blocking.getOrDefault(owner, Set.of()).contains(method);
  }

  private static boolean offTheFxThread(String owner, String method) {
    return owner.equals(ScreenshotTour.class.getName())
        || owner.equals(Snapshots.class.getName()) && method.equals("write")
        || owner.equals("dev.airlock.ui.DesktopNotifier") && method.equals("sendThroughDesktop")
        // console.json and New run's file checks: called from lambdas on the background executor
        || owner.equals("dev.airlock.ui.settings.SettingsFile")
        || owner.equals("dev.airlock.ui.newrun.Prechecks")
        // starts fresh JVMs from the command's own thread, before and after its window
        || owner.equals("dev.airlock.ui.output.StartTimeBenchmark")
        // bench-console's sampler of the scheduler's figures: its own thread and the command's
        || owner.equals("dev.airlock.ui.output.ThreadClocks")
        // bench-console's explorer part: writes its scratch table from the command's own thread
        || owner.equals("dev.airlock.ui.explorer.ExplorerBenchmark");
  }
}
