package dev.airlock.cli;

import dev.airlock.lakehouse.CommitHash;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.Ref;
import dev.airlock.lakehouse.RefDiff;
import dev.airlock.lakehouse.RevertPlan;
import dev.airlock.lakehouse.TableInfo;
import dev.airlock.lakehouse.WriteContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * What the changing subcommands of {@code airlock lakehouse} do and print: branches created and
 * deleted, tables created and imported into, merges and their reverts (which show the change and
 * ask on the terminal first).
 */
final class LakehouseChanges {
  private final PrintWriter out;
  private final PrintWriter err;
  private final LakehouseListings listings;

  LakehouseChanges(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    this.listings = new LakehouseListings(out);
  }

  int createBranch(LocalLakehouse lake, String name, String from) throws Exception {
    Ref b = lake.createBranch(name, from);
    out.println(
        "Created branch "
            + b.name()
            + " at "
            + CommitHash.abbreviate(b.hash())
            + " (from "
            + from
            + ")");
    return ExitCodes.OK;
  }

  int deleteBranch(LocalLakehouse lake, String name) throws Exception {
    lake.deleteBranch(name);
    out.println("Deleted branch " + name);
    return ExitCodes.OK;
  }

  int createTable(LocalLakehouse lake, String table, String uri, String branch, boolean replace)
      throws Exception {
    TableInfo t = lake.createTable(table, uri, branch, replace, user());
    out.println(
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
  }

  int importData(LocalLakehouse lake, String table, String uri, String branch) throws Exception {
    var r = lake.importData(table, uri, branch, user());
    out.println(
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
  }

  /** The gate of {@code merge}: shows the diff, then asks unless {@code yes}. */
  MergeGate mergeGate(boolean yes) {
    return request -> {
      out.println(
          "Merging " + request.source().name() + " into " + request.target().name() + " changes:");
      printDiff(request.diff());
      if (yes) {
        return MergeDecision.approve();
      }
      out.print("Merge into " + request.target().name() + "? [y/N] ");
      out.flush();
      String answer = readLine();
      return answer != null && answer.trim().equalsIgnoreCase("y")
          ? MergeDecision.approve()
          : MergeDecision.reject("declined at the command line");
    };
  }

  int merge(LocalLakehouse lake, String source, String into, String message) throws Exception {
    Ref head = lake.merge(source, into, user().withMessage(message));
    out.println(
        "Merged "
            + source
            + " into "
            + into
            + ": "
            + into
            + " is now at "
            + CommitHash.abbreviate(head.hash()));
    return ExitCodes.OK;
  }

  int revertMerge(LocalLakehouse lake, String commit, String branch, boolean yes) throws Exception {
    RevertPlan plan = lake.planRevertMerge(commit, branch);
    String merge = CommitHash.abbreviate(plan.merge().hash());
    out.println(
        "Reverting merge "
            + merge
            + " ('"
            + plan.merge().subject()
            + "') on "
            + branch
            + " changes:");
    printDiff(plan.diff());
    if (!yes) {
      out.print("Revert merge " + merge + " on " + branch + "? [y/N] ");
      out.flush();
      String answer = readLine();
      if (answer == null || !answer.trim().equalsIgnoreCase("y")) {
        err.println(
            "error: revert of merge "
                + merge
                + " declined at the command line: "
                + branch
                + " is unchanged.");
        return ExitCodes.FAILED;
      }
    }
    Ref head = lake.revertMerge(commit, branch, user());
    out.println(
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
  }

  private void printDiff(RefDiff diff) {
    listings.printDiff(diff);
  }

  private static WriteContext user() {
    return WriteContext.user(System.getProperty("user.name", "user"));
  }

  private static String readLine() {
    try {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          .readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
