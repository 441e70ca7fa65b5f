package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunOutcome;
import dev.airlock.agent.RunStatus;
import dev.airlock.session.RunSession;
import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+. in the console stops a run whose code is executing: the process tree goes with it. */
class ConsoleStopTest {
  @TempDir Path tmp;
  private ConsoleProbe probe;

  @BeforeEach
  void openTheConsole() throws Exception {
    probe =
        ConsoleRuns.openScripted(
            tmp,
            2,
            List.of(
                ConsoleRuns.code("import time\nprint(\"started\", flush=True)\ntime.sleep(300)"),
                "<done>slept</done>"));
  }

  @AfterEach
  void closeTheConsole() throws Exception {
    probe.close();
  }

  @Test
  void ctrlPeriodStopsARunningExecutionAndTheRunEndsStopped() throws Exception {
    probe.awaitApproval(1);
    probe.robot().push(KeyCode.CONTROL, KeyCode.ENTER);
    probe.await(
        "turn 1 to run and print",
        () -> probe.state(1) == TurnRow.State.RUNNING && probe.output().contains("started"));
    assertThat(probe.title()).doesNotContain("waiting");
    assertThat(probe.runState()).isEqualTo("running");
    assertThat(sandboxProcesses()).as("the execution's processes while it runs").isNotEmpty();

    probe.robot().push(KeyCode.CONTROL, KeyCode.PERIOD);

    RunSession session = probe.session();
    RunOutcome outcome = session.outcome().get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS);
    assertThat(outcome.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(sandboxProcesses()).as("processes left after the stop").isEmpty();
    probe.await("the runs list to say stopped", () -> "stopped".equals(probe.runState()));
    assertThat(probe.title()).doesNotContain("waiting");
    assertThat(probe.state(1)).isNotEqualTo(TurnRow.State.RUNNING);

    RunHistory history = RunHistory.read(session.transcript());
    assertThat(history.finished().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(history.finished().reason()).contains("console");
    List<String> lines = Files.readAllLines(session.transcript());
    assertThat(Json.mapper().readTree(lines.get(lines.size() - 1)).get("type").asText())
        .isEqualTo("run_finished");
  }

  /** The sandbox (bubblewrap) and Python processes this JVM started and that still live. */
  private static List<String> sandboxProcesses() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().orElse(p.info().command().orElse("")))
        .filter(c -> c.contains("bwrap") || c.contains("python"))
        .toList();
  }
}
