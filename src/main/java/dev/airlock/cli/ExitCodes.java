package dev.airlock.cli;

import picocli.CommandLine;

/** The exit codes every command uses. */
public final class ExitCodes {
  /** The agent finished (or the command did what it was asked). */
  public static final int OK = 0;

  /**
   * The run failed: turn cap, repeated format errors, rejected, stopped, its budget reached and not
   * extended; a check failed.
   */
  public static final int FAILED = 1;

  /** Usage or configuration error. */
  public static final int USAGE = 2;

  /** Infrastructure unavailable: model unreachable, no sandbox. */
  public static final int UNAVAILABLE = 3;

  private ExitCodes() {}

  static int forException(Throwable t) {
    return t instanceof CommandLine.ParameterException ? USAGE : FAILED;
  }
}
