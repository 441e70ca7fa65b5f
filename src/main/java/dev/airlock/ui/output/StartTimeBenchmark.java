package dev.airlock.ui.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times a window's start in a fresh JVM: the child runs with this JVM's java and class path, prints
 * {@code first-frame-ms N} ({@link FirstFrame}) and exits. A child that does not say it within the
 * timeout is killed, and the reason (its exit code, its last lines) comes back instead of a time.
 */
final class StartTimeBenchmark {
  /**
   * A child's first frame and its whole window's first frame, in milliseconds since its JVM
   * started, or why there are none.
   */
  record Sample(long firstFrameMs, long completeMs, String failure) {
    boolean ok() {
      return failure == null;
    }
  }

  private StartTimeBenchmark() {}

  /** The bare window's child command, with the JVM {@code flags} the console gets too. */
  static List<String> bareWindow(List<String> flags) {
    List<String> command = java(flags);
    command.add(BareWindow.class.getName());
    return command;
  }

  /** The console's child command: the recorded run {@code replay} opened read-only. */
  static List<String> console(Path replay, List<String> flags) {
    List<String> command = java(flags);
    command.add(1, "-D" + FirstFrame.EXIT_PROPERTY + "=true");
    command.add("dev.airlock.cli.Main");
    command.add("console");
    command.add("--replay");
    command.add(replay.toString());
    return command;
  }

  private static List<String> java(List<String> flags) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    return command;
  }

  /**
   * Makes the launcher's class-data-sharing archive the way the launcher does at the first console
   * start: one console start ({@code console}, not timed) that writes it when it exits. Returns the
   * sharing now in use, or {@code pending} unchanged with the reason in {@code problem}.
   */
  static ClassSharing makeArchive(
      ClassSharing pending, List<String> console, long timeoutSeconds, StringBuilder problem) {
    Path archive = pending.archive();
    Path partial = archive.resolveSibling(archive.getFileName() + ".bench");
    List<String> command = new ArrayList<>(console);
    command.addAll(1, ClassSharing.makeFlags(partial));
    Sample s = measure(command, timeoutSeconds);
    try {
      if (s.ok() && Files.isRegularFile(partial) && Files.size(partial) > 0) {
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        return new ClassSharing(archive, true);
      }
      problem.append(s.ok() ? "the JVM wrote no archive" : s.failure());
      Files.deleteIfExists(partial);
    } catch (IOException e) {
      problem.append("cannot write ").append(archive).append(": ").append(e.getMessage());
    }
    return pending;
  }

  /** Runs {@code command} once and reads its first frame's time. */
  static Sample measure(List<String> command, long timeoutSeconds) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Sample(-1, -1, "cannot start " + command.get(0) + ": " + e.getMessage());
    }
    Deque<String> lastLines = new ArrayDeque<>();
    long[] firstFrame = {-1};
    long[] complete = {-1};
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  String trimmed = line.strip();
                  if (trimmed.startsWith(FirstFrame.LINE_PREFIX) && firstFrame[0] < 0) {
                    firstFrame[0] = parse(trimmed.substring(FirstFrame.LINE_PREFIX.length()));
                  } else if (trimmed.startsWith(FirstFrame.COMPLETE_PREFIX) && complete[0] < 0) {
                    complete[0] = parse(trimmed.substring(FirstFrame.COMPLETE_PREFIX.length()));
                  } else if (!trimmed.isEmpty()) {
                    synchronized (lastLines) {
                      lastLines.addLast(trimmed);
                      if (lastLines.size() > 3) {
                        lastLines.removeFirst();
                      }
                    }
                  }
                }
              } catch (IOException e) {
                // The child was killed: what it printed so far is all there is.
              }
            },
            "bench-child-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        reader.join(2_000);
        if (firstFrame[0] >= 0 && complete[0] >= 0) {
          return new Sample(firstFrame[0], complete[0], null); // it drew its frame, did not exit
        }
        return new Sample(
            -1,
            -1,
            "no first frame within "
                + timeoutSeconds
                + " s; the window was killed"
                + lastWords(lastLines));
      }
      reader.join(2_000);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Sample(-1, -1, "interrupted");
    }
    if (firstFrame[0] >= 0 && complete[0] >= 0) {
      return new Sample(firstFrame[0], complete[0], null);
    }
    return new Sample(
        -1,
        -1,
        "it exited with status "
            + process.exitValue()
            + " without printing '"
            + FirstFrame.COMPLETE_PREFIX
            + "N'"
            + lastWords(lastLines));
  }

  private static String lastWords(Deque<String> lines) {
    synchronized (lines) {
      return lines.isEmpty() ? "" : "; its last output: " + String.join(" | ", lines);
    }
  }

  private static long parse(String number) {
    try {
      return Long.parseLong(number.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
