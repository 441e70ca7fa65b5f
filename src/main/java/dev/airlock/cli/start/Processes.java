package dev.airlock.cli.start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Times whole processes: from start to exit, output read as it comes, a failure named. */
final class Processes {
  private Processes() {}

  /** Runs {@code command} to its end; returns the nanoseconds it took, or fails with its output. */
  static long time(List<String> command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    int exit = p.waitFor();
    long nanos = System.nanoTime() - start;
    if (exit != 0) {
      throw new IOException(
          String.join(" ", command)
              + " exited "
              + exit
              + ": "
              + new String(output, StandardCharsets.UTF_8).strip());
    }
    return nanos;
  }

  /**
   * The java a baseline runs with: the one the launcher starts ({@code $JAVA}, else {@code java} on
   * the PATH), or the one the airlock command names when it starts java itself.
   */
  static String java(List<String> airlockCommand) {
    String first = airlockCommand.get(0);
    if (Path.of(first).getFileName().toString().equals("java")) {
      return first;
    }
    String java = System.getenv("JAVA");
    return java == null || java.isBlank() ? "java" : java;
  }

  /** {@code base} followed by {@code args}. */
  static List<String> with(List<String> base, String... args) {
    List<String> command = new ArrayList<>(base);
    command.addAll(List.of(args));
    return command;
  }
}
