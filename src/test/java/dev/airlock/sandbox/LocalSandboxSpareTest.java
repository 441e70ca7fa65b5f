package dev.airlock.sandbox;

import static dev.airlock.sandbox.TestSandboxes.py;
import static dev.airlock.sandbox.TestSandboxes.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.sandbox.ExecutionResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spare: the next execution's sandbox, started ahead and waiting for its code. What a person
 * would notice if it went wrong: code running in a process that ran code before, the wrong
 * environment, a timeout counted from before the approval, an execution failing because the spare
 * died while it waited, or sandbox processes outliving the run.
 */
class LocalSandboxSpareTest {
  /** Prints when this process started, in seconds since boot (the host's clock too). */
  private static final String PROCESS_START =
      py(
          "import os",
          "ticks = int(open('/proc/self/stat').read().rsplit(')', 1)[1].split()[19])",
          "print('started', ticks / os.sysconf('SC_CLK_TCK'))");

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
  void theCodeRunsInAProcessStartedBeforeTheApproval() throws Exception {
    assertThat(sandbox.awaitSpare()).isTrue();
    double approvedAt = secondsSinceBoot();
    Thread.sleep(100);

    ExecutionResult result = run(sandbox, PROCESS_START);

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(startedAt(result)).isLessThan(approvedAt);
  }

  @Test
  void everyExecutionGetsAFreshProcess() throws Exception {
    String code =
        py(
                "import builtins, sys",
                "print('ran before', hasattr(builtins, 'airlock_marker'), 'json' in sys.modules)",
                "builtins.airlock_marker = True",
                "import json")
            + PROCESS_START;
    Set<Double> starts = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      sandbox.awaitSpare();
      ExecutionResult result = run(sandbox, code);
      assertThat(result.stdout()).startsWith("ran before False False\n");
      starts.add(startedAt(result));
    }
    assertThat(starts).hasSize(3);
  }

  @Test
  void eachExecutionSeesExactlyItsOwnEnvironment() throws Exception {
    String code = py("import os", "print(os.environ.get('AIRLOCK_TEST_VAR', '-'))");
    List<String> seen = new ArrayList<>();
    for (Map<String, String> environment :
        List.of(
            Map.<String, String>of(),
            Map.of("AIRLOCK_TEST_VAR", "one"),
            Map.of("AIRLOCK_TEST_VAR", "one"),
            Map.of("AIRLOCK_TEST_VAR", "two"),
            Map.<String, String>of())) {
      sandbox.awaitSpare();
      ExecutionResult result =
          sandbox.execute(
              new ExecutionRequest(code, List.of(), Duration.ofSeconds(60), environment),
              OutputListener.NONE,
              new ExecutionControl());
      seen.add(result.stdout().strip());
    }
    assertThat(seen).containsExactly("-", "one", "one", "two", "-");
  }

  @Test
  void theTimeoutCountsFromTheApprovalNotFromTheSpareStart() throws Exception {
    assertThat(sandbox.awaitSpare()).isTrue();
    // The spare waits longer than the timeout; the code itself needs a fraction of it, with room
    // for a loaded two-core machine (a 2 s timeout used to leave too little).
    Thread.sleep(6500);

    ExecutionResult result =
        run(sandbox, py("import time", "time.sleep(0.2)", "print('done')"), Duration.ofSeconds(6));

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.stdout()).isEqualTo("done\n");
  }

  @Test
  void aSpareKilledWhileItWaitedIsReplacedUnnoticed() throws Exception {
    for (int i = 0; i < 2; i++) {
      assertThat(sandbox.awaitSpare()).isTrue();
      ProcessHandle spare = sandbox.spareProcess().orElseThrow();
      // As the OOM killer would: python dies, bubblewrap follows. The second time the execution
      // comes before bubblewrap noticed, so the code is handed to a dying spare.
      spare.descendants().forEach(ProcessHandle::destroyForcibly);
      if (i == 0) {
        spare.onExit().get(30, TimeUnit.SECONDS);
      }

      ExecutionResult result = run(sandbox, py("print('fine')"));

      assertThat(result.status()).as(result.toString()).isEqualTo(Status.OK);
      assertThat(result.stdout()).isEqualTo("fine\n");
      assertThat(result.stderr()).isEmpty();
    }
  }

  @Test
  void closingKillsTheSpare() throws Exception {
    assertThat(sandbox.awaitSpare()).isTrue();
    List<ProcessHandle> spare = processTree(sandbox.spareProcess().orElseThrow());
    assertThat(spare).allMatch(ProcessHandle::isAlive);

    sandbox.close();

    assertThat(spare).noneMatch(ProcessHandle::isAlive);
    assertThat(sandbox.spareProcess()).isEmpty();
  }

  @Test
  void aCancelledExecutionKillsTheSpareAndStartsNone() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    ExecutionControl control = new ExecutionControl();
    CompletableFuture<ExecutionResult> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return sandbox.execute(
                    ExecutionRequest.of(
                        py("print('up', flush=True)", "import time", "time.sleep(60)")),
                    (stream, chunk) -> started.countDown(),
                    control);
              } catch (SandboxUnavailableException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    control.cancel();

    assertThat(running.get(30, TimeUnit.SECONDS).status()).isEqualTo(Status.CANCELLED);
    assertThat(sandbox.spareProcess()).isEmpty();
    // The next execution, if the run goes on, starts its own and works.
    assertThat(run(sandbox, py("print('again')")).stdout()).isEqualTo("again\n");
  }

  @Test
  void thePackageCheckAndTheExecutionBothGetFreshProcesses() throws Exception {
    sandbox.awaitSpare();
    ExecutionResult result =
        sandbox.execute(
            new ExecutionRequest(
                py("print('stand_ins' in globals())"),
                List.of("json", "airlock-no-such-package"),
                Duration.ofSeconds(60),
                Map.of()),
            OutputListener.NONE,
            new ExecutionControl());

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.missingPackages()).containsExactly("airlock-no-such-package");
    // The check script's own variable: the execution did not run where the check ran.
    assertThat(result.stdout()).isEqualTo("False\n");
  }

  private static List<ProcessHandle> processTree(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>(List.of(root));
    tree.addAll(root.descendants().toList());
    return tree;
  }

  private static double secondsSinceBoot() throws Exception {
    return Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
  }

  private static double startedAt(ExecutionResult result) {
    return result
        .stdout()
        .lines()
        .filter(l -> l.startsWith("started "))
        .findFirst()
        .map(l -> Double.parseDouble(l.substring("started ".length())))
        .orElseThrow();
  }
}
