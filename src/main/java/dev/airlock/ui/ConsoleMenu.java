package dev.airlock.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The main window's menu bar: every command of the console with its key, so a person who does not
 * know the keys finds them here. The items' accelerators are the only place a key is bound: {@link
 * ConsoleKeys} fires the matching item once per press, and {@link ConsoleCommands} says what each
 * item does.
 */
final class ConsoleMenu {
  final MenuItem newRun = item("New run…", KeyCode.N, KeyCombination.SHORTCUT_DOWN);
  final MenuItem openRun = item("Open recorded run…", KeyCode.O, KeyCombination.SHORTCUT_DOWN);
  final MenuItem export =
      item("Export report…", KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  final MenuItem settings = item("Settings…", KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);
  final MenuItem quit = item("Quit", KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

  final MenuItem approve = item("Approve", KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
  final MenuItem edit = item("Edit the code", KeyCode.E, KeyCombination.SHORTCUT_DOWN);
  final MenuItem reject = item("Reject with feedback", KeyCode.R, KeyCombination.SHORTCUT_DOWN);
  final MenuItem stop = item("Stop the run", KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);
  final MenuItem mergeGate = item("Review the merge", KeyCode.M, KeyCombination.SHORTCUT_DOWN);
  final MenuItem fork =
      item(
          "Fork from this turn…",
          KeyCode.F,
          KeyCombination.SHORTCUT_DOWN,
          KeyCombination.SHIFT_DOWN);

  /** The run's approval policy from here on: filled by the window. */
  final Menu policy = new Menu("Approval policy");

  final MenuItem previous = item("Previous turn", KeyCode.LEFT, KeyCombination.ALT_DOWN);
  final MenuItem next = item("Next turn", KeyCode.RIGHT, KeyCombination.ALT_DOWN);
  final MenuItem turnRecord = item("Turn record", KeyCode.I, KeyCombination.SHORTCUT_DOWN);
  final MenuItem explorer = item("Data explorer", KeyCode.D, KeyCombination.SHORTCUT_DOWN);
  final MenuItem theme =
      item(
          "Light / dark theme", KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  final MenuItem keys = item("Keys", KeyCode.F1);

  final MenuBar bar = new MenuBar();

  ConsoleMenu() {
    Menu file =
        new Menu(
            "_File",
            null,
            newRun,
            openRun,
            export,
            new SeparatorMenuItem(),
            settings,
            new SeparatorMenuItem(),
            quit);
    Menu run =
        new Menu(
            "_Run",
            null,
            approve,
            edit,
            reject,
            stop,
            mergeGate,
            new SeparatorMenuItem(),
            fork,
            policy);
    Menu view =
        new Menu(
            "_View",
            null,
            previous,
            next,
            turnRecord,
            new SeparatorMenuItem(),
            explorer,
            theme,
            keys);
    bar.getMenus().addAll(file, run, view);
    bar.getStyleClass().add("console-menu");
  }

  private static MenuItem item(String text, KeyCode key, KeyCombination.Modifier... modifiers) {
    MenuItem item = new MenuItem(text);
    item.setAccelerator(new KeyCodeCombination(key, modifiers));
    return item;
  }
}
