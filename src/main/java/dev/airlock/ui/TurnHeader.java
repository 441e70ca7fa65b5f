package dev.airlock.ui;

import dev.airlock.agent.PendingBudget;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunStatus;
import dev.airlock.agent.TurnRecord;
import dev.airlock.model.Usage;
import dev.airlock.ui.budget.BudgetWindow;
import dev.airlock.ui.policy.TurnPolicyText;
import java.time.Instant;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Above the panes: how the run stands (starting, could not start, ended and why) and the selected
 * turn's line: its number of the cap, state, time (a live timer while it runs), tokens and cost.
 */
final class TurnHeader extends VBox {
  private final Label banner = new Label();
  private final Label line = new Label();
  private RunEntry entry;

  TurnHeader() {
    getStyleClass().add("turn-header");
    banner.getStyleClass().add("run-banner");
    banner.setWrapText(true);
    banner.setManaged(false);
    banner.setVisible(false);
    line.getStyleClass().add("turn-line");
    getChildren().addAll(banner, line);
  }

  /** Starts the live timer (four times a second; cheap: one label). */
  void tick() {
    Timeline timer = new Timeline(new KeyFrame(Duration.millis(250), e -> render()));
    timer.setCycleCount(Timeline.INDEFINITE);
    timer.play();
  }

  void show(RunEntry entry) {
    this.entry = entry;
    render();
  }

  private void render() {
    String bannerText = null;
    String bannerStyle = "info";
    if (entry == null) {
      line.setText("No run selected");
    } else {
      RunEvent.RunFinished finished = entry.model.projection().finished();
      if (entry.problem != null) {
        bannerText = "The run could not start: " + entry.problem;
        bannerStyle = "danger";
      } else if (entry.progress != null) {
        bannerText = "Starting: " + entry.progress;
      } else if (entry.model.waiting() instanceof PendingBudget) {
        bannerText = BudgetWindow.waiting();
        bannerStyle = "warning";
      } else if (finished != null) {
        bannerText = ended(finished);
        bannerStyle = finished.status() == RunStatus.DONE ? "success" : "warning";
      }
      line.setText(turnLine(entry));
    }
    banner.setText(bannerText == null ? "" : bannerText);
    banner.getStyleClass().removeAll("info", "danger", "success", "warning");
    banner.getStyleClass().add(bannerStyle);
    banner.setVisible(bannerText != null);
    banner.setManaged(bannerText != null);
  }

  /** "Done: the agent finished. Merged ... " in the engine's words. */
  private static String ended(RunEvent.RunFinished f) {
    String how =
        switch (f.status()) {
          case DONE -> "The run is done";
          case STOPPED -> "The run was stopped";
          case BUDGET -> "The run reached its budget";
          case FAILED -> "The run failed";
          default -> "The run ended " + f.status().name().toLowerCase(Locale.ROOT);
        };
    StringBuilder s = new StringBuilder(how);
    if (f.reason() != null && !f.reason().isBlank()) {
      s.append(": ").append(f.reason());
    }
    if (f.summary() != null && !f.summary().isBlank() && !f.summary().equals(f.reason())) {
      s.append(" — ").append(f.summary());
    }
    return s.toString();
  }

  private static String turnLine(RunEntry entry) {
    int turn = entry.selectedTurn;
    RunEvent.RunStarted started = entry.model.projection().started();
    TurnRecord record = turn == 0 ? null : entry.model.projection().turn(turn);
    if (record == null) {
      return started == null ? "" : "Model: " + started.model() + "  ·  no turn yet";
    }
    TurnRow row =
        entry.model.timeline().stream().filter(r -> r.turn() == turn).findFirst().orElse(null);
    StringBuilder s = new StringBuilder("Turn ").append(turn);
    if (started != null) {
      s.append(" of ≤").append(started.maxTurns());
    }
    if (row != null) {
      s.append("  ·  ").append(row.state().label());
      long ms = row.durationMs();
      boolean live =
          entry.live()
              && (row.state() == TurnRow.State.RUNNING
                  || row.state() == TurnRow.State.ASKING_MODEL
                  || row.state() == TurnRow.State.WAITING_FOR_YOU);
      if (live && !record.events().isEmpty()) {
        ms = Math.max(0, Instant.now().toEpochMilli() - record.events().get(0).at().toEpochMilli());
      }
      s.append("  ·  ").append(seconds(ms));
    }
    Usage usage = record.response() == null ? null : record.response().usage();
    if (usage != null && usage.totalTokens() > 0) {
      s.append(
          String.format(
              Locale.ROOT, "  ·  %,d tok in / %,d out", usage.inputTokens(), usage.outputTokens()));
    }
    if (record.response() != null && record.response().costUsd() != null) {
      s.append(String.format(Locale.ROOT, "  ·  $%.4f", record.response().costUsd()));
    }
    String decided = TurnPolicyText.of(record);
    if (!decided.isEmpty()) {
      s.append("  ·  ").append(decided);
    }
    if (started != null) {
      s.append("  ·  ").append(started.model());
    }
    return s.toString();
  }

  static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
