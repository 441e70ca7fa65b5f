package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.MergeRequest;
import dev.airlock.lakehouse.Ref;
import dev.airlock.lakehouse.RefDiff;
import dev.airlock.lakehouse.WriteContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which gate reviews a merge into main on a lakehouse that runs and commands share. */
class RoutingGateTest {
  private final RoutingGate routing = new RoutingGate();
  private final List<String> heard = new ArrayList<>();

  @Test
  void aMergeForARunGoesToThatRunsGateOnly() {
    routing.forRun("run-a", gate("a", true));
    routing.forRun("run-b", gate("b", false));
    routing.outsideRuns(gate("cli", true));

    assertThat(routing.reviewMerge(request("run-a")).approved()).isTrue();
    assertThat(routing.reviewMerge(request("run-b"))).isEqualTo(MergeDecision.reject("b says no"));
    assertThat(heard).containsExactly("a", "b");
  }

  @Test
  void aRunWithNoGateHereIsRefusedEvenWhenACommandHoldsTheLakehouse() {
    routing.outsideRuns(gate("cli", true));

    MergeDecision decision = routing.reviewMerge(request("run-x"));

    assertThat(decision.approved()).isFalse();
    assertThat(decision.reason()).contains("run-x", "not running here");
    assertThat(heard).isEmpty();
  }

  @Test
  void mergesOutsideRunsGoToTheLatestCommandsGateAndWithNoneAreRefused() {
    assertThat(routing.reviewMerge(request(null)).approved()).isFalse();
    assertThat(routing.reviewMerge(request(null)).reason()).contains("nobody reviews");
    assertThat(routing.reviewMerge(new MergeRequest(null, null, null, null)).approved()).isFalse();

    RoutingGate.Route first = routing.outsideRuns(gate("first", true));
    RoutingGate.Route second = routing.outsideRuns(gate("second", true));
    routing.forRun("run-a", gate("a", true));
    routing.reviewMerge(request(null));
    second.close();
    routing.reviewMerge(request(null));
    first.close();

    assertThat(routing.reviewMerge(request(null)).approved()).isFalse();
    assertThat(heard).containsExactly("second", "first");
  }

  @Test
  void closingARunsRouteRemovesItsGateAndOnlyItsOwn() {
    RoutingGate.Route old = routing.forRun("run-a", gate("old", true));
    assertThatThrownBy(() -> routing.forRun("run-a", gate("twin", true)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("run-a");
    old.close();
    assertThat(routing.reviewMerge(request("run-a")).approved()).isFalse();

    routing.forRun("run-a", gate("new", true));
    old.close(); // a stale route closed twice leaves the new gate alone
    assertThat(routing.reviewMerge(request("run-a")).approved()).isTrue();
    assertThat(heard).containsExactly("new");
  }

  private MergeGate gate(String name, boolean approve) {
    return request -> {
      heard.add(name);
      return approve ? MergeDecision.approve() : MergeDecision.reject(name + " says no");
    };
  }

  private static MergeRequest request(String runId) {
    WriteContext context =
        runId == null ? WriteContext.user("bob") : WriteContext.run("bob", runId, 1);
    return new MergeRequest(null, null, null, context);
  }

  private static MergeRequest outsideRunsRequest() {
    Ref source = Ref.branch("alice.fix", "a1");
    Ref main = Ref.branch("main", "b2");
    return new MergeRequest(
        source, main, new RefDiff(main, source, List.of()), WriteContext.user("alice"));
  }

  @Test
  void closingOneHoldersRouteTwiceLeavesAnotherHoldersRouteOfTheSameGate() {
    RoutingGate routing = new RoutingGate();
    MergeGate terminal = request -> MergeDecision.approve();
    RoutingGate.Route first = routing.outsideRuns(terminal);
    try (RoutingGate.Route second = routing.outsideRuns(terminal)) {
      first.close();
      first.close();
      assertThat(routing.reviewMerge(outsideRunsRequest()).approved()).isTrue();
    }
    assertThat(routing.reviewMerge(outsideRunsRequest()).approved()).isFalse();
  }
}
