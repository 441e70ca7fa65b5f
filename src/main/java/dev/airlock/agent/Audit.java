package dev.airlock.agent;

import dev.airlock.verify.Expectations;
import dev.airlock.verify.TimedReport;
import dev.airlock.verify.VerificationReport;
import dev.airlock.verify.Verifier;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the run's checks (the verifier with the run's expectations) on a ref. Every gate that
 * publishes or approves on the checks' word takes one: there is no "no audit". When the checks
 * cannot run, {@link #verify} throws, and the gates fail closed (nothing is approved on checks that
 * did not run). A ref that no longer exists throws the lakehouse's {@code REF_NOT_FOUND}.
 */
@FunctionalInterface
public interface Audit {
  VerificationReport verify(String ref);

  /**
   * As {@link #verify}, with how long it took; this default times the whole audit only (no
   * per-table times), an audit that knows its tables says more.
   */
  default TimedReport timed(String ref) {
    long start = System.nanoTime();
    VerificationReport report = verify(ref);
    return new TimedReport(report, Duration.ofNanos(System.nanoTime() - start), Map.of());
  }

  /** The run's checks: {@code verifier} with {@code expectations}, timing each table. */
  static Audit of(Verifier verifier, Expectations expectations) {
    return new Checks(verifier, expectations);
  }

  /** See {@link #of}. */
  record Checks(Verifier verifier, Expectations expectations) implements Audit {
    public Checks {
      Objects.requireNonNull(verifier, "verifier");
      Objects.requireNonNull(expectations, "expectations");
    }

    @Override
    public VerificationReport verify(String ref) {
      return verifier.verify(ref, expectations);
    }

    @Override
    public TimedReport timed(String ref) {
      return verifier.verifyTimed(ref, expectations);
    }
  }

  /**
   * An audit that can never run, saying why: the honest stand-in where no checks are available.
   * Merges under {@code auto-if-green} are refused and {@code auto-while-green} asks the human.
   */
  static Audit unavailable(String why) {
    return new Unavailable(why);
  }

  /** See {@link #unavailable}; a record so that a policy can tell "no checks" from "no tables". */
  record Unavailable(String why) implements Audit {
    public Unavailable {
      Objects.requireNonNull(why, "why");
    }

    @Override
    public VerificationReport verify(String ref) {
      throw new IllegalStateException("no checks are available: " + why);
    }
  }
}
