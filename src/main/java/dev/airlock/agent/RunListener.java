package dev.airlock.agent;

/**
 * Receives a run's events. A subscriber of a session ({@code RunSession.subscribe}) gets every
 * event in the run's one order, one at a time, on the session's event thread ({@code
 * airlock-events-RUN}); it must return quickly and never wait for a person there (a face hands
 * prompts and screen updates to its own thread). Inside the engine, parts emit from the thread they
 * work on (the run's worker, a gateway connection, a sandbox output pump) into the session's
 * stream, which orders them.
 */
@FunctionalInterface
public interface RunListener {
  void onEvent(RunEvent event);
}
