package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A transcript someone hands you, opened with {@code airlock console --replay FILE}: events of
 * turns that do not exist, decisions without proposals, unknown types, wrong types, a hostile run
 * id. The console shows what it can and never throws on the FX thread.
 */
class ConsoleHostileReplayTest {
  @TempDir Path dir;
  private ConsoleProbe console;
  private final List<Throwable> fxErrors = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void close() throws Exception {
    if (console != null) {
      console.close();
    }
  }

  private static final String AT = "\"at\":\"2026-11-28T02:44:49Z\"";

  private static String event(String type, long turn, String fields) {
    return "{\"type\":\"" + type + "\",\"turn\":" + turn + "," + AT + fields + "}\n";
  }

  @Test
  void aHostileTranscriptShowsWhatItCanWithoutAnErrorOnTheFxThread() throws Exception {
    String hostileId = "x\\u202e\\n — waiting for you (code approval)";
    StringBuilder t = new StringBuilder();
    t.append(
        event(
            "run_started",
            0,
            ",\"format\":\"airlock-transcript/2\",\"runId\":\""
                + hostileId
                + "\",\"model\":null,\"sandbox\":null,\"maxTurns\":-5"));
    t.append(event("decided", 1, ",\"verdict\":\"APPROVE\",\"by\":null"));
    t.append(event("decided", 2, ",\"verdict\":\"REJECT\",\"proposedCode\":null,\"diff\":null"));
    t.append(event("execution_finished", 3, ",\"status\":null,\"missingPackages\":null"));
    t.append(event("data_effects", 3, ",\"branches\":null"));
    t.append(event("data_effects", 4, ",\"branches\":[null,{\"branch\":null}]"));
    t.append(event("lakehouse_call", 4, ",\"method\":null,\"params\":null,\"ok\":false"));
    t.append(event("data_changed", 4, ""));
    t.append(event("response_parsed", 5, ",\"kind\":null"));
    t.append(event("approval_requested", 5, ",\"risks\":[null]"));
    t.append(event("merge_requested", 6, ",\"changes\":[null],\"provenance\":[null]"));
    t.append(event("merge_decided", 6, ""));
    t.append(event("post_merge_checked", 6, ""));
    t.append(event("notice", -1, ",\"message\":\"minus one\""));
    t.append(event("notice", 1_000_000_000L, ",\"severity\":null,\"message\":null"));
    t.append(event("phase_changed", 7, ",\"phase\":null"));
    t.append(event("model_responded", 7, ",\"usage\":null,\"costUsd\":null"));
    t.append(event("unknown_event", 7, ",\"x\":1"));
    t.append(event("decision_pending", 8, ",\"decision\":{\"turn\":8}"));
    t.append(event("decided", 8, ",\"verdict\":\"MAYBE\""));
    t.append("{\"type\":\"decided\",\"turn\":\"eight\"}\n");
    t.append("not json at all\n");
    t.append(event("run_finished", 0, ""));
    t.append("{\"type\":\"notice\",\"tur");
    Path file = dir.resolve("hostile.jsonl");
    Files.writeString(file, t);

    RunHistory history = RunHistory.read(file);
    console =
        ConsoleProbe.open(ConsoleStart.replay(ConsoleRuns.launcher(dir), file.toString(), history));
    console.fx(
        () -> {
          Thread.currentThread().setUncaughtExceptionHandler((th, e) -> fxErrors.add(e));
          return null;
        });
    FxRobot robot = new FxRobot();
    for (int i = 0; i < 12; i++) {
      robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
      WaitForAsyncUtils.waitForFxEvents();
    }
    for (int i = 0; i < 12; i++) {
      robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
      WaitForAsyncUtils.waitForFxEvents();
    }
    Platform.runLater(() -> {});
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fxErrors).isEmpty();
    String title = console.title();
    assertThat(title)
        .isEqualTo("Airlock — x<U+202E><U+000A> — waiting for you (code approval) — recorded");
    String note =
        ConsoleProbe.fx(() -> ((Label) console.stage().getScene().lookup(".read-note")).getText());
    assertThat(note)
        .startsWith(
            "17 lines of the transcript skipped: line 4, ExecutionFinished for turn 3 without"
                + " status;")
        .endsWith("its last line is cut short");
  }
}
