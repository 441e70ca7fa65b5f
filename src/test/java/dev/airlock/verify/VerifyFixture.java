package dev.airlock.verify;

import dev.airlock.DabstepFiles;
import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.WriteContext;
import java.nio.file.Path;
import java.util.List;

/** A real lakehouse in a temp folder, and the steps that load tables into a branch. */
final class VerifyFixture {
  static final WriteContext AGENT = WriteContext.run("agent", "run-7", 1);
  static final List<String> DABSTEP_FILES =
      List.of(
          "acquirer_countries.csv",
          "merchant_category_codes.csv",
          "merchant_data.json",
          "fees.json");

  private VerifyFixture() {}

  static LocalLakehouse lakehouse(Path home) {
    return new LocalLakehouse(home, MergeGate.approveAll(), null, null);
  }

  static Path dabstep(String file) {
    return DabstepFiles.file(file);
  }

  /** Creates the table from the file and imports it, the way Bauplan ETL code does. */
  static void load(Lakehouse lake, String branch, String table, Path file) {
    lake.createTable(table, file.toString(), branch, false, AGENT);
    lake.importData(table, file.toString(), branch, AGENT);
  }

  static String tableName(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.indexOf('.'));
  }

  static CheckResult check(VerificationReport report, String id) {
    return report.checks().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + id + " in " + report.toText()));
  }

  /** The demo expectations restricted to the named tables, without cross-table checks. */
  static Expectations demoFor(List<String> tables) {
    Expectations demo = ExpectationsLoader.demo();
    return new Expectations(
        demo.source(),
        demo.dataset(),
        demo.tables().stream()
            .filter(t -> tables.contains(t.fqn().substring(t.fqn().indexOf('.') + 1)))
            .toList(),
        List.of());
  }
}
