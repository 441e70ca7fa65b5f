package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunEvent.Notice.Severity;
import dev.airlock.agent.RunStatus;
import dev.airlock.model.Usage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The stream every face reads a run from: order, isolation, and a bounded queue. */
class EventStreamTest {
  private final List<RunEvent> recorded = Collections.synchronizedList(new ArrayList<>());
  private final List<RunEvent> seen = Collections.synchronizedList(new ArrayList<>());
  private final EventStream stream =
      new EventStream(
          "test",
          List.of(recorded::add),
          e -> {
            throw e;
          },
          Clock.systemUTC());

  @Test
  void aListenerThatThrowsAnErrorIsDetachedAndTheOthersStillHearEveryEvent() throws Exception {
    stream.subscribe(
        e -> {
          throw new StackOverflowError("a screen that recursed");
        });
    CountDownLatch reported = new CountDownLatch(1);
    stream.subscribe(
        e -> {
          seen.add(e);
          if (e instanceof RunEvent.Notice n && n.message().contains("detached")) {
            reported.countDown();
          }
        });

    stream.onEvent(notice("one"));
    stream.onEvent(notice("two"));
    assertThat(reported.await(60, TimeUnit.SECONDS)).as("the failure reported").isTrue();
    stream.onEvent(finished());
    stream.close(10);

    assertThat(messages(seen)).startsWith("one").contains("two");
    assertThat(messages(seen)).anySatisfy(m -> assertThat(m).contains("a screen that recursed"));
    assertThat(seen.get(seen.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
  }

  @Test
  void theRunsEndIsLastForTheRecordAndTheSubscribersWhateverIsReportedWhileItIsReleased() {
    stream.subscribe(seen::add);

    stream.onEvent(notice("during the run"));
    stream.onEvent(finished());
    // A question withdrawn by the stopping thread, a gateway call refused while the sandbox dies.
    stream.onEvent(notice("reported while the run was released"));
    stream.close(10);

    assertThat(seen.get(seen.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
    assertThat(messages(seen)).contains("reported while the run was released");
    assertThat(recorded).containsExactlyElementsOf(seen);
  }

  @Test
  void outputWaitingForASlowSubscriberIsJoinedNotQueuedChunkByChunk() throws Exception {
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    stream.subscribe(
        e -> {
          if (seen.isEmpty()) {
            busy.countDown();
            await(release);
          }
          seen.add(e);
        });
    stream.onEvent(notice("first"));
    busy.await();
    for (int i = 0; i < 200_000; i++) {
      stream.onEvent(new RunEvent.OutputChunk(1, Instant.now(), "stdout", "x"));
    }
    stream.onEvent(new RunEvent.OutputChunk(1, Instant.now(), "stderr", "oops"));
    stream.onEvent(new RunEvent.OutputChunk(1, Instant.now(), "stdout", "y"));
    stream.onEvent(notice("after the output"));
    release.countDown();
    stream.onEvent(finished());
    stream.close(10);

    List<RunEvent.OutputChunk> chunks =
        seen.stream()
            .filter(RunEvent.OutputChunk.class::isInstance)
            .map(RunEvent.OutputChunk.class::cast)
            .toList();
    assertThat(chunks.size()).isLessThan(10);
    assertThat(text(chunks, "stdout")).isEqualTo("x".repeat(200_000) + "y");
    assertThat(text(chunks, "stderr")).isEqualTo("oops");
    // The order of the streams and of the other events is kept.
    assertThat(chunks.get(chunks.size() - 2).stream()).isEqualTo("stderr");
    assertThat(messages(seen)).containsExactly("first", "after the output");
    assertThat(seen.get(seen.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
  }

  private static String text(List<RunEvent.OutputChunk> chunks, String stream) {
    return chunks.stream()
        .filter(c -> c.stream().equals(stream))
        .map(RunEvent.OutputChunk::text)
        .collect(Collectors.joining());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static RunEvent.Notice notice(String message) {
    return new RunEvent.Notice(1, Instant.now(), Severity.INFO, message);
  }

  private static RunEvent.RunFinished finished() {
    return new RunEvent.RunFinished(
        1, Instant.now(), RunStatus.STOPPED, "stopped", 1, Usage.NONE, null, "b", null);
  }

  private static List<String> messages(List<RunEvent> events) {
    synchronized (events) {
      return events.stream()
          .filter(RunEvent.Notice.class::isInstance)
          .map(e -> ((RunEvent.Notice) e).message())
          .toList();
    }
  }
}
