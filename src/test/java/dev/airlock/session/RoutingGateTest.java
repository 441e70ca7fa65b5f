package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.MergeRequest;
import dev.airlock.lakehouse.Ref;
import dev.airlock.lakehouse.RefDiff;
import dev.airlock.lakehouse.WriteContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingGateTest {
  private static MergeRequest outsideRuns() {
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
      assertThat(routing.reviewMerge(outsideRuns()).approved()).isTrue();
    }
    assertThat(routing.reviewMerge(outsideRuns()).approved()).isFalse();
  }
}
