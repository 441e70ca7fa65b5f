package dev.airlock.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableWriterTest {
  private static String field(Object value) {
    StringBuilder line = new StringBuilder();
    CsvTableWriter.appendField(line, value);
    return line.toString();
  }

  @Test
  void writesValuesLikeTheRealDabstepFiles() {
    assertThat(field(151.74)).isEqualTo("151.74");
    assertThat(field(45.7)).isEqualTo("45.7");
    assertThat(field(100.0)).isEqualTo("100.0");
    assertThat(field(0.07)).isEqualTo("0.07");
    assertThat(field(0.5)).isEqualTo("0.5");
    assertThat(field(1234.05)).isEqualTo("1234.05");
    assertThat(field(0.125)).isEqualTo("0.125");
    assertThat(field(true)).isEqualTo("True");
    assertThat(field(false)).isEqualTo("False");
    assertThat(field(null)).isEmpty();
    assertThat(field(20034594130L)).isEqualTo("20034594130");
    assertThat(field("Heating, plumbing")).isEqualTo("\"Heating, plumbing\"");
    assertThat(field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(field(List.of("a", "b"))).isEqualTo("\"[a, b]\"");
    assertThat(field(List.of())).isEqualTo("[]");
  }
}
