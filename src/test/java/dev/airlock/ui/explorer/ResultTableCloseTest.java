package dev.airlock.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A closed explorer lets go of its rows: a page that lands after the window closed goes nowhere (no
 * rows dripped into the closed view, no timer left running, no next page fetched).
 */
class ResultTableCloseTest {
  @Test
  void aPageThatLandsAfterCloseIsDroppedAndNothingDrips() throws Exception {
    FxToolkit.registerPrimaryStage();
    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch fetchDone = new CountDownLatch(1);
    List<String> heard = new ArrayList<>();
    Executor background =
        r ->
            new Thread(
                    () -> {
                      r.run(); // the answer's runLater is posted before this returns
                      fetchDone.countDown();
                    })
                .start();
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(List.of(i, "row " + i));
    }
    ResultTable[] table = new ResultTable[1];
    WaitForAsyncUtils.asyncFx(
            () -> {
              table[0] =
                  new ResultTable(
                      background,
                      new ResultTable.Listener() {
                        @Override
                        public void loaded(RowPages pages) {
                          heard.add("loaded " + pages.held());
                        }

                        @Override
                        public void failed(Throwable error) {
                          heard.add("failed");
                        }
                      },
                      "empty");
              table[0].show(
                  (offset, cancel) -> {
                    fetching.countDown();
                    try {
                      release.await(); // an engine that answers although it was cancelled
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return new RowPages.Page(
                        List.of("n", "s"), List.of("INTEGER", "VARCHAR"), rows, true);
                  });
            })
        .get(60, TimeUnit.SECONDS);
    assertThat(fetching.await(60, TimeUnit.SECONDS)).isTrue();

    WaitForAsyncUtils.asyncFx(() -> table[0].close()).get(60, TimeUnit.SECONDS);
    release.countDown();
    assertThat(fetchDone.await(60, TimeUnit.SECONDS)).isTrue();
    WaitForAsyncUtils.waitForFxEvents();

    WaitForAsyncUtils.asyncFx(
            () -> {
              assertThat(table[0].dripping()).as("rows still going in").isFalse();
              assertThat(table[0].view.getColumns()).isEmpty();
              assertThat(table[0].view.getItems()).isEmpty();
              assertThat(table[0].fetching()).isFalse();
              assertThat(heard).isEmpty();
            })
        .get(60, TimeUnit.SECONDS);
  }
}
