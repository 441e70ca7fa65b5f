package dev.airlock.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The commands the build runs once, in one JVM, to write the launcher's class-data-sharing archive
 * for commands ({@code airlock-commands.jsa}, with {@code -XX:ArchiveClassesAtExit}): the version,
 * the help, and a small lakehouse session (generate a CSV, create a branch and a table, import,
 * query as a table and as JSON, list). Every class those load is parsed and verified once at build
 * time instead of at every start. Works in a temporary folder it deletes; prints nothing unless a
 * command fails, and then only says so: the archive is an optimisation, it just holds fewer
 * classes.
 */
public final class ClassSharingTraining {
  private ClassSharingTraining() {}

  public static void main(String[] args) throws IOException {
    Path work = Files.createTempDirectory("airlock-cds-training");
    PrintStream out = System.out;
    List<String> failures = new ArrayList<>();
    try {
      System.setOut(new PrintStream(OutputStream.nullOutputStream(), true));
      String data = work.resolve("data").toString();
      String home = work.resolve("home").toString();
      String csv = work.resolve("data").resolve("payments.csv").toString();
      String sql = "SELECT merchant, count(*) AS n, sum(eur_amount) FROM payments GROUP BY 1";
      List<String[]> commands =
          List.of(
              new String[] {"--version"},
              new String[] {"--help"},
              new String[] {"demo-data", "--format", "csv", "--rows", "2000", data},
              new String[] {"lakehouse", "--home", home, "create-branch", "training", "main"},
              new String[] {
                "lakehouse", "--home", home, "create-table", "payments", csv, "--branch", "training"
              },
              new String[] {
                "lakehouse", "--home", home, "import", "payments", csv, "--branch", "training"
              },
              new String[] {"lakehouse", "--home", home, "query", "training", sql},
              new String[] {"lakehouse", "--home", home, "query", "--json", "training", sql},
              new String[] {"lakehouse", "--home", home, "tables", "training"},
              new String[] {"lakehouse", "--home", home, "log", "training"});
      for (String[] command : commands) {
        int exit = Main.execute(command);
        if (exit != ExitCodes.OK) {
          failures.add(String.join(" ", command) + " exited " + exit);
        }
      }
    } finally {
      System.setOut(out);
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    failures.forEach(f -> System.err.println("class-sharing training: " + f));
    // Exits explicitly: the archive is written at JVM exit, and no pool thread may hold it open.
    System.exit(0);
  }
}
