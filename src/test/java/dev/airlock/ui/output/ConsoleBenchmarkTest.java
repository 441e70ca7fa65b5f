package dev.airlock.ui.output;

import static org.assertj.core.api.Assertions.assertThat;

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
}
