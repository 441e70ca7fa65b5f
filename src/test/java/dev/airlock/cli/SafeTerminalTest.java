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
    assertThat(shown).doesNotContain("\u001b", "\r", "\u009b")
        .contains("delete_all()  # ␛[1A␛[2K", "harmless\\x0drm -rf /", "tab\tand é stay\\x9b");
  }
}
