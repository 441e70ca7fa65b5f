package dev.airlock.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.lakehouse.Commit;
import dev.airlock.lakehouse.CommitHash;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.QueryResult;
import dev.airlock.lakehouse.Ref;
import dev.airlock.lakehouse.RefDiff;
import dev.airlock.lakehouse.RevertPlan;
import dev.airlock.lakehouse.SchemaChange;
import dev.airlock.lakehouse.TableDiff;
import dev.airlock.lakehouse.TableInfo;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.session.Lakehouses;
import dev.airlock.session.RoutingGate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code airlock lakehouse}: the embedded lakehouse from the command line, a human's tool. */
@Command(
    name = "lakehouse",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    scope = ScopeType.INHERIT,
    // Main adds the method subcommands, building only the one the command line names.
    addMethodSubcommands = false,
    description =
        "Git for tables: branches, tables, queries, diffs and merges of the embedded"
            + " lakehouse. A ref is a branch, a tag or name@hash.")
public final class LakehouseCommand implements Runnable {
  private static final MergeGate NO_MERGES = MergeGate.rejectAll("this command does not merge");
  private static final String SOURCE =
      "A data file, folder or glob: a path, file:// or s3:// (Parquet, CSV, JSON).";

  @Spec CommandSpec spec;

  @Mixin LakehouseHomeOption lakehouseHome;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "branches", description = "List branches and their heads.")
  int branches() {
    return with(
        NO_MERGES,
        lake -> {
          lake.branches(null)
              .forEach(b -> out().println(b.name() + "  " + CommitHash.abbreviate(b.hash())));
          return ExitCodes.OK;
        });
  }

  @Command(name = "tables", description = "List the tables on a ref.")
  int tables(
      @Parameters(paramLabel = "REF", description = "Branch, tag or name@hash.") String ref) {
    return with(
        NO_MERGES,
        lake -> {
          List<TableInfo> tables = lake.tables(ref);
          if (tables.isEmpty()) {
            out().println("(no tables on " + ref + ")");
          }
          tables.forEach(
              t ->
                  out()
                      .println(
                          t.fqn()
                              + "  "
                              + t.records()
                              + " rows  "
                              + t.fields().size()
                              + " columns  "
                              + t.dataFiles().size()
                              + " files"));
          return ExitCodes.OK;
        });
  }

  @Command(name = "schema", description = "Show a table's columns on a ref.")
  int schema(
      @Parameters(paramLabel = "REF", description = "Branch, tag or name@hash.") String ref,
      @Parameters(
              paramLabel = "TABLE",
              description = "Table name, e.g. payments or bauplan.payments.")
          String table) {
    return with(
        NO_MERGES,
        lake -> {
          TableInfo t = lake.table(ref, table);
          out().println(t.fqn() + " on " + ref + ": " + t.records() + " rows");
          List<List<Object>> rows =
              t.fields().stream()
                  .map(
                      f ->
                          List.<Object>of(
                              f.name(), f.type(), f.required() ? "required" : "optional"))
                  .toList();
          TextTable.print(out(), List.of("column", "type", "nulls"), rows);
          if (!t.lineage().sourceUris().isEmpty()) {
            out().println("sources: " + String.join(", ", t.lineage().sourceUris()));
          }
          return ExitCodes.OK;
        });
  }

  @Command(name = "log", description = "Show the commits of a ref, newest first.")
  int log(
      @Parameters(paramLabel = "REF", description = "Branch, tag or name@hash.") String ref,
      @Option(
              names = {"-n", "--limit"},
              paramLabel = "N",
              description = "Show at most N commits.")
          Integer limit) {
    return with(
        NO_MERGES,
        lake -> {
          for (Commit c : lake.commits(ref, limit)) {
            out()
                .println(
                    CommitHash.abbreviate(c.hash())
                        + "  "
                        + c.time()
                        + "  "
                        + c.author()
                        + "  "
                        + c.subject()
                        + properties(c));
            if (c.parents().size() > 1) {
              out()
                  .println(
                      "    merge of "
                          + c.parents().stream()
                              .map(CommitHash::abbreviate)
                              .reduce((a, b) -> a + " + " + b)
                              .orElse(""));
            }
          }
          return ExitCodes.OK;
        });
  }

  @Command(name = "query", description = "Run SQL on a ref (tables bound by name).")
  int query(
      @Parameters(paramLabel = "REF", description = "Branch, tag or name@hash.") String ref,
      @Parameters(paramLabel = "SQL", description = "One query; quote it for the shell.")
          String sql,
      @Option(names = "--json", description = "Print one JSON object.") boolean json,
      @Option(names = "--max-rows", paramLabel = "N", description = "Return at most N rows.")
          Integer maxRows) {
    return with(
        NO_MERGES,
        lake -> {
          QueryResult r = lake.query(sql, ref, maxRows);
          if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("columns", r.columns());
            doc.put("types", r.types());
            doc.put("rows", r.rows());
            doc.put("truncated", r.truncated());
            out().println(new ObjectMapper().writeValueAsString(doc));
          } else {
            TextTable.print(out(), r.columns(), r.rows());
            out()
                .println("(" + r.rowCount() + " rows" + (r.truncated() ? ", truncated" : "") + ")");
          }
          return ExitCodes.OK;
        });
  }

  @Command(name = "diff", description = "Show the tables that differ between two refs.")
  int diff(
      @Parameters(paramLabel = "FROM", description = "The ref compared from, e.g. main.")
          String from,
      @Parameters(paramLabel = "TO", description = "The ref compared to, e.g. a run's branch.")
          String to) {
    return with(
        NO_MERGES,
        lake -> {
          printDiff(lake.diff(from, to));
          return ExitCodes.OK;
        });
  }

  @Command(name = "create-branch", description = "Create a branch from a ref (copies no data).")
  int createBranch(
      @Parameters(paramLabel = "NAME", description = "The new branch, e.g. alice.fix.") String name,
      @Parameters(paramLabel = "FROM", description = "The ref it starts at, e.g. main.")
          String from) {
    return with(
        NO_MERGES,
        lake -> {
          Ref b = lake.createBranch(name, from);
          out()
              .println(
                  "Created branch "
                      + b.name()
                      + " at "
                      + CommitHash.abbreviate(b.hash())
                      + " (from "
                      + from
                      + ")");
          return ExitCodes.OK;
        });
  }

  @Command(name = "delete-branch", description = "Delete a branch (its data files stay).")
  int deleteBranch(
      @Parameters(paramLabel = "NAME", description = "The branch to delete.") String name) {
    return with(
        NO_MERGES,
        lake -> {
          lake.deleteBranch(name);
          out().println("Deleted branch " + name);
          return ExitCodes.OK;
        });
  }

  @Command(name = "create-table", description = "Create a table whose schema is the source's.")
  int createTable(
      @Parameters(paramLabel = "TABLE", description = "The table to create.") String table,
      @Parameters(paramLabel = "URI", description = SOURCE) String uri,
      @Option(
              names = "--branch",
              required = true,
              paramLabel = "B",
              description = "The branch to create it on (not main).")
          String branch,
      @Option(names = "--replace", description = "Replace a table of that name.") boolean replace) {
    return with(
        NO_MERGES,
        lake -> {
          TableInfo t = lake.createTable(table, uri, branch, replace, user());
          out()
              .println(
                  "Created table "
                      + t.fqn()
                      + " on "
                      + branch
                      + " with "
                      + t.fields().size()
                      + " columns; import data with `"
                      + CommandName.of("lakehouse import " + table + " URI --branch " + branch)
                      + "`");
          return ExitCodes.OK;
        });
  }

  @Command(name = "import", description = "Append a source's rows to a table on a branch.")
  int importData(
      @Parameters(paramLabel = "TABLE", description = "A table created before.") String table,
      @Parameters(paramLabel = "URI", description = SOURCE) String uri,
      @Option(
              names = "--branch",
              required = true,
              paramLabel = "B",
              description = "The branch the table is on (not main).")
          String branch) {
    return with(
        NO_MERGES,
        lake -> {
          var r = lake.importData(table, uri, branch, user());
          out()
              .println(
                  "Imported "
                      + r.rowsImported()
                      + " rows into "
                      + r.fqn()
                      + " on "
                      + branch
                      + " (now "
                      + r.records()
                      + " rows), commit "
                      + CommitHash.abbreviate(r.head().hash()));
          return ExitCodes.OK;
        });
  }

  @Command(
      name = "merge",
      description = "Merge SOURCE into INTO; into main it shows the diff" + " and asks first.")
  int merge(
      @Parameters(paramLabel = "SOURCE", description = "The branch to merge.") String source,
      @Parameters(paramLabel = "INTO", description = "The branch it goes into, e.g. main.")
          String into,
      @Option(names = "--yes", description = "Do not ask.") boolean yes,
      @Option(
              names = {"-m", "--message"},
              paramLabel = "TEXT",
              description = "The merge commit's message.")
          String message) {
    MergeGate gate =
        request -> {
          out()
              .println(
                  "Merging "
                      + request.source().name()
                      + " into "
                      + request.target().name()
                      + " changes:");
          printDiff(request.diff());
          if (yes) {
            return MergeDecision.approve();
          }
          out().print("Merge into " + request.target().name() + "? [y/N] ");
          out().flush();
          String answer = readLine();
          return answer != null && answer.trim().equalsIgnoreCase("y")
              ? MergeDecision.approve()
              : MergeDecision.reject("declined at the command line");
        };
    return with(
        gate,
        lake -> {
          Ref head = lake.merge(source, into, user().withMessage(message));
          out()
              .println(
                  "Merged "
                      + source
                      + " into "
                      + into
                      + ": "
                      + into
                      + " is now at "
                      + CommitHash.abbreviate(head.hash()));
          return ExitCodes.OK;
        });
  }

  @Command(
      name = "revert-merge",
      description =
          "Return a branch (main by default) to its state"
              + " before a merge, as a new commit; shows the change and asks first.")
  int revertMerge(
      @Parameters(
              paramLabel = "COMMIT",
              description = "The merge commit's hash (see" + " `lakehouse log main`).")
          String commit,
      @Option(
              names = "--branch",
              defaultValue = "main",
              paramLabel = "B",
              description = "The branch the merge went into. Default: main.")
          String branch,
      @Option(names = "--yes", description = "Do not ask.") boolean yes) {
    return with(
        NO_MERGES,
        lake -> {
          RevertPlan plan = lake.planRevertMerge(commit, branch);
          String merge = CommitHash.abbreviate(plan.merge().hash());
          out()
              .println(
                  "Reverting merge "
                      + merge
                      + " ('"
                      + plan.merge().subject()
                      + "') on "
                      + branch
                      + " changes:");
          printDiff(plan.diff());
          if (!yes) {
            out().print("Revert merge " + merge + " on " + branch + "? [y/N] ");
            out().flush();
            String answer = readLine();
            if (answer == null || !answer.trim().equalsIgnoreCase("y")) {
              err()
                  .println(
                      "error: revert of merge "
                          + merge
                          + " declined at the command line: "
                          + branch
                          + " is unchanged.");
              return ExitCodes.FAILED;
            }
          }
          Ref head = lake.revertMerge(commit, branch, user());
          out()
              .println(
                  "Reverted merge "
                      + merge
                      + " on "
                      + branch
                      + ": "
                      + branch
                      + " is now at "
                      + CommitHash.abbreviate(head.hash())
                      + " (the merge stays in the history; publish a fix from a"
                      + " new branch made from "
                      + branch
                      + ")");
          return ExitCodes.OK;
        });
  }

  private void printDiff(RefDiff diff) {
    if (diff.isEmpty()) {
      out().println("  (no table differs)");
    }
    for (TableDiff t : diff.tables()) {
      String line =
          switch (t.change()) {
            case ADDED -> "+ " + t.fqn() + "  added, " + t.rowsAfter() + " rows";
            case REMOVED -> "- " + t.fqn() + "  removed (had " + t.rowsBefore() + " rows)";
            case CHANGED ->
                "~ " + t.fqn() + "  " + t.rowsBefore() + " -> " + t.rowsAfter() + " rows";
          };
      out().println("  " + line);
      for (SchemaChange c : t.schemaChanges()) {
        out().println("      schema " + c.describe());
      }
    }
  }

  @FunctionalInterface
  interface Action {
    int apply(LocalLakehouse lake) throws Exception;
  }

  private int with(MergeGate gate, Action action) {
    Path dir = lakehouseHome.resolve();
    try (Lakehouses.Lease lease = Lakehouses.open(dir);
        RoutingGate.Route route = lease.gate().outsideRuns(gate)) {
      return action.apply(lease.lakehouse());
    } catch (LakehouseException e) {
      err().println("error: " + CommandName.render(e.getMessage()));
      return e.status() == 400 && !e.type().endsWith("_FAILED")
          ? ExitCodes.USAGE
          : ExitCodes.FAILED;
    } catch (Exception e) {
      err()
          .println(
              "error: lakehouse at "
                  + dir
                  + ": "
                  + e.getMessage()
                  + " (check the folder exists and is writable, or pass --home DIR)");
      return ExitCodes.UNAVAILABLE;
    } finally {
      out().flush();
      err().flush();
    }
  }

  private static WriteContext user() {
    return WriteContext.user(System.getProperty("user.name", "user"));
  }

  private static String properties(Commit c) {
    return c.properties().isEmpty() ? "" : "  " + c.properties();
  }

  private static String readLine() {
    try {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          .readLine();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Commit messages, properties, names and values come from the agent's code: shown, not obeyed.
   */
  private PrintWriter out() {
    return SafeTerminal.writer(spec.commandLine().getOut());
  }

  private PrintWriter err() {
    return SafeTerminal.writer(spec.commandLine().getErr());
  }
}
