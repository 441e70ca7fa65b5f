package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.Ref;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, hole 1, end to end: a run with {@code --merge never} whose code names main as {@code
 * x/../main} used to write, merge and delete main and still end "finished". Now each call fails
 * with INVALID_REF, the transcript shows it, and main keeps its head and tables.
 */
class RefAliasRunTest {
  @TempDir Path dir;

  @Test
  void aRunThatNamesMainByAnAliasLeavesMainAsItWas() throws Exception {
    Path home = dir.resolve("lake");
    Ref mainBefore = publishOneTable(home);
    String code =
        "import bauplan\nc = bauplan.Client()\n"
            + "c.create_branch('x/y', from_ref='main')\n"
            + "with open('/work/mine.csv', 'w') as f:\n    f.write('id,v\\n1,2\\n')\n"
            + "c.create_table('mine', '/work/mine.csv', branch='x/y')\n"
            + "for name, attack in [\n"
            + "    ('write', lambda: c.create_table('evil', '/work/mine.csv', branch='x/../main')),\n"
            + "    ('merge', lambda: c.merge_branch('x/y', 'x/../main')),\n"
            + "    ('delete', lambda: c.delete_branch('x/../main'))]:\n"
            + "    try:\n"
            + "        attack()\n"
            + "        print(name, 'WENT', 'THROUGH')\n"
            + "    except Exception as e:\n"
            + "        print(name, 'REFUSED', type(e).__name__)\n";
    Path script = dir.resolve("alias.json");
    Files.writeString(
        script,
        Json.mapper()
            .writeValueAsString(
                List.of(
                    "<reasoning>try</reasoning><code>\n" + code + "</code>",
                    "<done>tried</done>")));
    try (DemoRaw demo = new DemoRaw(10)) {
      CliRunner.Result r =
          CliRunner.run(
              "run",
              "--model",
              "scripted:" + script,
              "--approve",
              "auto",
              "--merge",
              "never",
              "--raw",
              demo.dir.toString(),
              "--home",
              home.toString(),
              "--runs-dir",
              dir.resolve("runs").toString(),
              "--json");

      assertThat(r.err())
          .contains("write REFUSED", "merge REFUSED", "delete REFUSED")
          .doesNotContain("WENT THROUGH");
      RunHistory history = r.history();
      assertThat(history.turns().get(0).lakehouseCalls())
          .filteredOn(c -> c.params().containsValue("x/../main"))
          .extracting(RunEvent.LakehouseCall::method, RunEvent.LakehouseCall::errorType)
          .containsExactly(
              tuple("create_table", "INVALID_REF"),
              tuple("merge_branch", "INVALID_REF"),
              tuple("delete_branch", "INVALID_REF"));
      assertThat(history.turns().get(0).dataChanges())
          .extracting(RunEvent.DataChanged::ref)
          .containsOnly("x/y");
    }
    try (LocalLakehouse lake =
        new LocalLakehouse(home, MergeGate.rejectAll("read only"), null, null)) {
      assertThat(lake.branch("main")).isEqualTo(mainBefore);
    }
    assertThat(CliRunner.tables(home, "main")).containsExactly("fees:1");
  }

  /** Main with one table, published by a person before the run. */
  private Ref publishOneTable(Path home) throws Exception {
    Path csv = Files.writeString(dir.resolve("fees.csv"), "id,fee\n1,0.5\n");
    WriteContext bob = WriteContext.user("bob");
    try (LocalLakehouse lake =
        new LocalLakehouse(home, request -> MergeDecision.approve(), null, null)) {
      lake.createBranch("pub", "main");
      lake.createTable("fees", csv.toString(), "pub", false, bob);
      lake.importData("fees", csv.toString(), "pub", bob);
      return lake.merge("pub", "main", bob);
    }
  }
}
