package dev.airlock.sandbox;

import static dev.airlock.sandbox.TestSandboxes.py;
import static dev.airlock.sandbox.TestSandboxes.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.sandbox.ExecutionResult.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping an execution and pausing its clock from another thread, as the supervisor does. */
class LocalSandboxControlTest {
  @TempDir Path workspace;
  private LocalSandbox sandbox;

  @BeforeEach
  void open() throws Exception {
    sandbox = TestSandboxes.open(workspace);
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void cancelStopsARunningExecutionAtOnce() throws Exception {
    ExecutionControl control = new ExecutionControl();
    OutputListener cancelOnFirstOutput =
        (stream, chunk) -> CompletableFuture.runAsync(control::cancel);

    ExecutionResult result =
        sandbox.execute(
            new ExecutionRequest(
                py("import sys, time", "sys.stdout.write('working\\n')", "time.sleep(60)"),
                List.of(),
                Duration.ofSeconds(120),
                Map.of()),
            cancelOnFirstOutput,
            control);

    assertThat(result.status()).isEqualTo(Status.CANCELLED);
    assertThat(result.error()).isEqualTo("cancelled: the execution was stopped on request");
    assertThat(result.stdout()).isEqualTo("working\n");
    assertThat(run(sandbox, "print('next')").stdout()).isEqualTo("next\n");
  }

  @Test
  void cancelBeforeTheStartRunsNothing() throws Exception {
    ExecutionControl control = new ExecutionControl();
    control.cancel();

    ExecutionResult result =
        sandbox.execute(
            ExecutionRequest.of("open('/work/ran', 'w').write('x')"), OutputListener.NONE, control);

    assertThat(result.status()).isEqualTo(Status.CANCELLED);
    assertThat(workspace.resolve("ran")).doesNotExist();
  }

  @Test
  void pausedClockLetsAnExecutionOutliveItsTimeout() throws Exception {
    ExecutionControl control = new ExecutionControl();
    CountDownLatch resumed = new CountDownLatch(1);
    OutputListener pauseWhileAHumanDecides =
        (stream, chunk) -> {
          control.pauseClock();
          CompletableFuture.runAsync(
              () -> {
                sleep(3000);
                control.resumeClock();
                resumed.countDown();
              });
        };

    ExecutionResult result =
        sandbox.execute(
            new ExecutionRequest(
                py(
                    "print('asking', flush=True)",
                    "import time",
                    "time.sleep(2)",
                    "print('merged')"),
                List.of(),
                Duration.ofSeconds(1),
                Map.of()),
            pauseWhileAHumanDecides,
            control);

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.stdout()).isEqualTo("asking\nmerged\n");
    assertThat(resumed.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void withoutAPauseTheSameExecutionTimesOut() throws Exception {
    ExecutionResult result =
        run(
            sandbox,
            py("print('asking', flush=True)", "import time", "time.sleep(2)", "print('merged')"),
            Duration.ofSeconds(1));

    assertThat(result.status()).isEqualTo(Status.TIMEOUT);
    assertThat(result.stdout()).isEqualTo("asking\n");
  }

  @Test
  void closingTheSandboxStopsItsExecution() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<ExecutionResult> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return sandbox.execute(
                    ExecutionRequest.of(
                        py("print('up', flush=True)", "import time", "time.sleep(60)")),
                    (stream, chunk) -> started.countDown(),
                    new ExecutionControl());
              } catch (SandboxUnavailableException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    sandbox.close();

    assertThat(running.get(30, TimeUnit.SECONDS).status()).isEqualTo(Status.CANCELLED);
    sandbox = TestSandboxes.open(workspace);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
