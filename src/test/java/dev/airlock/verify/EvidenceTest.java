package dev.airlock.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvidenceTest {
  @Test
  void aHugeListOrMapValueIsShortenedLikeAString() {
    List<Integer> huge = IntStream.range(0, 100_000).boxed().toList();
    List<Object> row = new ArrayList<>();
    row.add(huge);
    row.add(Map.of("k", "v"));
    row.add(7);
    Evidence e = new Evidence("SELECT 1", List.of("a", "b", "c"), List.of(row), false, null);
    Object shortened = e.rows().get(0).get(0);
    assertThat(shortened).isInstanceOf(String.class);
    assertThat((String) shortened)
        .startsWith("[0, 1, 2")
        .endsWith("... (" + huge.toString().length() + " characters)")
        .hasSizeLessThan(Evidence.MAX_TEXT + 40);
    assertThat(e.rows().get(0).subList(1, 3)).containsExactly(Map.of("k", "v"), 7);
    // Read back (the transcript passes it through the constructor again): unchanged.
    Evidence again = new Evidence("SELECT 1", e.columns(), e.rows(), false, null);
    assertThat(again.rows()).isEqualTo(e.rows());
  }
}
