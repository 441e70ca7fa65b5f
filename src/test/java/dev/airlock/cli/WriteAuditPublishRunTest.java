package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.TurnRecord;
import dev.airlock.session.RunIds;
import dev.airlock.transcript.Json;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, issue 3's demo: a scripted agent imports the generated demo dataset through {@code
 * import bauplan} from inside the bubblewrap sandbox into a branch, checks ID uniqueness with a
 * query, asks to merge into main, and the gate decides.
 */
class WriteAuditPublishRunTest {
  @TempDir Path dir;
  private DemoRaw demo;
  private Path raw;
  private Path home;
  private final Path script = Path.of("examples/scripted-wap.json").toAbsolutePath();

  @BeforeEach
  void demoData() throws Exception {
    demo = new DemoRaw(2_000);
    raw = demo.dir;
    home = dir.resolve("lakehouse");
  }

  @AfterEach
  void deleteDemoData() throws Exception {
    demo.close();
  }

  private CliRunner.Result run(String merge, String stdin) {
    return CliRunner.typing(
        stdin,
        "run",
        "--model",
        "scripted:" + script,
        "--approve",
        "auto",
        "--merge",
        merge,
        "--raw",
        raw.toString(),
        "--home",
        home.toString(),
        "--runs-dir",
        dir.resolve("runs").toString(),
        "--json");
  }

  private List<String> mainTables() {
    return CliRunner.tables(home, "main");
  }

  @Test
  void theSupervisorApprovesTheMergeAndMainHasTheAuditedTables() throws Exception {
    CliRunner.Result r = run("ask", "y\n");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            "main takes no direct writes",
            "payments.psp_reference: {'n': 2000, 'd': 2000, 'nulls': 0}",
            "Merge request: ",
            "Publish into main? [y/N]",
            "merged into main");
    assertThat(mainTables())
        .containsExactly(
            "acquirer_countries:10",
            "fees:1000",
            "merchant_category_codes:64",
            "merchant_data:30",
            "payments:2000");

    JsonNode json = Json.mapper().readTree(r.out());
    RunHistory history = RunHistory.read(Path.of(json.get("transcript").asText()));
    var turn2 = history.turns().get(1);
    assertThat(turn2.lakehouseCalls())
        .extracting(RunEvent.LakehouseCall::method)
        .contains("create_table", "import_data", "query", "merge_branch");
    assertThat(turn2.dataChanges())
        .extracting(RunEvent.DataChanged::operation)
        .contains("import_data", "merge_branch");
    assertThat(turn2.mergeDecisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.approved()).isTrue();
              assertThat(d.by()).startsWith("human:");
            });
    assertThat(turn2.merges()).singleElement().satisfies(m -> assertThat(m.changes()).hasSize(5));

    CliRunner.Result log = CliRunner.run("lakehouse", "--home", home.toString(), "log", "main");
    assertThat(log.out()).contains("Merge", "run=" + json.get("run_id").asText(), "turn=2");
  }

  @Test
  void everyRunWorksOnTheBranchItAnnouncesAndTakesTheSameTurnsAgainInTheSameHome()
      throws Exception {
    List<String> branches = new ArrayList<>();
    for (int attempt = 1; attempt <= 2; attempt++) {
      CliRunner.Result r = run("ask", "y\n");
      assertThat(r.exit()).as("run " + attempt + ": " + r.err()).isZero();
      RunHistory history = r.history();
      String announced = history.started().branch();
      assertThat(announced).startsWith(RunIds.username() + ".airlock_");
      assertThat(r.err()).contains("branch: " + announced);
      branches.add(announced);

      assertThat(history.turns()).as("run " + attempt).hasSize(3);
      RunEvent.ExecutionFinished first = history.turns().get(0).execution();
      assertThat(first.status()).as("run " + attempt).isEqualTo("ERROR");
      assertThat(first.stderr()).contains("Cannot create table bauplan.payments on main");
      var turn2 = history.turns().get(1);
      assertThat(turn2.merges())
          .as("run " + attempt)
          .singleElement()
          .satisfies(m -> assertThat(m.source()).isEqualTo(announced));
      assertThat(turn2.mergeDecisions())
          .singleElement()
          .satisfies(d -> assertThat(d.approved()).isTrue());
      assertThat(history.turns())
          .flatExtracting(TurnRecord::lakehouseCalls)
          .filteredOn(c -> c.params().containsKey("branch"))
          .extracting(c -> c.params().get("branch"))
          .containsOnly(announced);
      assertThat(history.finished().summary()).contains("branch " + announced);
    }
    assertThat(branches.get(1)).isNotEqualTo(branches.get(0));
    // the second run replaced the tables on its own branch: main holds each source once, not twice
    assertThat(mainTables())
        .containsExactly(
            "acquirer_countries:10",
            "fees:1000",
            "merchant_category_codes:64",
            "merchant_data:30",
            "payments:2000");
  }

  @Test
  void aRejectedMergeReachesTheAgentsCodeWithTheReasonAndMainStaysEmpty() throws Exception {
    CliRunner.Result r = run("ask", "n\nfees.ID must be checked against the manual first\n");
    assertThat(r.err())
        .contains("MergeForbiddenError", "fees.ID must be checked against the manual first");
    assertThat(mainTables()).isEmpty();
    RunHistory history = r.history();
    assertThat(history.turns().get(1).mergeDecisions())
        .singleElement()
        .satisfies(d -> assertThat(d.approved()).isFalse());
    assertThat(history.turns().get(1).execution().status()).isEqualTo("ERROR");
  }

  @Test
  void aDryRunNeverPublishes() {
    CliRunner.Result r = run("never", "");
    assertThat(r.err()).contains("dry run (merge policy never)");
    assertThat(mainTables()).isEmpty();
  }

  @Test
  void theExecutionTimeoutDoesNotRunWhileTheMergeGateWaitsForTheHuman() throws Exception {
    Path slowGate = dir.resolve("slow-gate.json");
    Files.writeString(
        slowGate,
        Json.mapper()
            .writeValueAsString(
                List.of(
                    "<reasoning>publish</reasoning><code>\nimport bauplan\nc = bauplan.Client()\n"
                        + "c.create_branch('me.small', from_ref='main', if_not_exists=True)\n"
                        + "c.create_table(table='acquirer_countries', search_uri='/raw/acquirer_countries.parquet', branch='me.small')\n"
                        + "c.import_data(table='acquirer_countries', search_uri='/raw/acquirer_countries.parquet', branch='me.small')\n"
                        + "c.merge_branch(source_ref='me.small', into_branch='main')\nprint('published')\n</code>",
                    "<done>published</done>")));
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(keyboard);
    Thread human =
        new Thread(
            () -> {
              try {
                Thread.sleep(7_000);
                keyboard.write("y\n".getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    human.start();
    CliRunner.Result r;
    try {
      r =
          CliRunner.typing(
              stdin,
              "run",
              "--model",
              "scripted:" + slowGate,
              "--approve",
              "auto",
              "--merge",
              "ask",
              "--exec-timeout",
              "5",
              "--raw",
              raw.toString(),
              "--home",
              home.toString(),
              "--runs-dir",
              dir.resolve("runs").toString(),
              "--json");
    } finally {
      human.join();
    }
    assertThat(r.exit()).as(r.err()).isZero();
    RunHistory history = r.history();
    RunEvent.ExecutionFinished first = history.turns().get(0).execution();
    assertThat(first.status()).isEqualTo("OK");
    assertThat(first.durationMs()).isGreaterThan(5_000);
    assertThat(first.stdout()).contains("published");
    assertThat(mainTables()).containsExactly("acquirer_countries:10");
  }
}
