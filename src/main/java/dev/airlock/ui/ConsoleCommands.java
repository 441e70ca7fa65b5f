package dev.airlock.ui;

import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.ui.explorer.DataExplorer;
import dev.airlock.ui.explorer.RunLinks;
import dev.airlock.ui.newrun.NewRunDialog;
import dev.airlock.ui.runs.ForkDialog;
import dev.airlock.ui.runs.ForkPlan;
import dev.airlock.ui.runs.Replays;
import dev.airlock.ui.settings.SettingsDialog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.WindowEvent;

/**
 * The main window's menu commands (File, Run, View): kept out of {@link ConsoleWindow} so that the
 * window holds the layout and the runs, and this class what each command opens or does.
 */
final class ConsoleCommands {
  private final ConsoleWindow w;
  private final Replays replays;
  private final Path appRuns;
  private DataExplorer dataExplorer;

  ConsoleCommands(ConsoleWindow w) {
    this.w = w;
    this.appRuns = w.launcher.paths().runs();
    this.replays = new Replays(w.stage, w.background, this::runsDir, replaysConsole());
  }

  /** What each menu item does, on a click and on its key (see {@link ConsoleKeys}). */
  void wire() {
    w.menu.newRun.setOnAction(e -> newRun());
    w.menu.openRun.setOnAction(e -> openRecorded());
    w.menu.export.setOnAction(e -> exportReport());
    w.menu.settings.setOnAction(e -> settings());
    w.menu.quit.setOnAction(e -> w.stage.fireEvent(closeRequest()));
    w.menu.approve.setOnAction(e -> w.decisions.approve());
    w.menu.edit.setOnAction(e -> w.decisions.edit());
    w.menu.reject.setOnAction(e -> w.decisions.startReject());
    w.menu.stop.setOnAction(e -> w.decisions.stop());
    w.menu.mergeGate.setOnAction(e -> w.decisions.reviewMerge());
    w.menu.fork.setOnAction(e -> forkHere());
    w.menu.previous.setOnAction(e -> w.turns.step(-1));
    w.menu.next.setOnAction(e -> w.turns.step(1));
    w.menu.turnRecord.setOnAction(e -> w.record.toggle());
    w.menu.explorer.setOnAction(e -> explorer());
    w.menu.theme.setOnAction(e -> toggleTheme());
    w.menu.keys.setOnAction(e -> w.help.toggle());
    w.policy.fill(w.menu.policy);
  }

  private WindowEvent closeRequest() {
    return new WindowEvent(w.stage, WindowEvent.WINDOW_CLOSE_REQUEST);
  }

  /** File > New run (Ctrl+N). */
  private void newRun() {
    new NewRunDialog(
            new NewRunDialog.Context(
                w.stage,
                w.settings,
                w.launcher.paths(),
                w.background,
                System.getenv(),
                Path.of(".env").toAbsolutePath(),
                w::open))
        .show();
  }

  /** File > Open recorded run (Ctrl+O). */
  private void openRecorded() {
    replays.browse();
  }

  /** The runs folder: the console's own (--runs-dir) or the app's. */
  private Path runsDir() {
    return w.defaults != null && w.defaults.runsDir() != null ? w.defaults.runsDir() : appRuns;
  }

  /** The window as the runs browser sees it: the runs it shows, by id. */
  private Replays.Console replaysConsole() {
    return new Replays.Console() {
      @Override
      public Map<String, String> openRuns() {
        Map<String, String> open = new LinkedHashMap<>();
        for (RunEntry r : w.runs) {
          RunEvent.RunStarted s = r.model.projection().started();
          if (s != null) {
            open.put(s.runId(), r.live() ? "live" : "open");
          }
        }
        return open;
      }

      @Override
      public void select(String runId) {
        w.runs.stream()
            .filter(r -> r.model.projection().started() != null)
            .filter(r -> r.model.projection().started().runId().equals(runId))
            .findFirst()
            .ifPresent(r -> w.runList.getSelectionModel().select(r));
      }

      @Override
      public void openReplay(String name, RunHistory history) {
        w.openReplay(name, history);
      }

      @Override
      public void say(String message) {
        w.actions.say(message);
      }
    };
  }

  /** File > Export report (Ctrl+Shift+E). */
  private void exportReport() {
    w.reportExport.export(w.stage, w.current);
  }

  /** File > Settings (Ctrl+,). */
  private void settings() {
    new SettingsDialog(w.stage, w.settings, w.actions::say).show();
  }

  /** Run > Fork from this turn (Ctrl+Shift+F): a new live run from the selected turn. */
  private void forkHere() {
    if (w.current == null
        || w.current.model.projection().started() == null
        || w.current.selectedTurn == 0) {
      w.actions.say("Fork: choose a run and one of its turns first");
      return;
    }
    ForkPlan plan = ForkPlan.of(w.current.model.projection().history(), w.current.selectedTurn);
    Path file = replays.transcriptOf(plan.runId());
    if (file != null && !file.getFileName().toString().equals(plan.runId() + ".jsonl")) {
      // The fork finds its source by run id (RUN.jsonl): a file claiming another run's id would
      // fork that other run, not the one shown.
      w.actions.say(
          "Fork: "
              + RiskDetector.visible(file.getFileName().toString())
              + " says it is run "
              + RiskDetector.visible(plan.runId())
              + ", and a fork finds its run by that name: rename the file to "
              + RiskDetector.visible(plan.runId())
              + ".jsonl to fork it");
      return;
    }
    Path folder = replays.folderOf(plan.runId());
    new ForkDialog(w.stage, plan, w.defaults, folder != null ? folder : runsDir(), w::open).show();
  }

  /** View > Data explorer (Ctrl+D): the lakehouse home's data, the selected run's branch first. */
  private void explorer() {
    if (dataExplorer == null || dataExplorer.closed()) {
      RunEvent.RunStarted started =
          w.current == null ? null : w.current.model.projection().started();
      dataExplorer =
          new DataExplorer(
              w.stage,
              w.launcher.paths().lakehouse(),
              w.launcher.user(),
              started == null ? null : started.branch(),
              w.background,
              this::openRun,
              w.scene);
    }
    dataExplorer.show();
  }

  /** A run linked from the explorer: selected when open here, else read from its transcript. */
  private void openRun(String runId) {
    for (RunEntry r : w.runs) {
      RunEvent.RunStarted started = r.model.projection().started();
      if (started != null && runId.equals(started.runId())) {
        w.runList.getSelectionModel().select(r);
        w.stage.toFront();
        return;
      }
    }
    RunLinks.open(
        runId,
        w.launcher.paths().runs(),
        w.background,
        (name, history) -> {
          w.openReplay(name, history);
          w.stage.toFront();
        },
        w.actions::say);
  }

  /** View > Light / dark theme (Ctrl+Shift+D), in every open window of the console. */
  private void toggleTheme() {
    List<Scene> scenes = new ArrayList<>(List.of(w.scene));
    if (w.gate.scene() != null) {
      scenes.add(w.gate.scene());
    }
    if (w.budget.scene() != null) {
      scenes.add(w.budget.scene());
    }
    if (dataExplorer != null && !dataExplorer.closed()) {
      scenes.add(dataExplorer.stage().getScene());
    }
    Themes.toggle(scenes);
    w.settings.update(
        w.settings.current().withDark(Themes.dark()), w.actions::say); // kept for next time
  }
}
