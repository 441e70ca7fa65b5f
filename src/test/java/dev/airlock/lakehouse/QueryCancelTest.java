package dev.airlock.lakehouse;

import static dev.airlock.lakehouse.LakehouseFixture.ALICE;
import static dev.airlock.lakehouse.LakehouseFixture.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A person stops a query from another thread (the console's Stop); the lakehouse stays usable. */
class QueryCancelTest {
  /** Runs for hours unless stopped (the default limit would stop it only after 120 s). */
  private static final String ENDLESS =
      "SELECT count(*) FROM range(1000000000000000) a(i) WHERE i % 7 = 3";

  @TempDir Path home;
  @TempDir Path raw;
  LocalLakehouse lake;

  @BeforeEach
  void open() throws Exception {
    lake = new LocalLakehouse(home, MergeGate.approveAll(), null, null);
    lake.createBranch("a", "main");
    Path fees = csv(raw, "fees.csv", "id,rate\n1,0.5\n2,0.25\n");
    lake.createTable("fees", fees.toString(), "a", false, ALICE);
    lake.importData("fees", fees.toString(), "a", ALICE);
  }

  @AfterEach
  void close() {
    lake.close();
  }

  @Test
  @Timeout(60)
  void aRunningQueryCancelledFromAnotherThreadFailsSayingSoAndTheNextQueryRuns() throws Exception {
    QueryCancel cancel = new QueryCancel();
    CompletableFuture<QueryResult> running =
        CompletableFuture.supplyAsync(() -> lake.query(ENDLESS, "a", null, cancel));
    // Cancel until the query has stopped: a cancel before the statement started stops it too.
    while (!running.isDone()) {
      cancel.cancel();
      Thread.sleep(20);
    }
    assertThatThrownBy(running::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(LakehouseException.class)
        .hasMessage("Query on a cancelled: it was stopped before it finished.");
    assertThat(lake.query("SELECT count(*) FROM fees", "a", null).rows())
        .containsExactly(List.of(2L));
  }

  @Test
  void aQueryCancelledBeforeItStartsDoesNotRun() {
    QueryCancel cancel = new QueryCancel();
    cancel.cancel();
    assertThatThrownBy(() -> lake.query("SELECT count(*) FROM fees", "a", null, cancel))
        .isInstanceOf(LakehouseException.class)
        .hasMessageContaining("cancelled");
    assertThat(lake.query("SELECT count(*) FROM fees", "a", null, new QueryCancel()).rows())
        .containsExactly(List.of(2L));
  }
}
