package dev.airlock.session;

/** A subscription to a run's events; cancel it to stop receiving them. */
@FunctionalInterface
public interface Subscription {
  void cancel();
}
