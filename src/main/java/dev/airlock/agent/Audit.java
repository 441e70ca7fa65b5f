package dev.airlock.agent;

import dev.airlock.verify.VerificationReport;

/** Runs the run's checks (the verifier with the run's expectations) on a ref. */
@FunctionalInterface
public interface Audit {
  VerificationReport verify(String ref);
}
