package dev.airlock.ui.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.bench.Ratios;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The streaming part of bench-console, small: every line reaches the pane. */
@ExtendWith(ApplicationExtension.class)
class ConsoleBenchmarkTest {
  @Start
  void start(Stage stage) {
    // The benchmark opens its own window; the toolkit is all it needs from the extension.
  }

  @Test
  void everyStreamedLineReachesThePane() throws InterruptedException {
    OutputStreamBenchmark.Figures figures = ConsoleBenchmark.stream(3_000);

    assertThat(figures.linesSent()).isEqualTo(3_000);
    assertThat(figures.linesDelivered()).isEqualTo(3_000);
    assertThat(figures.linesInPane()).isEqualTo(3_000);
    assertThat(figures.batches()).isPositive();
    assertThat(figures.describe()).contains("3,000 lines in");
  }

  @Test
  void theStallVerdictIsTheMedianOfEachStreamsLongestStallAgainstFiftyMilliseconds() {
    String verdict = ConsoleBenchmark.stallVerdict(List.of(30_000_000L, 70_000_000L, 40_000_000L));

    assertThat(verdict)
        .contains("40.0 ms (30.0-70.0 ms, 3 streams)")
        .contains("target <= 50 ms")
        .endsWith(" met");
    assertThat(ConsoleBenchmark.stallVerdict(List.of(60_000_000L))).endsWith("NOT met");
  }

  @Test
  void theStartVerdictIsTheMedianOfPairedRatiosAsAirlockBenchPrintsIt() {
    Ratios ratios =
        Ratios.of(
            List.of(1_400_000_000L, 2_000_000_000L, 1_300_000_000L),
            List.of(1_000_000_000L, 1_000_000_000L, 1_000_000_000L));

    String line = ConsoleBenchmark.ratioLine("console first frame / bare", ratios, 1.5);

    assertThat(line)
        .contains("ratio  1.40x (1.30-2.00, 3 pairs)")
        .contains("target <= 1.50x")
        .endsWith(" met");
    assertThat(ConsoleBenchmark.ratioLine("whole window", ratios, 0))
        .doesNotContain("met")
        .contains("no target");
  }
}
