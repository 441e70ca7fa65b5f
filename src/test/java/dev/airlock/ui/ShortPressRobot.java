package dev.airlock.ui;

import java.util.List;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.robot.BaseRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A TestFX robot whose key presses are let go at once. TestFX's own {@code push} waits for the FX
 * thread after every key it presses and releases, so on a loaded machine a key can stay down past
 * the display's auto-repeat delay (about half a second under Xvfb) and the window sees extra
 * presses: Alt+Left steps two turns, Down moves two items, Esc closes what the first press left
 * open. Here the keys of one press go down and up back to back, and the robot waits for the FX
 * thread once, after the release. Held keys ({@code press} ... {@code release}) stay TestFX's.
 */
public final class ShortPressRobot extends FxRobot {
  /** Presses {@code combination}'s keys in order and releases them in reverse, without a pause. */
  @Override
  public ShortPressRobot push(KeyCode... combination) {
    BaseRobot keys = robotContext().getBaseRobot();
    for (KeyCode k : combination) {
      keys.pressKeyboard(k);
    }
    for (KeyCode k : reversed(combination)) {
      keys.releaseKeyboard(k);
    }
    WaitForAsyncUtils.waitForFxEvents();
    return this;
  }

  /** Each of {@code keys} pressed and released on its own, in order. */
  @Override
  public ShortPressRobot type(KeyCode... keys) {
    for (KeyCode k : keys) {
      push(k);
    }
    return this;
  }

  @Override
  public ShortPressRobot type(KeyCode key, int times) {
    for (int i = 0; i < times; i++) {
      push(key);
    }
    return this;
  }

  private static List<KeyCode> reversed(KeyCode... combination) {
    KeyCode[] out = new KeyCode[combination.length];
    for (int i = 0; i < combination.length; i++) {
      out[i] = combination[combination.length - 1 - i];
    }
    return List.of(out);
  }
}
