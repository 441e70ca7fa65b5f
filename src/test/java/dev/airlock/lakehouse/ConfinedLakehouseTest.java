package dev.airlock.lakehouse;

import static dev.airlock.lakehouse.LakehouseFixture.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run's view of a shared lakehouse: its raw data only, its own writes only. */
class ConfinedLakehouseTest {
  private static final WriteContext RUN = WriteContext.run("alice", "run-1", 1);
  @TempDir Path home;
  @TempDir Path raw;
  @TempDir Path elsewhere;
  LocalLakehouse lake;
  Lakehouse view;
  final List<MergeRequest> reviewed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() throws Exception {
    lake =
        new LocalLakehouse(
            home,
            request -> {
              reviewed.add(request);
              return MergeDecision.approve();
            },
            null,
            null);
    view = lake.confinedTo("run-1", new ConfinedSources(List.of(raw)));
    csv(raw, "orders.csv", "id,v\n1,a\n");
    lake.createBranch("alice.work", "main");
    view.createTable("orders", raw.resolve("orders.csv").toString(), "alice.work", false, RUN);
  }

  @AfterEach
  void close() {
    lake.close();
  }

  @Test
  void writesNotMadeForTheRunAreRefusedAndNoGateIsAsked() {
    List<WriteContext> strangers =
        List.of(WriteContext.user("alice"), WriteContext.run("alice", "run-2", 1));
    for (WriteContext stranger : strangers) {
      assertThatThrownBy(() -> view.merge("alice.work", "main", stranger))
          .isInstanceOfSatisfying(
              LakehouseException.class,
              e -> assertThat(e.errorType()).isEqualTo(ErrorType.FORBIDDEN))
          .hasMessageContaining("run run-1");
      assertThatThrownBy(
              () ->
                  view.importData(
                      "orders", raw.resolve("orders.csv").toString(), "alice.work", stranger))
          .isInstanceOf(LakehouseException.class);
      assertThatThrownBy(() -> view.deleteTable("orders", "alice.work", stranger))
          .isInstanceOf(LakehouseException.class);
      assertThatThrownBy(() -> view.createNamespace("other", "alice.work", stranger))
          .isInstanceOf(LakehouseException.class);
      assertThatThrownBy(() -> view.revertTable("orders", "main", "alice.work", true, stranger))
          .isInstanceOf(LakehouseException.class);
    }
    assertThat(reviewed).isEmpty();
    assertThat(lake.tables("main")).isEmpty();
    assertThat(lake.table("alice.work", "orders").records()).isZero();

    view.merge("alice.work", "main", RUN);
    assertThat(reviewed).singleElement().satisfies(r -> assertThat(r.context()).isEqualTo(RUN));
  }

  @Test
  void theRunsCodeCannotRevertAMergeOnMain() {
    Ref merged = view.merge("alice.work", "main", RUN);
    assertThatThrownBy(() -> view.revertMerge(merged.hash(), "main", RUN))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.errorType()).isEqualTo(ErrorType.FORBIDDEN));
    assertThat(lake.resolve("main").hash()).isEqualTo(merged.hash());
  }

  @Test
  void sourcesOutsideTheRawDataAreRefusedHoweverNamed() throws Exception {
    Path secret = csv(elsewhere, "secret.csv", "id,v\n9,z\n");
    Files.createSymbolicLink(raw.resolve("link.csv"), secret);
    Files.createSymbolicLink(raw.resolve("folder"), elsewhere);
    for (String uri :
        List.of(
            secret.toString(),
            secret.toUri().toString(),
            raw.resolve("link.csv").toString(),
            raw + "/*.csv",
            raw + "/**",
            raw.resolve("folder").toString(),
            raw + "/folder/*.csv",
            raw + "/../" + elsewhere.getFileName() + "/secret.csv")) {
      assertThatThrownBy(() -> view.importData("orders", uri, "alice.work", RUN))
          .as(uri)
          .isInstanceOfSatisfying(
              LakehouseException.class,
              e -> assertThat(e.errorType()).isIn(ErrorType.FORBIDDEN, ErrorType.IMPORT_FAILED));
    }
    assertThat(lake.table("alice.work", "orders").records()).isZero();
  }

  @Test
  void aFolderWithoutDataFilesIsAnImportFailureNamingIt() throws Exception {
    Files.createDirectories(raw.resolve("empty"));
    for (String uri : List.of(raw.resolve("empty").toString(), raw.resolve("folder").toString())) {
      if (uri.endsWith("folder")) {
        Files.createSymbolicLink(raw.resolve("folder"), elsewhere);
      }
      assertThatThrownBy(() -> view.importData("orders", uri, "alice.work", RUN))
          .as(uri)
          .isInstanceOfSatisfying(
              LakehouseException.class,
              e -> assertThat(e.errorType()).isEqualTo(ErrorType.IMPORT_FAILED))
          .hasMessageContaining("no data files");
    }
  }
}
