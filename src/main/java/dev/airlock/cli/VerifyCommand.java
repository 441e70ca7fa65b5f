package dev.airlock.cli;

import picocli.CommandLine.Command;

@Command(name = "verify")
public final class VerifyCommand implements Runnable {
  @Override
  public void run() {}
}
