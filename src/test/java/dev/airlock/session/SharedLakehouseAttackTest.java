package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.PendingMerge;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunStatus;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's code against a lakehouse its run shares with other holders in the process. */
class SharedLakehouseAttackTest {
  @TempDir Path tmp;

  /**
   * Code that leaves a request behind its execution: the request's line is unfinished when the code
   * exits, and the connection stays open because its descriptor waits, unread, behind a merge into
   * main on a second connection. Once the supervisor answers that merge, the gateway drops the
   * second connection, the first one ends, and its request is read: after the execution.
   */
  private static String requestLeftBehind() {
    return SessionFixture.code(
        """
        import bauplan, json, os, socket, time
        c = bauplan.Client()
        c.create_branch("{{branch}}", from_ref="main", if_not_exists=True)
        c.create_table(table="orders", search_uri="/raw/orders.csv", branch="{{branch}}", replace=True)
        c.import_data(table="orders", search_uri="/raw/orders.csv", branch="{{branch}}")
        merge = {"source_ref": "{{branch}}", "into_branch": "main"}
        late = socket.socket(socket.AF_UNIX)
        late.connect(os.environ["AIRLOCK_GATEWAY"])
        late.sendall(json.dumps({"id": 2, "method": "merge_branch", "params": merge}).encode())
        held = socket.socket(socket.AF_UNIX)
        held.connect(os.environ["AIRLOCK_GATEWAY"])
        held.sendall((json.dumps({"id": 1, "method": "merge_branch", "params": merge}) + "\\n").encode())
        time.sleep(0.5)
        socket.send_fds(held, [b" "], [late.fileno()])
        os._exit(0)""");
  }

  @Test
  void aRequestLeftBehindByItsExecutionReachesNoOtherGate() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    Path home = f.launcher.paths().lakehouse();
    AtomicInteger othersAsked = new AtomicInteger();
    MergeGate approvesAll =
        request -> {
          othersAsked.incrementAndGet();
          return MergeDecision.approve();
        };
    // A command at the terminal (lakehouse merge --yes) holds the lakehouse in the same process.
    try (Lakehouses.Lease command = Lakehouses.open(home);
        RoutingGate.Route route = command.gate().outsideRuns(approvesAll)) {
      RunSession session =
          f.open(
              f.request(
                      f.script(
                          requestLeftBehind(), SessionFixture.code("print(2)"), "<done>x</done>"),
                      ApprovalPolicy.ASK,
                      MergePolicy.ASK)
                  .build());
      session.start();
      ((PendingApproval) f.await(RunEvent.DecisionPending.class).decision()).approve();
      // The first merge waits for the supervisor until the execution is over (the run then waits
      // for the approval of turn 2's code).
      PendingMerge first = null;
      PendingApproval turn2 = null;
      while (first == null || turn2 == null) {
        RunEvent.DecisionPending pending = f.await(RunEvent.DecisionPending.class);
        if (pending.decision() instanceof PendingMerge merge) {
          first = merge;
        } else {
          turn2 = (PendingApproval) pending.decision();
        }
      }
      // Answering the first merge ends its connection, and with it the one holding the request left
      // behind: the gateway would now read that request, outside any execution of the run.
      first.rejectToAgent("not now");
      awaitCall(f, "merge_branch");
      turn2.approve();
      awaitExecutionOf(f, 2);
      session.stop("done attacking");
      session.outcome().get(30, TimeUnit.SECONDS);

      assertThat(othersAsked).hasValue(0);
      assertThat(command.lakehouse().tables("main")).isEmpty();
      // The merge turn 1 made while it ran was reviewed by the run; the one left behind was never
      // served, or (its connection accepted only after the execution ended) refused in no run's
      // name; never in turn 2's.
      assertThat(f.all(RunEvent.LakehouseCall.class))
          .filteredOn(call -> call.method().equals("merge_branch"))
          .noneMatch(RunEvent.LakehouseCall::ok)
          .allSatisfy(
              call ->
                  assertThat(call.turn() == 1 || "FORBIDDEN".equals(call.errorType()))
                      .as(call.toString())
                      .isTrue())
          .anySatisfy(call -> assertThat(call.turn()).isEqualTo(1));
    }
  }

  private static void awaitCall(SessionFixture f, String method) throws Exception {
    while (!f.await(RunEvent.LakehouseCall.class).method().equals(method)) {
      // an earlier call
    }
  }

  private static void awaitExecutionOf(SessionFixture f, int turn) throws Exception {
    while (f.await(RunEvent.ExecutionFinished.class).turn() != turn) {
      // an earlier turn's
    }
  }

  @Test
  void everyLeaseALaunchTakesIsReturnedAndEverySpellingOfAHomeIsOneLakehouse() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    Path home = f.launcher.paths().lakehouse();
    LocalLakehouse first;
    try (Lakehouses.Lease held = Lakehouses.open(home)) {
      first = held.lakehouse();
      Path link = Files.createSymbolicLink(f.root.resolve("link"), home);
      try (Lakehouses.Lease linked = Lakehouses.open(link);
          Lakehouses.Lease slashed = Lakehouses.open(Path.of(home + "/"))) {
        assertThat(linked.lakehouse()).isSameAs(first);
        assertThat(slashed.lakehouse()).isSameAs(first);
      }
      // A session opened and closed without starting.
      f.open(f.request(f.script("<done>x</done>"), ApprovalPolicy.AUTO, MergePolicy.NEVER).build())
          .close();
      // A launch that fails after taking its lease: raw data holding the sandbox's folders.
      Path sandboxes = Files.createDirectories(RunBackends.sandboxFolders(f.launcher.paths()));
      assertThatThrownBy(
              () ->
                  f.launcher.open(
                      f.request(f.script("<done>x</done>"), ApprovalPolicy.AUTO, MergePolicy.NEVER)
                          .raw(sandboxes.toString())
                          .build(),
                      line -> {}))
          .isInstanceOf(LaunchException.class)
          .hasMessageContaining("can write");
      // A run that ends.
      RunSession done =
          f.open(
              f.request(
                      f.script(SessionFixture.code("print(1)"), "<done>x</done>"),
                      ApprovalPolicy.AUTO,
                      MergePolicy.NEVER)
                  .build());
      assertThat(done.start().get(60, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.DONE);
      done.close();
      done.close();
      assertThat(first.branches(null)).isNotEmpty(); // still open for its holder
    }
    try (Lakehouses.Lease again = Lakehouses.open(home)) {
      assertThat(again.lakehouse()).isNotSameAs(first);
    }
  }
}
