package dev.airlock.lakehouse;

/**
 * Told about every operation, successful or not, on the thread that performed it. Must not throw
 * and must return quickly; the agent records these as a turn's data effects.
 */
@FunctionalInterface
public interface LakehouseListener {
  void onEvent(LakehouseEvent event);

  LakehouseListener NONE = event -> {};
}
