package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.RunOutcome;
import dev.airlock.agent.RunStatus;
import dev.airlock.session.AirlockPaths;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunSession;
import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's view of a live run, driven by a real session, with a plain thread as UI thread. */
class RunViewModelTest {
  @TempDir Path tmp;
  private final ExecutorService ui = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopUi() {
    ui.shutdownNow();
  }

  private static String code(String python) {
    return "<reasoning>step</reasoning>\n<code>\n" + python + "\n</code>";
  }

  @Test
  void theTimelineAndTitleFollowTheRunAndSayWhenThePersonIsAwaited() throws Exception {
    Path raw = Files.createDirectories(tmp.resolve("raw"));
    Files.writeString(raw.resolve("orders.csv"), "id\n1\n");
    Path script = tmp.resolve("script.json");
    Files.writeString(
        script,
        Json.mapper()
            .writeValueAsString(
                List.of(
                    code("raise SystemExit(3)"),
                    code("for i in range(20000):\n    print(i, flush=True)"),
                    "<done>printed</done>")));
    Launcher launcher =
        new Launcher(
            new AirlockPaths(tmp.resolve("data"), tmp.resolve("config")),
            Map.of(),
            tmp,
            "tester",
            Clock.systemUTC());
    RunViewModel view = new RunViewModel();
    List<String> titles = new ArrayList<>();
    AtomicInteger batches = new AtomicInteger();
    AtomicInteger events = new AtomicInteger();
    try (RunSession session =
        launcher.open(
            RunRequest.builder("scripted:" + script)
                .approval(ApprovalPolicy.ASK)
                .merge(MergePolicy.NEVER)
                .raw(raw.toString())
                .build(),
            line -> {})) {
      session.subscribe(e -> events.incrementAndGet());
      session.subscribe(
          new EventBatcher(
              ui,
              batch -> {
                batches.incrementAndGet();
                view.apply(batch);
                titles.add(view.title());
                if (view.waiting() instanceof PendingApproval approval) {
                  approval.approve(); // the person approves from the UI thread
                }
              }));
      RunOutcome outcome = session.start().get(60, TimeUnit.SECONDS);
      ui.submit(() -> {}).get(10, TimeUnit.SECONDS);

      assertThat(outcome.status()).isEqualTo(RunStatus.DONE);
      assertThat(titles).anyMatch(t -> t.endsWith("waiting for you (code approval)"));
      assertThat(titles.get(titles.size() - 1)).isEqualTo("Airlock — " + session.runId());
      assertThat(view.timeline())
          .extracting(TurnRow::state)
          .containsExactly(TurnRow.State.FAILED, TurnRow.State.OK, TurnRow.State.DONE);
      assertThat(view.projection().turn(2).execution().stdout()).contains("19999");
      assertThat(batches.get()).isPositive().isLessThanOrEqualTo(events.get());
    }
  }
}
