package dev.airlock.cli;

import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.session.Lakehouses;
import dev.airlock.session.RoutingGate;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code airlock lakehouse}: the embedded lakehouse from the command line, a human's tool.
 *
 * <p>This class is the command line's face (names, arguments, help) and opens the lakehouse for
 * each subcommand; {@link LakehouseListings} prints what the reading ones show and {@link
 * LakehouseChanges} does the changing ones. The subcommands stay methods here so that Main builds
 * only the one a command line names.
 */
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
    return with(NO_MERGES, lake -> listings().branches(lake));
  }

  @Command(name = "tables", description = "List the tables on a ref.")
  int tables(
      @Parameters(paramLabel = "REF", description = "Branch, tag or name@hash.") String ref) {
    return with(NO_MERGES, lake -> listings().tables(lake, ref));
  }

  @Command(name = "schema", description = "Show a table's columns on a ref.")
  int schema(
      @Parameters(paramLabel = "REF", description = "Branch, tag or name@hash.") String ref,
      @Parameters(
              paramLabel = "TABLE",
              description = "Table name, e.g. payments or bauplan.payments.")
          String table) {
    return with(NO_MERGES, lake -> listings().schema(lake, ref, table));
  }

  @Command(name = "log", description = "Show the commits of a ref, newest first.")
  int log(
      @Parameters(paramLabel = "REF", description = "Branch, tag or name@hash.") String ref,
      @Option(
              names = {"-n", "--limit"},
              paramLabel = "N",
              description = "Show at most N commits.")
          Integer limit) {
    return with(NO_MERGES, lake -> listings().log(lake, ref, limit));
  }

  @Command(name = "query", description = "Run SQL on a ref (tables bound by name).")
  int query(
      @Parameters(paramLabel = "REF", description = "Branch, tag or name@hash.") String ref,
      @Parameters(paramLabel = "SQL", description = "One query; quote it for the shell.")
          String sql,
      @Option(names = "--json", description = "Print one JSON object.") boolean json,
      @Option(names = "--max-rows", paramLabel = "N", description = "Return at most N rows.")
          Integer maxRows) {
    return with(NO_MERGES, lake -> listings().query(lake, ref, sql, json, maxRows));
  }

  @Command(name = "diff", description = "Show the tables that differ between two refs.")
  int diff(
      @Parameters(paramLabel = "FROM", description = "The ref compared from, e.g. main.")
          String from,
      @Parameters(paramLabel = "TO", description = "The ref compared to, e.g. a run's branch.")
          String to) {
    return with(NO_MERGES, lake -> listings().diff(lake, from, to));
  }

  @Command(name = "create-branch", description = "Create a branch from a ref (copies no data).")
  int createBranch(
      @Parameters(paramLabel = "NAME", description = "The new branch, e.g. alice.fix.") String name,
      @Parameters(paramLabel = "FROM", description = "The ref it starts at, e.g. main.")
          String from) {
    return with(NO_MERGES, lake -> changes().createBranch(lake, name, from));
  }

  @Command(name = "delete-branch", description = "Delete a branch (its data files stay).")
  int deleteBranch(
      @Parameters(paramLabel = "NAME", description = "The branch to delete.") String name) {
    return with(NO_MERGES, lake -> changes().deleteBranch(lake, name));
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
    return with(NO_MERGES, lake -> changes().createTable(lake, table, uri, branch, replace));
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
    return with(NO_MERGES, lake -> changes().importData(lake, table, uri, branch));
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
    return with(changes().mergeGate(yes), lake -> changes().merge(lake, source, into, message));
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
    return with(NO_MERGES, lake -> changes().revertMerge(lake, commit, branch, yes));
  }

  private LakehouseListings listings() {
    return new LakehouseListings(out());
  }

  private LakehouseChanges changes() {
    return new LakehouseChanges(out(), err());
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
