package dev.airlock.ui.merge;

import dev.airlock.agent.Audit;
import dev.airlock.agent.Decision;
import dev.airlock.agent.HumanSeat;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.PendingMerge;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunJournal;
import dev.airlock.agent.RunMergeGate;
import dev.airlock.agent.TablePreviews;
import dev.airlock.lakehouse.LakehouseEvent;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.model.Usage;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.ExpectationsLoader;
import dev.airlock.verify.SourceRowCounter;
import dev.airlock.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real merge waiting at the gate: a lakehouse on disk, the run's merge gate with the verifier and
 * a human seat, and a merge of a run branch into main (two tables: payments added with a duplicate
 * ID, merchants changed with a new column) blocked on the seat's question. The dialog answers the
 * very {@link PendingMerge} the engine waits on; {@link #merged} says what the merge did.
 */
final class MergeFixture implements AutoCloseable {
  static final String BRANCH = "alice.airlock_20261128_050000";
  private static final Instant NOW = Instant.parse("2026-11-28T05:00:00Z");
  private static final String EXPECTATIONS =
      """
      tables:
        payments: {id_columns: [payment_id]}
      checks:
        - name: amounts_positive
          sql: SELECT payment_id, amount FROM payments WHERE amount <= 0
      """;

  final LocalLakehouse lake;
  private final Path raw;
  private final RunJournal journal = new RunJournal();
  private final BlockingQueue<PendingMerge> asked = new LinkedBlockingQueue<>();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private RunMergeGate gate;

  /** Completes when the merge into main returns (true) or is refused (false). */
  final CompletableFuture<Boolean> merged = new CompletableFuture<>();

  final PendingMerge pending;

  MergeFixture(Path dir) throws Exception {
    raw = Files.createDirectories(dir.resolve("raw"));
    lake = new LocalLakehouse(dir.resolve("lake"), r -> gate.reviewMerge(r), null, this::wrote);
    Expectations expectations = ExpectationsLoader.parse(EXPECTATIONS, "test", false);
    HumanSeat seat = new HumanSeat("human:alice", this::onEvent, clock);
    gate =
        new RunMergeGate(
            MergePolicy.ASK,
            seat,
            journal,
            Audit.of(new Verifier(lake, new SourceRowCounter(null)), expectations),
            new TablePreviews(lake),
            this::onEvent,
            clock);

    lake.createBranch("seed", "main");
    load(
        "merchants",
        "merchant_id,name,city\nm1,Corner Bakery,Rome\nm2,Blue Bikes,Milan\nm3,Ferro,Turin\n",
        "seed",
        WriteContext.run("agent", "seed", 1));
    CompletableFuture<Void> seeded =
        CompletableFuture.runAsync(() -> lake.merge("seed", "main", WriteContext.user("setup")));
    asked.poll(60, TimeUnit.SECONDS).approve();
    seeded.get(60, TimeUnit.SECONDS);

    lake.createBranch(BRANCH, "main");
    WriteContext turn1 = WriteContext.run("agent", "run-1", 1);
    WriteContext turn2 = WriteContext.run("agent", "run-1", 2);
    load(
        "payments",
        "payment_id,merchant_id,amount,currency,note\n"
            + "p-1001,m1,12.50,EUR,coffee and a croissant\n"
            + "p-1002,m2,240.00,EUR,bike service\n"
            + "p-1002,m2,240.00,EUR,bike service (sent twice)\n"
            + "p-1004,m3,8.90,EUR,\n"
            + "p-1005,m1,3.20,EUR,"
            + "espresso; the customer asked for a receipt with the full address ".repeat(6)
            + "\n"
            + "p-1006,m4,99.99,USD,books\n"
            + "p-1007,m5,15.00,EUR,lunch\n",
        BRANCH,
        turn1);
    replace(
        "merchants",
        "merchant_id,name,city,country\nm1,Corner Bakery,Rome,IT\nm2,Blue Bikes,Milan,IT\n"
            + "m3,Ferro,Turin,IT\nm4,Harbor Books,Boston,US\nm5,Green Table,Lyon,FR\n",
        BRANCH,
        turn2);
    StringBuilder rates = new StringBuilder("day");
    String[] currencies = {
      "usd", "gbp", "chf", "sek", "nok", "dkk", "pln", "czk", "huf", "ron", "jpy", "cad", "aud"
    };
    for (String c : currencies) {
      rates.append(",eur_").append(c);
    }
    for (int day = 1; day <= 8; day++) {
      rates.append("\n2026-11-0").append(day);
      for (int i = 0; i < currencies.length; i++) {
        rates.append(',').append(String.format(Locale.ROOT, "%.4f", 1 + i * 0.37 + day * 0.001));
      }
    }
    load("fx_rates", rates + "\n", BRANCH, turn1);
    journal.onEvent(decided(1, Decision.Verdict.APPROVE, "policy:auto", "3f9a1c"));
    journal.onEvent(decided(2, Decision.Verdict.APPROVE_EDITED, "human:alice", "b07e42"));
    journal.onEvent(
        new RunEvent.ModelResponded(
            2, NOW, "<code>pass</code>", new Usage(11_842, 1_305), 0.0418, 10, 1, "stop"));

    CompletableFuture.runAsync(
        () -> {
          try {
            lake.merge(BRANCH, "main", turn2);
            merged.complete(true);
          } catch (RuntimeException e) {
            merged.complete(false);
          }
        });
    pending = asked.poll(60, TimeUnit.SECONDS);
    if (pending == null) {
      throw new IllegalStateException("the merge never reached the gate");
    }
  }

  private static RunEvent.Decided decided(
      int turn, Decision.Verdict verdict, String by, String shaStart) {
    String sha = (shaStart + "0123456789abcdef".repeat(4)).substring(0, 64);
    return new RunEvent.Decided(turn, NOW, verdict, by, "code", "code", sha, null, null);
  }

  private void onEvent(RunEvent e) {
    if (e instanceof RunEvent.DecisionPending p && p.decision() instanceof PendingMerge m) {
      asked.add(m);
    }
  }

  private void wrote(LakehouseEvent e) {
    RunEvent.DataChanged change = RunEvent.DataChanged.of(e, NOW);
    if (change != null) {
      journal.onEvent(change);
    }
  }

  private void load(String table, String text, String branch, WriteContext context)
      throws Exception {
    String file = Files.writeString(raw.resolve(table + "_" + branch + ".csv"), text).toString();
    lake.createTable(table, file, branch, false, context);
    lake.importData(table, file, branch, context);
  }

  private void replace(String table, String text, String branch, WriteContext context)
      throws Exception {
    String file = Files.writeString(raw.resolve(table + "_" + branch + "_r.csv"), text).toString();
    lake.createTable(table, file, branch, true, context);
    lake.importData(table, file, branch, context);
  }

  @Override
  public void close() {
    if (!pending.answer().isDone()) {
      pending.unanswered("the test ended");
    }
    merged.join();
    lake.close();
  }
}
