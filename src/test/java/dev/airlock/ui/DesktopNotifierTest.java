package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DesktopNotifierTest {
  @Test
  void aTextStartingWithADashIsNotAnOptionAndMarkupIsShownNotObeyed() {
    List<String> argv =
        DesktopNotifier.command(
            "--urgency=low", "-u low <b>run</b> & <a href='x'>turn</a>\n\u202egnitiaw");
    assertThat(argv.subList(0, 3)).containsExactly("notify-send", "--app-name=Airlock", "--");
    assertThat(argv.get(3)).isEqualTo("--urgency=low");
    assertThat(argv.get(4))
        .isEqualTo(
            "-u low &lt;b&gt;run&lt;/b&gt; &amp; &lt;a href='x'&gt;turn&lt;/a&gt;"
                + "&lt;U+000A&gt;&lt;U+202E&gt;gnitiaw");
    assertThat(argv).hasSize(5);
  }
}
