package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeTerminalTest {
  @Test
  void controlSequencesInUntrustedTextAreShownNotObeyed() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SafeTerminal out = new SafeTerminal(bytes);
    out.println("delete_all()  # \u001b[1A\u001b[2K");
    out.printf("%s%n", "harmless\rrm -rf /");
    out.print("tab\tand é stay\u009b");
    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertThat(shown)
        .doesNotContain("\u001b", "\r", "\u009b")
        .contains("delete_all()  # ␛[1A␛[2K", "harmless\\x0drm -rf /", "tab\tand é stay\\x9b");
  }

  @Test
  void bidiOverridesAndInvisibleCharactersAreShownNotApplied() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SafeTerminal out = new SafeTerminal(bytes);
    // Trojan Source: shown as a comment ending the line, but the override reorders what follows.
    out.println("access = 'user' # \u202e \u2066if admin\u2069 \u2066 # ok\u200b\ufeff");
    out.println("café, naïve and 日本語 stay");
    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertThat(shown)
        .doesNotContain("\u202e", "\u2066", "\u2069", "\u200b", "\ufeff")
        .contains(
            "# \\u202e \\u2066if admin\\u2069 \\u2066 # ok\\u200b\\ufeff",
            "café, naïve and 日本語 stay");
  }
}
