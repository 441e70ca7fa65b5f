package dev.airlock.cli;

import dev.airlock.agent.RunHistory;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.transcript.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs the command line as a user would: what they type, what it prints, what it left behind. */
public final class CliRunner {
  private CliRunner() {}

  public record Result(int exit, String out, String err) {
    /** The run's history, read from the transcript named in {@code --json} output. */
    RunHistory history() throws Exception {
      return RunHistory.read(Path.of(Json.mapper().readTree(out).get("transcript").asText()));
    }
  }

  /** Runs with {@code stdin} as what the user types. */
  static Result typing(InputStream stdin, String... args) {
    InputStream in = System.in;
    try {
      System.setIn(stdin);
      return run(args);
    } finally {
      System.setIn(in);
    }
  }

  public static Result typing(String keys, String... args) {
    return typing(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), args);
  }

  /** "name:rows" of every table on {@code ref} of the lakehouse at {@code home}, sorted. */
  static List<String> tables(Path home, String ref) {
    try (LocalLakehouse lake =
        new LocalLakehouse(home, MergeGate.rejectAll("read only"), null, null)) {
      return lake.tables(ref).stream().map(t -> t.name() + ":" + t.records()).sorted().toList();
    }
  }

  public static Result run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int exit = Main.execute(args);
      return new Result(
          exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
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
