package dev.airlock.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The main window's keys, on ONE path: the menu items' accelerators say which key does what, and a
 * scene filter fires the matching item and consumes the press, so neither the focused control nor
 * the menu's own accelerator handling acts on it a second time. A held key's repeats (presses
 * without a release between) act again only for the items listed as repeatable (the turn steps);
 * Enter presses and releases are reported for the held-Enter guard whatever else they do.
 */
final class ConsoleKeys {
  /** What the window does with keys besides the menu's commands. */
  interface Window {
    void enterPressed();

    void enterReleased();

    /** Esc: closes what it closes (the help, the turn record); true when it did. */
    boolean escape();
  }

  private final List<MenuItem> items = new ArrayList<>();
  private final Set<MenuItem> repeatable;
  private final Set<KeyCode> down = new HashSet<>();
  private final Window window;

  private ConsoleKeys(List<Menu> menus, Set<MenuItem> repeatable, Window window) {
    menus.forEach(this::collect);
    this.repeatable = repeatable;
    this.window = window;
  }

  /**
   * Routes {@code scene}'s key presses to the items of {@code menus} (submenus included), letting
   * only {@code repeatable} act on a held key's repeats.
   */
  static void install(
      Stage stage, Scene scene, List<Menu> menus, Set<MenuItem> repeatable, Window window) {
    ConsoleKeys keys = new ConsoleKeys(menus, repeatable, window);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, keys::pressed);
    scene.addEventFilter(KeyEvent.KEY_RELEASED, keys::released);
    // A release while another window has the keyboard never comes here: start afresh.
    stage.focusedProperty().addListener((o, was, now) -> keys.down.clear());
  }

  private void collect(MenuItem item) {
    if (item instanceof Menu sub) {
      sub.getItems().forEach(this::collect);
    } else if (item.getAccelerator() != null) {
      items.add(item);
    }
  }

  private void pressed(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER) {
      window.enterPressed();
    }
    for (MenuItem item : items) {
      if (item.getAccelerator().match(e)) {
        e.consume();
        boolean repeat = !down.add(e.getCode());
        if (!repeat || repeatable.contains(item)) {
          item.fire();
        }
        return;
      }
    }
    if (e.getCode() == KeyCode.ESCAPE && window.escape()) {
      e.consume();
    }
  }

  private void released(KeyEvent e) {
    down.remove(e.getCode());
    if (e.getCode() == KeyCode.ENTER) {
      window.enterReleased();
    }
  }
}
