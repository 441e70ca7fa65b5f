package dev.airlock.verify;

/** A check's outcome: ERROR means the check itself could not run (not that the data is wrong). */
public enum Verdict {
  PASS,
  FAIL,
  ERROR
}
