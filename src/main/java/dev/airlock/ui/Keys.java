package dev.airlock.ui;

import java.util.List;
import java.util.stream.Stream;

/**
 * The keyboard contract, as the help overlay (F1) and the README list it. Every key acts once per
 * press; held down, only Alt+Left / Alt+Right repeat (see {@link ConsoleKeys}).
 */
final class Keys {
  record Binding(String keys, String action) {}

  /** The keys that act on the selected run and its turns. */
  static final List<Binding> IN_A_RUN =
      List.of(
          new Binding(
              "Ctrl+Enter",
              "Approve the code as it stands in the code pane (edited or not); in the merge gate:"
                  + " approve the merge"),
          new Binding(
              "Ctrl+Shift+Enter",
              "Approve & relax ▾: approve the waiting code and, from here on, ask less (risky,"
                  + " auto-while-green or auto); arrows and Enter pick"),
          new Binding("Ctrl+E", "Edit: focus the code pane (while a turn waits for approval)"),
          new Binding(
              "Ctrl+R",
              "Reject: focus the feedback field; Enter sends the rejection with that text; Esc"
                  + " cancels"),
          new Binding("Ctrl+.", "Stop the run: the running execution is killed, the run ends"),
          new Binding("Alt+Left / Alt+Right", "Previous / next turn"),
          new Binding("Ctrl+M", "Open the merge gate again while a merge waits"),
          new Binding(
              "Ctrl+I",
              "Turn record: the exact messages sent to the model, the raw response, the parse, the"
                  + " decision, lakehouse calls, data effects and merges of the turn; Esc closes"));

  /** The keys of runs (new, open, fork, export) and of the console, data, settings, the window. */
  static final List<Binding> CONSOLE =
      List.of(
          new Binding("Ctrl+N", "New run: task, data, model, policies, limits, budget"),
          new Binding("Ctrl+O", "Open a recorded run from the runs folder (type to filter)"),
          new Binding(
              "Ctrl+Shift+F", "Fork: start a new run from the selected turn (Enter starts)"),
          new Binding(
              "Ctrl+D",
              "Data explorer: branches, tables, rows, SQL (Ctrl+Enter runs, Esc stops), log, diff"),
          new Binding(
              "Ctrl+Shift+E",
              "Export the selected run's report: one HTML page (Markdown for a .md name)"),
          new Binding("Ctrl+,", "Settings: defaults, sandbox limits, folders, theme, font size"),
          new Binding("Ctrl+Shift+D", "Switch between the light and the dark theme"),
          new Binding("Ctrl+Q", "Quit: close the console, as closing its window does"),
          new Binding("F1", "Show or hide this help; Esc hides it"));

  /** Every key, the run's first. */
  static final List<Binding> ALL = Stream.concat(IN_A_RUN.stream(), CONSOLE.stream()).toList();

  private Keys() {}
}
