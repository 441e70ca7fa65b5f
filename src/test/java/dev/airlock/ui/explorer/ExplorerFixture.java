package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.WriteContext;
import java.nio.file.Files;
import java.nio.file.Path;

/** A lakehouse holding table fees (450 rows) on branch a, merged into main by a run's turn 3. */
final class ExplorerFixture {
  static final String RUN = "20261128-090000-ab12";
  static final int ROWS = 450;

  private ExplorerFixture() {}

  static void fill(Path home, Path scratch) throws Exception {
    StringBuilder csv = new StringBuilder("id,note\n");
    for (int i = 1; i <= ROWS; i++) {
      csv.append(i).append(",row ").append(i).append('\n');
    }
    Path source = Files.createDirectories(scratch).resolve("fees.csv");
    Files.writeString(source, csv);
    try (LocalLakehouse lake = new LocalLakehouse(home, MergeGate.approveAll(), null, null)) {
      lake.createBranch("a", "main");
      lake.createTable("fees", source.toString(), "a", false, WriteContext.run("tester", RUN, 2));
      lake.importData("fees", source.toString(), "a", WriteContext.run("tester", RUN, 2));
      lake.merge("a", "main", WriteContext.run("tester", RUN, 3));
      lake.createTag("v1", "main");
    }
  }
}
