package dev.airlock.ui;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.airlock.demo.DemoDataGenerator;
import dev.airlock.demo.DemoDataOptions;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.session.AirlockPaths;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.transcript.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Runs for the console tests: a launcher on scratch folders, scripted models, demo data. */
final class ConsoleRuns {
  /** The person at the seat; decisions made in the console are recorded as "human:tester". */
  static final String USER = "tester";

  private ConsoleRuns() {}

  /** A launcher whose data home, config and working folder are all under {@code dir}. */
  static Launcher launcher(Path dir) {
    return new Launcher(
        new AirlockPaths(dir.resolve("data"), dir.resolve("config")),
        Map.of(),
        dir,
        USER,
        Clock.systemUTC());
  }

  /** A scripted model answering {@code responses} in order: "scripted:FILE". */
  static String script(Path dir, List<String> responses) throws Exception {
    Path file = dir.resolve("script.json");
    Files.writeString(file, Json.mapper().writeValueAsString(responses));
    return "scripted:" + file;
  }

  /**
   * The packaged demo session's answers: [0] imports without branch= (fails), [1] loads, audits and
   * merges into main, [2] claims done.
   */
  static List<String> demoAnswers() throws Exception {
    try (InputStream in =
        ConsoleRuns.class.getResourceAsStream("/dev/airlock/model/demo-model.json")) {
      return Json.mapper().readValue(in, new TypeReference<List<String>>() {});
    }
  }

  /**
   * Opens the console on a run of the scripted {@code responses} over a one-row raw table, with a
   * turn cap of {@code maxTurns}.
   */
  static ConsoleProbe openScripted(Path dir, int maxTurns, List<String> responses)
      throws Exception {
    String model = script(dir, responses);
    Path raw = Files.createDirectories(dir.resolve("raw"));
    Files.writeString(raw.resolve("orders.csv"), "id\n1\n");
    RunRequest request = RunRequest.builder(model).raw(raw.toString()).maxTurns(maxTurns).build();
    return ConsoleProbe.open(ConsoleStart.live(launcher(dir), request));
  }

  static String code(String python) {
    return "<reasoning>step</reasoning>\n<code>\n" + python + "\n</code>";
  }

  /** A small generated demo dataset (the demo's five tables) in {@code dir}. */
  static Path demoRaw(Path dir, long rows) throws Exception {
    Path raw = Files.createDirectories(dir.resolve("raw"));
    new DemoDataGenerator().generate(raw, DemoDataOptions.defaults().withRows(rows));
    return raw;
  }

  /** "name:rows" of every table on {@code ref} of {@code launcher}'s lakehouse, sorted. */
  static List<String> tables(Launcher launcher, String ref) {
    try (LocalLakehouse lake =
        new LocalLakehouse(
            launcher.paths().lakehouse(), MergeGate.rejectAll("read only"), null, null)) {
      return lake.tables(ref).stream().map(t -> t.name() + ":" + t.records()).sorted().toList();
    }
  }
}
