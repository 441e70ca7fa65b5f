package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.ExpectationsLoader;
import dev.airlock.verify.SourceRowCounter;
import dev.airlock.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's merge gate under --merge auto-if-green, with the real verifier on a real lakehouse. */
class RunMergeGateTest {
  private static final WriteContext AGENT = WriteContext.run("agent", "run-1", 1);
  @TempDir Path home;
  @TempDir Path raw;

  /**
   * Three-way merges keep what main gained since a branch left it. Branch b drops merchant C;
   * meanwhile branch c's payments to C are merged. Each branch passes the checks on its own, but
   * merging b publishes payments to a merchant main no longer knows: the gate must audit what it
   * would publish, not the branch.
   */
  @Test
  void autoIfGreenAuditsTheMergeResultNotTheBranch() throws Exception {
    Expectations expect =
        ExpectationsLoader.parse(
            """
        tables:
          payments: {id_columns: [id]}
          merchants: {id_columns: [merchant]}
        checks:
          - name: merchants_known
            sql: SELECT p.merchant FROM payments p LEFT JOIN merchants m ON p.merchant = m.merchant WHERE m.merchant IS NULL
        """,
            "test",
            false);
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    RunMergeGate gate =
        new RunMergeGate(
            MergePolicy.AUTO_IF_GREEN, null, new RunJournal(), events::add, Clock.systemUTC());
    try (LocalLakehouse lake = new LocalLakehouse(home, gate, null, null)) {
      gate.attach(ref -> new Verifier(lake, new SourceRowCounter(null)).verify(ref, expect));
      lake.createBranch("a", "main");
      load(lake, "payments", "id,merchant\n1,A\n", "a", false);
      load(lake, "merchants", "merchant,name\nA,Alpha\nC,Gamma\n", "a", false);
      lake.merge("a", "main", AGENT);
      lake.createBranch("b", "main");
      load(lake, "merchants", "merchant,name\nA,Alpha\n", "b", true);
      lake.createBranch("c", "main");
      lake.importData("payments", csv("pay_c.csv", "id,merchant\n2,C\n"), "c", AGENT);
      lake.merge("c", "main", AGENT);
      String mainBefore = lake.resolve("main").hash();

      assertThatThrownBy(() -> lake.merge("b", "main", AGENT))
          .hasMessageContaining("merchants_known");

      assertThat(lake.resolve("main").hash()).isEqualTo(mainBefore);
      assertThat(new Verifier(lake, new SourceRowCounter(null)).verify("b", expect).passed())
          .as("the branch alone passes")
          .isTrue();
    }
  }

  private void load(LocalLakehouse lake, String table, String text, String branch, boolean replace)
      throws Exception {
    String file = csv(table + "_" + branch + ".csv", text);
    lake.createTable(table, file, branch, replace, AGENT);
    lake.importData(table, file, branch, AGENT);
  }

  private String csv(String name, String text) throws Exception {
    return Files.writeString(raw.resolve(name), text).toString();
  }
}
