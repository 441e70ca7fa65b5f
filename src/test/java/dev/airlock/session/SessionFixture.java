package dev.airlock.session;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.RunEvent;
import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs sessions the way a face does, on scratch folders, with a tiny raw CSV. */
final class SessionFixture {
  final Path root;
  final Path raw;
  final Launcher launcher;
  final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
  final BlockingQueue<RunEvent> arrivals = new LinkedBlockingQueue<>();

  SessionFixture(Path root) throws Exception {
    this.root = root;
    this.raw = Files.createDirectories(root.resolve("raw"));
    Files.writeString(raw.resolve("orders.csv"), "id,amount\n1,10.5\n2,20.0\n3,7.25\n");
    AirlockPaths paths = new AirlockPaths(root.resolve("data"), root.resolve("config"));
    this.launcher = new Launcher(paths, Map.of(), root, "tester", Clock.systemUTC());
  }

  /** A scripted model answering {@code responses} in order. */
  String script(String... responses) throws Exception {
    Path file = root.resolve("script-" + System.nanoTime() + ".json");
    Files.writeString(file, Json.mapper().writeValueAsString(List.of(responses)));
    return "scripted:" + file;
  }

  RunRequest.Builder request(String model, ApprovalPolicy approval, MergePolicy merge) {
    return RunRequest.builder(model)
        .approval(approval)
        .merge(merge)
        .raw(raw.toString())
        .maxTurns(4);
  }

  RunSession open(RunRequest request) throws LaunchException {
    RunSession session = launcher.open(request, line -> {});
    session.subscribe(
        e -> {
          events.add(e);
          arrivals.add(e);
        });
    return session;
  }

  /** Waits (up to 60 s) for the first event of {@code type} to arrive. */
  <T extends RunEvent> T await(Class<T> type) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      RunEvent e = arrivals.poll(100, TimeUnit.MILLISECONDS);
      if (type.isInstance(e)) {
        return type.cast(e);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " within 60 s; events: " + events);
  }

  <T extends RunEvent> List<T> all(Class<T> type) {
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  static String code(String python) {
    return "<reasoning>step</reasoning>\n<code>\n" + python + "\n</code>";
  }

  /** Code that writes a table on the run's branch (so it differs from main). */
  static String loadOnBranch() {
    return code(
        """
        import bauplan
        c = bauplan.Client()
        c.create_branch("{{branch}}", from_ref="main", if_not_exists=True)
        c.create_namespace("bauplan", branch="{{branch}}", if_not_exists=True)
        c.create_table(table="orders", search_uri="/raw/orders.csv", branch="{{branch}}", replace=True)
        s = c.import_data(table="orders", search_uri="/raw/orders.csv", branch="{{branch}}")
        print("imported", s.job_status)""");
  }
}
