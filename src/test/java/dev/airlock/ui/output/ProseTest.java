package dev.airlock.ui.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProseTest {

  @Test
  void aBreakInsideAParagraphIsASpace() {
    assertThat(Prose.unwrap("create_table failed: without\nbranch= it targeted main.\n\nNext."))
        .isEqualTo("create_table failed: without branch= it targeted main.\n\nNext.");
  }

  @Test
  void listsHeadingsIndentsAndFencesKeepTheirLines() {
    String text =
        "Plan:\n- load\n- audit\n1. merge\n# Notes\n    indented\n```\na = 1\nb = 2\n```\nafter";
    assertThat(Prose.unwrap(text)).isEqualTo(text);
  }
}
