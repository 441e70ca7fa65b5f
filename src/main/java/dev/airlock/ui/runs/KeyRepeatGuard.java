package dev.airlock.ui.runs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A menu key held down fires its command once: the key's repeats (the system's auto-repeat sends
 * presses without releases) are consumed before they reach the menu's accelerators, so holding
 * Ctrl+I does not flicker the turn record, nor Ctrl+O open the runs browser twice.
 */
public final class KeyRepeatGuard {
  private KeyRepeatGuard() {}

  /** Guards the accelerators of {@code items} in {@code scene}. */
  public static void install(Scene scene, MenuItem... items) {
    List<KeyCombination> keys =
        List.of(items).stream().map(MenuItem::getAccelerator).filter(k -> k != null).toList();
    Set<KeyCode> down = new HashSet<>();
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (keys.stream().anyMatch(k -> k.match(e)) && !down.add(e.getCode())) {
            e.consume(); // a repeat: the command already ran for this press
          }
        });
    scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> down.remove(e.getCode()));
  }
}
