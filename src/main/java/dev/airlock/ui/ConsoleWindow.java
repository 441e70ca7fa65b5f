package dev.airlock.ui;

import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.PendingBudget;
import dev.airlock.agent.PendingDecision;
import dev.airlock.agent.PendingMerge;
import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.TurnRecord;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunSession;
import dev.airlock.ui.budget.BudgetWindow;
import dev.airlock.ui.code.CodePane;
import dev.airlock.ui.explorer.DataExplorer;
import dev.airlock.ui.explorer.RunLinks;
import dev.airlock.ui.newrun.NewRunDialog;
import dev.airlock.ui.output.OutputPane;
import dev.airlock.ui.output.ReasoningPane;
import dev.airlock.ui.policy.PolicyControls;
import dev.airlock.ui.runs.DamageBanner;
import dev.airlock.ui.runs.ForkDialog;
import dev.airlock.ui.runs.ForkPlan;
import dev.airlock.ui.runs.KeyRepeatGuard;
import dev.airlock.ui.runs.Replays;
import dev.airlock.ui.runs.TurnRecordView;
import dev.airlock.ui.settings.ConsoleLook;
import dev.airlock.ui.settings.SettingsDialog;
import dev.airlock.ui.settings.SettingsFile;
import dev.airlock.ui.settings.SettingsProblem;
import dev.airlock.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The main window: the runs of this console and the selected run's turn timeline on the left; the
 * selected turn's reasoning, code and output side by side; the action bar; a status line. Engine
 * events arrive per pulse through an {@link EventBatcher}; answers and stops go to the {@code
 * answers} executor, never run on the FX thread.
 */
public final class ConsoleWindow {
  /** The window's size when it opens. */
  static final double WIDTH = 1440;

  static final double HEIGHT = 900;

