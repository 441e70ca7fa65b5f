package dev.airlock.ui;

import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.PendingBudget;
import dev.airlock.agent.PendingDecision;
import dev.airlock.agent.PendingMerge;
import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunSession;
import dev.airlock.ui.budget.BudgetWindow;
import dev.airlock.ui.code.CodePane;
import dev.airlock.ui.output.OutputPane;
import dev.airlock.ui.output.ReasoningPane;
import dev.airlock.ui.policy.PolicyControls;
import dev.airlock.ui.runs.DamageBanner;
import dev.airlock.ui.runs.TurnRecordView;
import dev.airlock.ui.settings.ConsoleLook;
import dev.airlock.ui.settings.SettingsFile;
import dev.airlock.ui.settings.SettingsProblem;
import dev.airlock.ui.settings.SettingsStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

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

  final Stage stage;
  private final RunFeed feed = new RunFeed(this);
  private final RunStarter starter;
  private final Executor answers;
  final DesktopNotifier notifier;
  final ObservableList<RunEntry> runs = FXCollections.observableArrayList();
  final ListView<RunEntry> runList = new ListView<>(runs);
  final TurnSelection turns = new TurnSelection(this);
  private final TurnHeader header = new TurnHeader();
  private final ReasoningPane reasoning = new ReasoningPane();
  final CodePane code;
  private final OutputPane output = new OutputPane();
  final List<TurnView> panes;
  final TurnRecordView record = new TurnRecordView();
  private final DamageBanner damage = new DamageBanner();
  RunRequest defaults; // the console's first live request: a fork's folders and policies
  final ActionBar actions;
  private final StatusLine status = new StatusLine();
  final HelpOverlay help = new HelpOverlay();
  final ConsoleMenu menu = new ConsoleMenu();
  final Scene scene;
  RunEntry current;
  final MergeGateWindow gate;
  final BudgetWindow budget;

  final Launcher launcher;
  final Executor background;

  Decisions decisions; // set in the constructor, after the action bar it answers through
  final PolicyControls policy;
  final SettingsStore settings;

  /** File > Export report; package-private so that tests can replace its file chooser. */
  final ReportExport reportExport;

  public ConsoleWindow(Stage stage, Launcher launcher, Executor background, Executor answers) {
    this(stage, launcher, background, answers, null);
  }

  /**
   * @param preread the settings file as read before the window opened (its look already applied),
   *     or null to read it in the background now
   */
  public ConsoleWindow(
      Stage stage,
      Launcher launcher,
      Executor background,
      Executor answers,
      SettingsStore.Read preread) {
    this.stage = stage;
    this.launcher = launcher;
    this.background = background;
    this.settings = new SettingsStore(new SettingsFile(launcher.paths().configHome()), background);
    this.starter = new RunStarter(launcher, background, feed::onBatch, this::refresh);
    this.answers = answers;
    this.notifier = new DesktopNotifier(background);
    this.code = new CodePane(background);
    this.panes = List.of(reasoning, code, output, record);
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
    new ConsoleCommands(this).wire();
    this.scene = new Scene(layout(), WIDTH, HEIGHT);
    Themes.apply(scene);
    ConsoleKeys.install(
        stage, scene, menu.bar.getMenus(), Set.of(menu.previous, menu.next), keysWindow());
    stage.focusedProperty().addListener((o, was, now) -> decisions.keyboardLost());
    stage.setScene(scene);
    stage.setTitle("Airlock");
    stage.setMinWidth(960);
    stage.setMinHeight(600);
    header.tick();
    refresh();
    Consumer<String> problem =
        said -> {
          actions.say(said);
          SettingsProblem.show(stage, said);
        };
    if (preread == null) {
      settings.load(ConsoleLook::apply, problem);
    } else {
      settings.loaded(preread, ConsoleLook::apply, problem);
    }
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
        decisions::approveAndRelax,
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
    VBox left = new VBox(section("Runs"), runList, section("Turns"), turns.list);
    left.getStyleClass().add("sidebar");
    VBox.setVgrow(turns.list, Priority.ALWAYS);
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

  private void select(RunEntry entry) {
    current = entry;
    if (entry != null && entry.selectedTurn == 0) {
      entry.selectedTurn = entry.newestTurn();
    }
    showTurn(entry);
    refresh();
  }

  void showTurn(RunEntry entry) {
    if (entry == null) {
      return;
    }
    panes.forEach(p -> p.show(entry.model.projection(), entry.selectedTurn));
  }

  /** The window as its keys see it: the held-Enter guard and what Esc closes. */
  private ConsoleKeys.Window keysWindow() {
    return new ConsoleKeys.Window() {
      @Override
      public void enterPressed() {
        decisions.enterPressed();
      }

      @Override
      public void enterReleased() {
        decisions.enterReleased();
      }

      @Override
      public boolean escape() {
        if (help.isVisible()) {
          help.setVisible(false);
        } else if (record.isVisible() && record.isFocusWithin()) {
          record.toggle();
        } else {
          return false;
        }
        return true;
      }
    };
  }

  // ---- refresh ------------------------------------------------------------------------------

  /** Brings the title, lists, header, action bar and status line up to date. */
  void refresh() {
    runList.refresh();
    stage.setTitle(current == null ? "Airlock" : title(current));
    turns.sync(current);
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
