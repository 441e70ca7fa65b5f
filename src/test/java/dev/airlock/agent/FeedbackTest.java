package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.sandbox.ExecutionResult;
import dev.airlock.sandbox.ExecutionResult.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackTest {
  private final Feedback feedback = new Feedback(1000);

  @Test
  void observationCarriesStatusOutputsErrorAndDuration() {
    ExecutionResult r =
        new ExecutionResult(
            Status.ERROR,
            1,
            "loaded 3 rows\n",
            "Traceback (most recent call last):\nKeyError: 'id'\n",
            0,
            0,
            "the code exited with status 1",
            Duration.ofMillis(1530),
            List.of("polars"));
    String text = feedback.observation(r, null, false, true);
    assertThat(text)
        .contains(
            "status: failed (exit code 1)",
            "duration: 1.53 s",
            "loaded 3 rows",
            "KeyError: 'id'",
            "error: the code exited with status 1",
            "missing packages",
            "polars");
    assertThat(text).doesNotContain("WITHOUT sandbox isolation");
  }

  @Test
  void longOutputIsCutInTheMiddleWithAMarker() {
    String out = "HEAD" + "x".repeat(5000) + "TAIL";
    ExecutionResult r =
        new ExecutionResult(Status.OK, 0, out, "", 0, 0, null, Duration.ZERO, List.of());
    String text = feedback.observation(r, null, false, true);
    assertThat(text).contains("HEAD", "TAIL", "[... 4008 characters cut from the middle ...]");
    assertThat(text.length()).isLessThan(1400);
  }

  @Test
  void editsRejectionsAndDoneClaimsAreSpelledOut() {
    ExecutionResult ok =
        new ExecutionResult(Status.OK, 0, "", "", 0, 0, null, Duration.ZERO, List.of());
    assertThat(feedback.observation(ok, "--- a\n+++ b\n", true, false))
        .contains(
            "The supervisor edited your code",
            "```diff\n--- a",
            "Done is accepted only after",
            "WITHOUT sandbox isolation");
    assertThat(feedback.rejection("use the branch me.import"))
        .contains("REJECTED", "did not run", "use the branch me.import");
    assertThat(feedback.formatError("Your answer was empty.", 1, 2))
        .contains("Format error 1 of 2");
  }

  @Test
  void droppedBytesAreReported() {
    ExecutionResult r =
        new ExecutionResult(Status.OK, 0, "a\n", "", 123456, 0, null, Duration.ZERO, List.of());
    assertThat(feedback.observation(r, null, false, true))
        .contains("123456 more bytes were dropped");
  }
}
