package dev.airlock.agent;

import java.time.Clock;
import java.time.Instant;

/** Stamps and delivers a run's events; the one place events leave the loop. */
final class RunEvents {
  private final RunListener listener;
  private final Clock clock;

  RunEvents(RunListener listener, Clock clock) {
    this.listener = listener;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  void emit(RunEvent event) {
    listener.onEvent(event);
  }
}
