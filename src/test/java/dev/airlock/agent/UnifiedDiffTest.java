package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void showsAChangedLineWithContext() {
    String before =
        "import bauplan\nc = bauplan.Client()\nc.create_branch('a', from_ref='main')\nprint('ok')\n";
    String after =
        "import bauplan\nc = bauplan.Client()\nc.create_branch('a', from_ref='main', if_not_exists=True)\nprint('ok')\n";
    String diff = UnifiedDiff.between(before, after, "proposed.py", "executed.py");
    assertThat(diff)
        .isEqualTo(
            """
        --- proposed.py
        +++ executed.py
        @@ -1,4 +1,4 @@
         import bauplan
         c = bauplan.Client()
        -c.create_branch('a', from_ref='main')
        +c.create_branch('a', from_ref='main', if_not_exists=True)
         print('ok')
        """);
  }

  @Test
  void separatesDistantChangesIntoHunks() {
    StringBuilder a = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      a.append("line").append(i).append('\n');
    }
    String before = a.toString();
    String after = before.replace("line2\n", "LINE2\n").replace("line28\n", "");
    String diff = UnifiedDiff.between(before, after, "a", "b");
    assertThat(diff)
        .contains("@@ -1,5 +1,5 @@")
        .contains("-line2\n+LINE2\n")
        .contains("@@ -25,6 +25,5 @@")
        .contains("-line28\n");
    assertThat(diff.split("@@ ").length).isEqualTo(3);
  }

  @Test
  void identicalTextHasNoHunks() {
    assertThat(UnifiedDiff.between("a\nb\n", "a\nb\n", "x", "y")).isEqualTo("--- x\n+++ y\n");
  }
}
