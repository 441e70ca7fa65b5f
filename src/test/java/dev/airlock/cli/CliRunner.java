package dev.airlock.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line as a user would, capturing what it prints (System.in is left as it is). */
final class CliRunner {
  private CliRunner() {}

  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int exit = Main.execute(args);
      return new Result(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** {@code prefix} (e.g. "lakehouse --home DIR") followed by {@code args}. */
  static Result run(String[] prefix, String... args) {
    String[] all = new String[prefix.length + args.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(args, 0, all, prefix.length, args.length);
    return run(all);
  }
}
