package dev.airlock.lakehouse;

import dev.airlock.bench.BenchContext;
import dev.airlock.bench.Figure;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code airlock bench}'s zero-copy branching: creating a branch from one holding a 10M-row table
 * against creating one from a branch holding a 1k-row table (1M rows with --quick), in the same
 * lakehouse. A branch is a ref, so the ratio stays near 1 whatever the data.
 */
public final class BranchFigure implements Figure {
  private final long bigRows;

  private BranchFigure(long bigRows) {
    this.bigRows = bigRows;
  }

  /** 10M rows, or 1M with --quick. */
  public static BranchFigure of(boolean quick) {
    return new BranchFigure(quick ? 1_000_000 : 10_000_000);
  }

  @Override
  public String area() {
    return "import";
  }

  @Override
  public String name() {
    return "branch creation, " + QueryFigure.rowsShown(bigRows) + " rows";
  }

  @Override
  public String baseline() {
    return "branch creation, 1k rows";
  }

  @Override
  public double target() {
    return 1.2;
  }

  @Override
  public Pair prepare(BenchContext context) throws Exception {
    Path dir = Files.createDirectories(context.scratch("branching"));
    LocalLakehouse lake =
        new LocalLakehouse(dir.resolve("home"), MergeGate.approveAll(), null, null);
    try {
      load(lake, dir, "big", bigRows);
      load(lake, dir, "small", 1000);
    } catch (Exception e) {
      lake.close();
      throw e;
    }
    return new Pair() {
      int trial;

      @Override
      public long ours() {
        return branchFrom("big");
      }

      @Override
      public long baseline() {
        return branchFrom("small");
      }

      private long branchFrom(String from) {
        String name = "from_" + from + "_" + trial++;
        long start = System.nanoTime();
        lake.createBranch(name, from);
        return System.nanoTime() - start;
      }

      @Override
      public void close() {
        lake.close();
      }
    };
  }

  private static void load(LocalLakehouse lake, Path dir, String branch, long rows)
      throws Exception {
    Path source = dir.resolve(branch + ".parquet");
    BenchPayments.writeParquet(source, rows);
    WriteContext who = WriteContext.user("bench");
    lake.createBranch(branch, Lakehouse.MAIN);
    lake.createTable("payments", source.toString(), branch, false, who);
    lake.importData("payments", source.toString(), branch, who);
    Files.delete(source);
  }
}
