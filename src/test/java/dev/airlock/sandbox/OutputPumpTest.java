package dev.airlock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputPumpTest {

  /** Hands out its bytes a few at a time, as a pipe does under load. */
  private static InputStream trickle(byte[] bytes, int step) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, step));
      }
    };
  }

  @Test
  void charactersSplitAcrossReadsAreNeverSplitInTheChunks() {
    String text = "é☃😀 grüße ☃☃ 😀😀";
    List<String> chunks = new ArrayList<>();
    OutputPump pump =
        new OutputPump(
            trickle(text.getBytes(StandardCharsets.UTF_8), 1),
            OutputListener.Stream.STDOUT,
            1024,
            (stream, chunk) -> chunks.add(chunk));

    pump.run();

    assertThat(String.join("", chunks)).isEqualTo(text);
    assertThat(chunks).noneMatch(chunk -> chunk.contains("\uFFFD"));
    assertThat(pump.text()).isEqualTo(text);
    assertThat(pump.droppedBytes()).isZero();
  }

  @Test
  void keepsTheCapReadsTheRestAndCountsIt() {
    byte[] bytes = "abcdefghij".repeat(1000).getBytes(StandardCharsets.UTF_8);
    List<String> chunks = new ArrayList<>();
    OutputPump pump =
        new OutputPump(
            trickle(bytes, 333),
            OutputListener.Stream.STDERR,
            2500,
            (stream, chunk) -> chunks.add(chunk));

    pump.run();

    assertThat(pump.text()).hasSize(2500).isEqualTo("abcdefghij".repeat(250));
    assertThat(String.join("", chunks)).isEqualTo(pump.text());
    assertThat(pump.droppedBytes()).isEqualTo(7500);
  }

  @Test
  void aCharacterCutByTheCapIsDroppedNotGarbled() {
    byte[] bytes = "aa☃☃".getBytes(StandardCharsets.UTF_8); // 2 + 3 + 3 bytes
    OutputPump pump =
        new OutputPump(trickle(bytes, 8), OutputListener.Stream.STDOUT, 4, OutputListener.NONE);

    pump.run();

    assertThat(pump.text()).isEqualTo("aa");
    assertThat(pump.droppedBytes()).isEqualTo(6);
  }
}
