package dev.airlock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Bench bench =
      new Bench(
          new BenchContext(true, Path.of("/tmp"), Path.of("/usr/bin/python3"), List.of("airlock")),
          new PrintStream(printed, true, StandardCharsets.UTF_8));

  @Test
  void ratiosArePerPairNotRatiosOfMedians() {
    // Each pair is twice as slow on our side, though the medians of the sides differ by 10x.
    Ratios r = Ratios.of(List.of(2L, 20L, 200L), List.of(1L, 10L, 100L));
    assertThat(r.median()).isEqualTo(2.0);
    assertThat(r.min()).isEqualTo(2.0);
    assertThat(r.max()).isEqualTo(2.0);
    assertThat(r.oursMedianNs()).isEqualTo(20.0);
    assertThat(r.meets(2.0)).isTrue();
    assertThat(r.meets(1.99)).isFalse();
  }

  @Test
  void unpairedSamplesAreRefused() {
    assertThatThrownBy(() -> Ratios.of(List.of(1L), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 vs 0");
  }

  @Test
  void pairsAlternateWhichSideRunsFirst() {
    List<String> order = new ArrayList<>();
    Figure figure = fake(order, null);
    Bench.Outcome outcome = bench.measure(figure, 4);
    // Two warm-up rounds (quick), then ours first, baseline first, ours first, baseline first.
    assertThat(order.subList(4, order.size()))
        .containsExactly("ours", "base", "base", "ours", "ours", "base", "base", "ours");
    assertThat(outcome.ratios().pairs()).isEqualTo(4);
    assertThat(outcome.met()).isTrue();
  }

  @Test
  void aFigureThatFailsIsReportedAndTheOthersStillRun() {
    List<Bench.Outcome> outcomes =
        bench.run(
            List.of(fake(new ArrayList<>(), "no bwrap here"), fake(new ArrayList<>(), null)), 5);
    assertThat(outcomes.get(0).failure()).isEqualTo("no bwrap here");
    assertThat(outcomes.get(1).met()).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("could not be measured: no bwrap here")
        .contains("met");
    assertThat(Bench.table(outcomes)).contains("not measured: no bwrap here").contains("| met |");
  }

  private static Figure fake(List<String> order, String failure) {
    return new Figure() {
      @Override
      public String area() {
        return "fake";
      }

      @Override
      public String name() {
        return "fake figure";
      }

      @Override
      public String baseline() {
        return "fake baseline";
      }

      @Override
      public double target() {
        return 1.0;
      }

      @Override
      public Pair prepare(BenchContext context) {
        if (failure != null) {
          throw new IllegalStateException(failure);
        }
        return new Pair() {
          @Override
          public long ours() {
            order.add("ours");
            return 50;
          }

          @Override
          public long baseline() {
            order.add("base");
            return 100;
          }
        };
      }
    };
  }
}
