package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** A failure reaches the dialog as what the work threw: the message a person reads names it. */
class OffFxThreadTest {
  @Test
  void theFuturesWrappersComeOffButTheFailuresOwnCauseStays() {
    IllegalStateException thrown =
        new IllegalStateException("table fees not found on main", new SQLException("catalog"));

    assertThat(OffFxThread.unwrapped(new CompletionException(thrown))).isSameAs(thrown);
    assertThat(OffFxThread.unwrapped(new CompletionException(new ExecutionException(thrown))))
        .isSameAs(thrown);
    // Not wrapped (a stage completed with it directly): kept whole, not swapped for its cause.
    assertThat(OffFxThread.unwrapped(thrown)).isSameAs(thrown);
    assertThat(OffFxThread.unwrapped(null)).isNull();
  }
}
