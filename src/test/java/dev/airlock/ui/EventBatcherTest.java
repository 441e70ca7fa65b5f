package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventBatcherTest {

  @Test
  void whileTheUiThreadIsBusyEverythingRidesOnOneHandOffInOrder() throws Exception {
    ExecutorService ui = Executors.newSingleThreadExecutor();
    try {
      CountDownLatch frame = new CountDownLatch(1);
      ui.execute(
          () -> {
            try {
              frame.await(); // the UI thread is busy drawing a frame
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      List<List<RunEvent>> batches = Collections.synchronizedList(new ArrayList<>());
      EventBatcher batcher = new EventBatcher(ui, batches::add);
      for (int i = 0; i < 10_000; i++) {
        batcher.onEvent(new RunEvent.OutputChunk(1, Instant.EPOCH, "stdout", i + "\n"));
      }
      frame.countDown();
      ui.submit(() -> {}).get(10, TimeUnit.SECONDS);

      assertThat(batches).hasSize(1);
      assertThat(batches.get(0)).hasSize(10_000);
      assertThat(((RunEvent.OutputChunk) batches.get(0).get(9_999)).text()).isEqualTo("9999\n");

      batcher.onEvent(new RunEvent.OutputChunk(1, Instant.EPOCH, "stdout", "later\n"));
      ui.submit(() -> {}).get(10, TimeUnit.SECONDS);
      assertThat(batches).hasSize(2);
    } finally {
      ui.shutdownNow();
    }
  }
}
