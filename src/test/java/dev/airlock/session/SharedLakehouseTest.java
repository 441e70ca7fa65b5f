package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunStatus;
import dev.airlock.agent.TurnRecord;
import dev.airlock.lakehouse.ConfinedSources;
import dev.airlock.lakehouse.ErrorType;
import dev.airlock.lakehouse.LakehouseEvent;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.WriteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs and the console sharing one home: each run's merges, record and raw data are its own. */
class SharedLakehouseTest {
  @TempDir Path tmp;

  @Test
  void twoRunsAtOnceOnOneHomeEachHaveTheirMergeDecidedByTheirOwnGate() throws Exception {
    SessionFixture first = new SessionFixture(tmp);
    SessionFixture second = new SessionFixture(tmp);
    String mergeThenDone = mergeOwnBranch();
    try (Lakehouses.Lease console = Lakehouses.open(first.launcher.paths().lakehouse())) {
      List<LakehouseEvent> heard = Collections.synchronizedList(new ArrayList<>());
      console.lakehouse().addListener(heard::add);
      RunSession green =
          first.open(
              first
                  .request(
                      first.script(mergeThenDone, "<done>merged</done>"),
                      ApprovalPolicy.AUTO,
                      MergePolicy.AUTO_IF_GREEN)
                  .build());
      RunSession never =
          second.open(
              second
                  .request(
                      second.script(
                          // Its own table: had both runs written orders, the second merge to
                          // arrive would conflict before any gate was asked, whichever run it is.
                          mergeThenDone.replace("table=\"orders\"", "table=\"refunds\""),
                          "<done>tried</done>"),
                      ApprovalPolicy.AUTO,
                      MergePolicy.NEVER)
                  .build());

      CompletableFuture.allOf(green.start(), never.start()).get(120, TimeUnit.SECONDS);

      assertThat(green.outcome().get().status()).isEqualTo(RunStatus.DONE);
      assertThat(never.outcome().get().status()).isEqualTo(RunStatus.DONE);
      assertThat(first.all(RunEvent.MergeDecided.class))
          .isNotEmpty()
          .allSatisfy(
              m -> {
                assertThat(m.source()).isEqualTo(green.branch());
                assertThat(m.by()).isEqualTo("policy:auto-if-green");
                assertThat(m.approved()).isTrue();
              });
      assertThat(second.all(RunEvent.MergeDecided.class))
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.source()).isEqualTo(never.branch());
                assertThat(m.by()).isEqualTo("policy:never");
                assertThat(m.approved()).isFalse();
              });
      assertThat(mergeDecisions(green)).isEqualTo(first.all(RunEvent.MergeDecided.class));
      assertThat(mergeDecisions(never)).isEqualTo(second.all(RunEvent.MergeDecided.class));
      assertThat(console.lakehouse().tables("main")).extracting(t -> t.name()).contains("orders");
      // The console's own listener heard both runs' commits.
      assertThat(commitsBy(heard, green.runId())).isNotEmpty();
      assertThat(commitsBy(heard, never.runId())).isNotEmpty();
    }
  }

  @Test
  void aRunsGatewayImportsOnlyFromItsOwnRawDataWhileTheCliImportsAnyPath() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    Path mine = Files.createDirectories(tmp.resolve("raw-a"));
    Files.writeString(mine.resolve("orders.csv"), "id,amount\n1,10.5\n");
    Path theirs = Files.createDirectories(tmp.resolve("raw-b"));
    Path secret = Files.writeString(theirs.resolve("secret.csv"), "id,amount\n99,1000000.0\n");
    // A name inside this run's raw folder for a file of another run's raw data: the gateway's
    // path check passes the folder, so only the lakehouse it serves can refuse the file.
    Files.createSymbolicLink(mine.resolve("leak.csv"), secret);
    String importFolder =
        SessionFixture.code(
            """
            import bauplan
            c = bauplan.Client()
            c.create_branch("{{branch}}", from_ref="main", if_not_exists=True)
            c.create_namespace("bauplan", branch="{{branch}}", if_not_exists=True)
            try:
                c.create_table(table="orders", search_uri="/raw", branch="{{branch}}")
                c.import_data(table="orders", search_uri="/raw", branch="{{branch}}")
                print("imported")
            except Exception as e:
                print("refused:", e)""");
    RunSession session =
        f.open(
            f.request(
                    f.script(importFolder, "<done>tried</done>"),
                    ApprovalPolicy.AUTO,
                    MergePolicy.NEVER)
                .raw(mine.toString())
                .build());

    assertThat(session.start().get(60, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.DONE);

    assertThat(f.all(RunEvent.LakehouseCall.class))
        .filteredOn(c -> c.method().equals("create_table"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.ok()).isFalse();
              assertThat(c.errorType()).isEqualTo("FORBIDDEN");
            });
    assertThat(f.all(RunEvent.OutputChunk.class))
        .extracting(RunEvent.OutputChunk::text)
        .anySatisfy(t -> assertThat(t).contains("refused:"))
        .noneSatisfy(t -> assertThat(t).contains("imported"));
    try (Lakehouses.Lease cli = Lakehouses.open(f.launcher.paths().lakehouse())) {
      LocalLakehouse shared = cli.lakehouse();
      assertThat(shared.hasTable(session.branch(), "orders")).isFalse();
      // The same folder, imported at the terminal, reads the linked file too.
      WriteContext bob = WriteContext.user("bob");
      shared.createBranch("bob.cli", "main");
      shared.createTable("orders", mine.toString(), "bob.cli", false, bob);
      assertThat(shared.importData("orders", mine.toString(), "bob.cli", bob).rowsImported())
          .isEqualTo(2);
    }
  }

  @Test
  void aConfinedViewRefusesAnotherRunsRawFileThatTheSharedLakehouseReads() throws Exception {
    Path mine = Files.createDirectories(tmp.resolve("raw-a"));
    Path theirs = Files.createDirectories(tmp.resolve("raw-b"));
    Files.writeString(mine.resolve("orders.csv"), "id,amount\n1,10.5\n");
    Path secret = Files.writeString(theirs.resolve("secret.csv"), "id,amount\n99,1000000.0\n");
    try (Lakehouses.Lease lease = Lakehouses.open(tmp.resolve("home"))) {
      LocalLakehouse shared = lease.lakehouse();
      WriteContext code = WriteContext.run("tester", "20261128-031500-aaaa", 1);
      shared.createBranch("tester.a", "main");
      var confined = shared.confinedTo(code.runId(), new ConfinedSources(List.of(mine)));

      confined.createTable(
          "orders", mine.resolve("orders.csv").toString(), "tester.a", false, code);
      assertThatThrownBy(() -> confined.importData("orders", secret.toString(), "tester.a", code))
          .isInstanceOfSatisfying(
              LakehouseException.class,
              e -> assertThat(e.errorType()).isEqualTo(ErrorType.FORBIDDEN))
          .hasMessageContaining(secret.toString());

      assertThat(shared.importData("orders", secret.toString(), "tester.a", code).rowsImported())
          .isEqualTo(1);
    }
  }

  private static String mergeOwnBranch() {
    return SessionFixture.loadOnBranch()
        .replace(
            "print(\"imported\", s.job_status)",
            "c.merge_branch(source_ref=\"{{branch}}\", into_branch=\"main\")");
  }

  private static List<RunEvent.MergeDecided> mergeDecisions(RunSession session) throws Exception {
    return RunHistory.read(session.transcript()).turns().stream()
        .map(TurnRecord::mergeDecisions)
        .flatMap(List::stream)
        .toList();
  }

  private static List<LakehouseEvent> commitsBy(List<LakehouseEvent> heard, String runId) {
    synchronized (heard) {
      return heard.stream()
          .filter(e -> e.context() != null && runId.equals(e.context().runId()))
          .filter(e -> e.commitAfter() != null && !e.commitAfter().equals(e.commitBefore()))
          .toList();
    }
  }
}