  private static final KeyCombination APPROVE =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.CONTROL_DOWN);
  private static final KeyCombination EDIT =
      new KeyCodeCombination(KeyCode.E, KeyCombination.CONTROL_DOWN);
  private static final KeyCombination REJECT =
      new KeyCodeCombination(KeyCode.R, KeyCombination.CONTROL_DOWN);
  private static final KeyCombination STOP =
      new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.CONTROL_DOWN);
  private static final KeyCombination PREVIOUS =
      new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
  private static final KeyCombination NEXT =
      new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
  private static final KeyCombination MERGE =
      new KeyCodeCombination(KeyCode.M, KeyCombination.CONTROL_DOWN);
  private static final KeyCombination THEME =
      new KeyCodeCombination(KeyCode.D, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN);

  private final Stage stage;
  private final RunStarter starter;
  private final Executor answers;
  private final DesktopNotifier notifier;
  private final ObservableList<RunEntry> runs = FXCollections.observableArrayList();
  private final ListView<RunEntry> runList = new ListView<>(runs);
  private final ListView<TurnRow> turnList = new ListView<>();
  private final TurnHeader header = new TurnHeader();
  private final ReasoningPane reasoning = new ReasoningPane();
  private final CodePane code;
  private final OutputPane output = new OutputPane();
  private final List<TurnView> panes;
  private final TurnRecordView record = new TurnRecordView();
  private final DamageBanner damage = new DamageBanner();
  private final Replays replays;
  private final Path appRuns;
  private RunRequest defaults; // the console's first live request: a fork's folders and policies
  private final ActionBar actions;
  private final StatusLine status = new StatusLine();
  private final HelpOverlay help = new HelpOverlay();
  private final ConsoleMenu menu = new ConsoleMenu();
  private final Scene scene;
  private RunEntry current;
  private final MergeGateWindow gate;
  private final BudgetWindow budget;
  private boolean syncing;

  private final Launcher launcher;
  private final Executor background;
  private DataExplorer dataExplorer;

  private Decisions decisions; // set in the constructor, after the action bar it answers through
  private final PolicyControls policy;
  private final SettingsStore settings;

  /** File > Export report; package-private so that tests can replace its file chooser. */
  final ReportExport reportExport;

  public ConsoleWindow(Stage stage, Launcher launcher, Executor background, Executor answers) {
    this.stage = stage;
    this.launcher = launcher;
    this.background = background;
    this.settings = new SettingsStore(new SettingsFile(launcher.paths().configHome()), background);
    this.starter = new RunStarter(launcher, background, this::onBatch, this::refresh);
    this.answers = answers;
    this.notifier = new DesktopNotifier(background);
    this.code = new CodePane(background);
    this.panes = List.of(reasoning, code, output, record);
    this.appRuns = launcher.paths().runs();
    this.replays = new Replays(stage, background, this::runsDir, replaysConsole());
    this.actions =
        new ActionBar(
            () -> decisions.approve(),
            () -> decisions.reject(),
            () -> decisions.cancelReject(),
            () -> decisions.stop());
    this.gate = new MergeGateWindow(stage, answers, actions::say, this::refresh);
    this.budget = new BudgetWindow(stage, answers, actions::say, this::refresh);
    this.decisions = new Decisions(panesWindow(), code, actions, gate, budget, answers);
    this.policy = new PolicyControls(policyHost(), answers);
    actions.getChildren().add(1, policy.relaxControl());
    this.reportExport = new ReportExport(background, actions::say);
    wireMenu();
    this.scene = new Scene(layout(), WIDTH, HEIGHT);
    Themes.apply(scene);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    KeyRepeatGuard.install(scene, menu.turnRecord, menu.openRun, menu.fork);
    scene.addEventFilter(
        KeyEvent.KEY_RELEASED,
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            decisions.enterReleased();
          }
        });
    stage.focusedProperty().addListener((o, was, now) -> decisions.keyboardLost());
    stage.setScene(scene);
    stage.setTitle("Airlock");
    stage.setMinWidth(960);
    stage.setMinHeight(600);
    header.tick();
    refresh();
    settings.load(
        ConsoleLook::apply,
        problem -> {
          actions.say(problem);
          SettingsProblem.show(stage, problem);
        });
  }

  /** The window as the decisions see it: the selected run, its panes, the refresh. */
  private Decisions.Window panesWindow() {
    return new Decisions.Window() {
      @Override
      public RunEntry current() {
        return current;
      }

      @Override
      public void showTurn(RunEntry entry) {
        ConsoleWindow.this.showTurn(entry);
      }

      @Override
      public void refresh() {
        ConsoleWindow.this.refresh();
      }
    };
  }

  /** The window as the policy controls see it: the selected live run, its question, the bar. */
  private PolicyControls.Host policyHost() {
    return new PolicyControls.Host(
        () -> current != null && current.live() ? current.session : null,
        () -> current == null ? null : current.model.projection().approval(),
        () -> decisions.openQuestion() instanceof PendingApproval,
        first -> decisions.approve(first),
        actions::say);
  }

  public Scene scene() {
    return scene;
  }

  private StackPane layout() {
    runList.getStyleClass().add("run-list");
    runList.setCellFactory(v -> new RunCell());
    runList.setPlaceholder(new Label("No runs yet"));
    runList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> select(now));
    turnList.getStyleClass().add("turn-list");
    turnList.setCellFactory(v -> new TurnCell());
    turnList.setPlaceholder(new Label("No turns yet"));
    turnList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> pickTurn(now));
    VBox left = new VBox(section("Runs"), runList, section("Turns"), turnList);
    left.getStyleClass().add("sidebar");
    VBox.setVgrow(turnList, Priority.ALWAYS);
    runList.setPrefHeight(170);

    SplitPane turnPanes = new SplitPane(reasoning, code, output);
    turnPanes.setOrientation(Orientation.HORIZONTAL);
    turnPanes.setDividerPositions(0.22, 0.66);
    turnPanes.getStyleClass().add("turn-panes");
    BorderPane centre = new BorderPane(new StackPane(turnPanes, record));
    centre.setTop(new VBox(header, damage));
    centre.setBottom(actions);

    SplitPane main = new SplitPane(left, centre);
    main.setDividerPositions(0.2);
    SplitPane.setResizableWithParent(left, false);
    BorderPane root = new BorderPane(main);
    root.setTop(menu.bar);
    root.setBottom(status);
    root.getStyleClass().add("console");
    return new StackPane(root, help);
  }

  private static Label section(String text) {
    Label l = new Label(text.toUpperCase(Locale.ROOT));
    l.getStyleClass().add("section-title");
    return l;
  }

  // ---- the menu -----------------------------------------------------------------------------

  /** What each menu item does; the keys the window handles itself act the same on a click. */
  private void wireMenu() {
    menu.newRun.setOnAction(e -> newRun());
    menu.openRun.setOnAction(e -> openRecorded());
    menu.export.setOnAction(e -> exportReport());
    menu.settings.setOnAction(e -> settings());
    menu.quit.setOnAction(e -> stage.fireEvent(closeRequest()));
    menu.approve.setOnAction(e -> decisions.approve());
    menu.edit.setOnAction(e -> decisions.edit());
    menu.reject.setOnAction(e -> decisions.startReject());
    menu.stop.setOnAction(e -> decisions.stop());
    menu.mergeGate.setOnAction(e -> decisions.reviewMerge());
    menu.fork.setOnAction(e -> forkHere());
    menu.previous.setOnAction(e -> step(-1));
    menu.next.setOnAction(e -> step(1));
    menu.turnRecord.setOnAction(e -> record.toggle());
    menu.explorer.setOnAction(e -> explorer());
    menu.theme.setOnAction(e -> toggleTheme());
    menu.keys.setOnAction(e -> help.toggle());
    policy.fill(menu.policy);
  }

  private WindowEvent closeRequest() {
    return new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
  }

  /** File > New run (Ctrl+N). */
  private void newRun() {
    new NewRunDialog(
            new NewRunDialog.Context(
                stage,
                settings,
                launcher.paths(),
                background,
                System.getenv(),
                Path.of(".env").toAbsolutePath(),
                this::open))
        .show();
  }

  /** File > Open recorded run (Ctrl+O). */
  private void openRecorded() {
    replays.browse();
  }

  /** The runs folder: the console's own (--runs-dir) or the app's. */
  private Path runsDir() {
    return defaults != null && defaults.runsDir() != null ? defaults.runsDir() : appRuns;
  }

  /** The window as the runs browser sees it: the runs it shows, by id. */
  private Replays.Console replaysConsole() {
    return new Replays.Console() {
      @Override
      public Map<String, String> openRuns() {
        Map<String, String> open = new LinkedHashMap<>();
        for (RunEntry r : runs) {
          RunEvent.RunStarted s = r.model.projection().started();
          if (s != null) {
            open.put(s.runId(), r.live() ? "live" : "open");
          }
        }
        return open;
      }

      @Override
      public void select(String runId) {
        runs.stream()
            .filter(r -> r.model.projection().started() != null)
            .filter(r -> r.model.projection().started().runId().equals(runId))
            .findFirst()
            .ifPresent(r -> runList.getSelectionModel().select(r));
      }

      @Override
      public void openReplay(String name, RunHistory history) {
        ConsoleWindow.this.openReplay(name, history);
      }

      @Override
      public void say(String message) {
        actions.say(message);
      }
    };
  }

  /** File > Export report (Ctrl+Shift+E). */
  private void exportReport() {
    reportExport.export(stage, current);
  }

  /** File > Settings (Ctrl+,). */
  private void settings() {
    new SettingsDialog(stage, settings, actions::say).show();
  }

  /** Run > Fork from this turn (Ctrl+Shift+F): a new live run from the selected turn. */
  private void forkHere() {
    if (current == null
        || current.model.projection().started() == null
        || current.selectedTurn == 0) {
      actions.say("Fork: choose a run and one of its turns first");
      return;
    }
    ForkPlan plan = ForkPlan.of(current.model.projection().history(), current.selectedTurn);
    Path folder = replays.folderOf(plan.runId());
    new ForkDialog(stage, plan, defaults, folder != null ? folder : runsDir(), this::open).show();
  }

  /** View > Data explorer (Ctrl+D): the lakehouse home's data, the selected run's branch first. */
  private void explorer() {
    if (dataExplorer == null || dataExplorer.closed()) {
      RunEvent.RunStarted started = current == null ? null : current.model.projection().started();
      dataExplorer =
          new DataExplorer(
              stage,
              launcher.paths().lakehouse(),
              launcher.user(),
              started == null ? null : started.branch(),
              background,
              this::openRun,
              scene);
    }
    dataExplorer.show();
  }

  /** A run linked from the explorer: selected when open here, else read from its transcript. */
  private void openRun(String runId) {
    for (RunEntry r : runs) {
      RunEvent.RunStarted started = r.model.projection().started();
      if (started != null && runId.equals(started.runId())) {
        runList.getSelectionModel().select(r);
        stage.toFront();
        return;
      }
    }
    RunLinks.open(
        runId,
        launcher.paths().runs(),
        background,
        (name, history) -> {
          openReplay(name, history);
          stage.toFront();
        },
        actions::say);
  }

  private void toggleTheme() {
    List<Scene> scenes = new ArrayList<>(List.of(scene));
    if (gate.scene() != null) {
      scenes.add(gate.scene());
    }
    if (budget.scene() != null) {
      scenes.add(budget.scene());
    }
    if (dataExplorer != null && !dataExplorer.closed()) {
      scenes.add(dataExplorer.stage().getScene());
    }
    Themes.toggle(scenes);
    settings.update(settings.current().withDark(Themes.dark()), actions::say); // kept for next time
  }

  // ---- runs ---------------------------------------------------------------------------------

  /** Starts {@code request} in this window; the launch itself runs in the background. */
  public void open(RunRequest request) {
    if (defaults == null && request.fork() == null) {
      defaults = request;
    }
    RunEntry entry = new RunEntry("new run", false);
    entry.progress = "starting the run";
    add(entry);
    starter.start(entry, request);
  }

  /** Shows a recorded run, read-only. */
  public void openReplay(String name, RunHistory history) {
    RunEntry entry = new RunEntry(name, true);
    List<RunEvent> events = new ArrayList<>();
    events.add(history.started());
    history.turns().forEach(t -> events.addAll(t.events()));
    if (history.finished() != null) {
      events.add(history.finished());
    }
    entry.model.apply(events);
    entry.name = RunViewModel.shown(history.started().runId());
    String note = history.readNote();
    entry.readNote = note == null ? null : RiskDetector.visible(note);
    entry.damage = DamageBanner.describe(history);
    add(entry);
  }

  private void add(RunEntry entry) {
    runs.add(entry);
    runList.getSelectionModel().select(entry);
  }

  /** The open question of the selected run, or null. */
  public PendingDecision waiting() {
    return decisions.openQuestion();
  }

  /** Whether the selected run has ended. */
  public boolean finished() {
    return current != null && current.model.projection().finished() != null;
  }

  /** Every live session, for the app to stop and close when the window goes. */
  public List<RunSession> sessions() {
    return runs.stream().filter(r -> r.session != null).map(r -> r.session).toList();
  }

  /**
   * Closes the window's side (on the FX thread): from now on no run is attached or started, and
   * every run this window launched is returned, those still starting included (their future
   * completes when the launcher is done, with null if it failed), for the caller to stop and close
   * off the FX thread.
   */
  public List<CompletableFuture<RunSession>> close() {
    gate.close();
    budget.close();
    return starter.close();
  }

  private void onBatch(RunEntry entry, List<RunEvent> batch) {
    PendingDecision before = entry.model.waiting();
    // Withdrawn on the engine's side before this batch came: no longer "waiting", but asked.
    PendingDecision lastAsked = entry.model.lastAsked();
    boolean editing =
        lastAsked instanceof PendingApproval
            && entry == current
            && entry.selectedTurn == lastAsked.turn()
            && code.edited();
    List<RunEvent> fresh =
        batch.stream()
            .filter(
                e ->
                    !(e instanceof RunEvent.RunStarted
                        && entry.model.projection().started() != null))
            .toList();
    entry.model.apply(fresh);
    PendingDecision now = entry.model.waiting();
    boolean asked = now != null && now != before;
    int shown = entry.selectedTurn;
    if (asked) {
      decisions.asked(now);
      entry.selectedTurn = now.turn();
      entry.follow = true;
      notifier.gateWaits(
          stage,
          "Airlock: "
              + (now instanceof PendingMerge
                  ? "a merge into main"
                  : now instanceof PendingBudget ? "a budget decision" : "code")
              + " waits for you",
          entry.name + ", turn " + now.turn());
    }
    if (lastAsked != null && lastAsked.withdrawn() && entry == current) {
      String why =
          batch.stream()
              .filter(
                  e -> e instanceof RunEvent.DecisionWithdrawn w && w.turn() == lastAsked.turn())
              .map(e -> ((RunEvent.DecisionWithdrawn) e).reason())
              .findFirst()
              .orElse("the run stopped");
      actions.say(
          "Turn "
              + lastAsked.turn()
              + "'s question was withdrawn ("
              + why
              + (lastAsked instanceof PendingMerge ? "): nothing was merged" : "): nothing ran")
              + (editing
                  ? "; your edit was not sent and stays in the code pane, read-only, to copy"
                  : ""));
    }
    if (entry == current) {
      int target = asked || !entry.follow ? entry.selectedTurn : entry.newestTurn();
      // Against the turn the panes showed: a turn that starts and asks in one batch is new too.
      if (target != shown || entry.selectedTurn == 0) {
        entry.selectedTurn = target;
        showTurn(entry);
      } else {
        panes.forEach(p -> p.update(entry.model.projection(), fresh));
      }
    }
    if (now instanceof PendingMerge merge && asked) {
      if (entry != current) {
        runList.getSelectionModel().select(entry);
      }
      decisions.mergeAsked(entry, merge);
    }
    if (now instanceof PendingBudget question && asked && entry == current) {
      decisions.budgetAsked(question);
    }
    gate.settle(entry);
    budget.settle();
    refresh();
  }

  private void select(RunEntry entry) {
    current = entry;
    if (entry != null && entry.selectedTurn == 0) {
      entry.selectedTurn = entry.newestTurn();
    }
    showTurn(entry);
    refresh();
  }

  // ---- turns --------------------------------------------------------------------------------

  private void pickTurn(TurnRow row) {
    if (syncing || row == null || current == null || row.turn() == current.selectedTurn) {
      return;
    }
    current.selectedTurn = row.turn();
    current.follow = row.turn() == current.newestTurn();
    showTurn(current);
    refresh();
  }

  private void step(int delta) {
    if (current == null) {
      return;
    }
    List<TurnRecord> turns = current.model.projection().turns();
    int at = 0;
    for (int i = 0; i < turns.size(); i++) {
      if (turns.get(i).turn() == current.selectedTurn) {
        at = i;
      }
    }
    int next = Math.max(0, Math.min(turns.size() - 1, at + delta));
    if (turns.isEmpty() || turns.get(next).turn() == current.selectedTurn) {
      return;
    }
    current.selectedTurn = turns.get(next).turn();
    current.follow = current.selectedTurn == current.newestTurn();
    showTurn(current);
    refresh();
  }

  private void showTurn(RunEntry entry) {
    if (entry == null) {
      return;
    }
    panes.forEach(p -> p.show(entry.model.projection(), entry.selectedTurn));
  }

  private void onKey(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER) {
      decisions.enterPressed();
    }
    if (e.getCode() == KeyCode.F1) {
      help.toggle();
    } else if (e.getCode() == KeyCode.ESCAPE && help.isVisible()) {
      help.setVisible(false);
    } else if (APPROVE.match(e)) {
      decisions.approve();
    } else if (EDIT.match(e)) {
      decisions.edit();
    } else if (REJECT.match(e)) {
      decisions.startReject();
    } else if (STOP.match(e)) {
      decisions.stop();
    } else if (PREVIOUS.match(e)) {
      step(-1);
    } else if (NEXT.match(e)) {
      step(1);
    } else if (PolicyControls.RELAX_KEY.match(e)) {
      policy.openRelax();
    } else if (MERGE.match(e)) {
      decisions.reviewMerge();
    } else if (THEME.match(e)) {
      toggleTheme();
    } else if (e.getCode() == KeyCode.ESCAPE && record.isVisible() && record.isFocusWithin()) {
      record.toggle(); // Ctrl+I is the menu's accelerator
    } else {
      return;
    }
    e.consume();
  }

  // ---- refresh ------------------------------------------------------------------------------

  /** Brings the title, lists, header, action bar and status line up to date. */
  private void refresh() {
    runList.refresh();
    stage.setTitle(current == null ? "Airlock" : title(current));
    syncing = true;
    try {
      List<TurnRow> rows = current == null ? List.of() : current.model.timeline();
      turnList.getItems().setAll(rows);
      for (TurnRow r : rows) {
        if (current != null && r.turn() == current.selectedTurn) {
          turnList.getSelectionModel().select(r);
          turnList.scrollTo(r);
        }
      }
    } finally {
      syncing = false;
    }
    header.show(current);
    damage.show(current == null ? null : current.damage);
    status.show(current);
    PendingDecision q = decisions.openQuestion();
    boolean approval = q instanceof PendingApproval a && a.turn() == current.selectedTurn;
    code.setEditable(approval);
    actions.approve.setDisable(q == null);
    actions.approve.setText(
        q instanceof PendingMerge
            ? "Review merge"
            : q instanceof PendingBudget ? "Budget…" : "Approve");
    actions.reject.setDisable(!(q instanceof PendingApproval));
    actions.feedback.setDisable(!(q instanceof PendingApproval));
    actions.stop.setDisable(
        current == null || !(current.live() || current.starting() && current.stopAsked == null));
    policy.refresh();
  }

  private static String title(RunEntry entry) {
    if (entry.problem != null) {
      return "Airlock — " + RunViewModel.shown(entry.name) + " — could not start";
    }
    String title = entry.model.title();
    return entry.replay ? title + " — recorded" : title;
  }
}
