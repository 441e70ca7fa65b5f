package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.Decision;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.PolicyRules;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunOutcome;
import dev.airlock.agent.RunStatus;
import dev.airlock.agent.TurnRecord;
import dev.airlock.model.ChatMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rules file decides a scripted run's turns as written, each decision naming its rule. */
class PolicyRulesRunTest {
  @TempDir Path tmp;

  private static final String RULES =
      """
      rules:
        - name: no-pip
          when: {packages: any}
          then: reject
          message: nothing can be installed here, use the standard library
        - name: safe-code
          when: {risks: none}
          then: approve
        - name: big-writes
          when: {rows_written_over: 1000}
          then: ask
        - name: merges-into-main
          when: {merge_into: main}
          then: reject
          message: main is published by the nightly job only
      """;

  @Test
  void theRulesDecideEveryTurnAndMergeAsWrittenAndTheModelHearsWhy() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    Path rules = Files.writeString(tmp.resolve("rules.yaml"), RULES);
    String pip = "<reasoning>r</reasoning>\n<packages>requests</packages>\n<code>print(1)</code>";
    RunRequest request =
        f.request(
                f.script(
                    pip,
                    SessionFixture.loadOnBranch(),
                    "<done>loaded</done>",
                    "<done>still loaded</done>"),
                ApprovalPolicy.ASK,
                MergePolicy.ASK)
            .policy(rules)
            .build();
    RunSession session = f.open(request);
    RunOutcome outcome = session.start().get(120, TimeUnit.SECONDS);

    // Nobody was asked anything: the rules decided under "ask".
    assertThat(f.all(RunEvent.DecisionPending.class)).isEmpty();
    RunHistory h = RunHistory.read(session.transcript());
    assertThat(h.started().settings()).containsEntry(PolicyRules.SETTING, rules + " (4 rules)");
    List<TurnRecord> turns = h.turns();
    assertThat(turns.get(0).decision())
        .extracting(RunEvent.Decided::verdict, RunEvent.Decided::by)
        .containsExactly(Decision.Verdict.REJECT, "rule:no-pip");
    assertThat(turns.get(1).decision())
        .extracting(RunEvent.Decided::verdict, RunEvent.Decided::by)
        .containsExactly(Decision.Verdict.APPROVE, "rule:safe-code");
    List<ChatMessage> sent = turns.get(1).request().messages();
    assertThat(sent.get(sent.size() - 1).content())
        .contains("refused by the policy rule 'no-pip'")
        .contains("nothing can be installed here, use the standard library");
    // 3 rows are under big-writes' 1000: the next rule, merges-into-main, refuses the merge.
    assertThat(f.all(RunEvent.MergeDecided.class))
        .extracting(RunEvent.MergeDecided::approved, RunEvent.MergeDecided::by)
        .contains(tuple(false, "rule:merges-into-main"));
    assertThat(f.all(RunEvent.MergeDecided.class).get(0).reason())
        .contains("main is published by the nightly job only");
    assertThat(outcome.status()).isNotEqualTo(RunStatus.DONE);
  }

  @Test
  void theProjectsRulesFileIsUsedWhenTheRequestNamesNoneAndAnExplicitFileWins() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    Path project = Files.createDirectories(tmp.resolve(".airlock")).resolve("policy.yaml");
    Files.writeString(
        project, "rules:\n  - {name: all-code, when: {risks: none}, then: approve}\n");
    RunSession s1 =
        f.open(
            f.request(
                    f.script(SessionFixture.code("print(1)"), "<done>ok</done>"),
                    ApprovalPolicy.ASK,
                    MergePolicy.NEVER)
                .build());
    s1.start().get(60, TimeUnit.SECONDS);
    RunHistory h1 = RunHistory.read(s1.transcript());
    assertThat(h1.turns().get(0).decision().by()).isEqualTo("rule:all-code");
    assertThat(h1.started().settings().get(PolicyRules.SETTING)).contains(".airlock/policy.yaml");

    Path mine = Files.writeString(tmp.resolve("mine.yaml"), "rules: []\n");
    RunSession s2 =
        f.open(
            f.request(f.script("<done>ok</done>"), ApprovalPolicy.ASK, MergePolicy.NEVER)
                .policy(mine)
                .build());
    assertThat(s2.started().settings()).containsEntry(PolicyRules.SETTING, mine + " (0 rules)");
    s2.close();
  }

  @Test
  void aBadRulesFileStopsTheRunBeforeItStartsNamingTheFileTheRuleAndTheFix() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    Path bad =
        Files.writeString(
            tmp.resolve("bad.yaml"),
            "rules:\n  - {name: no-pip, when: {packages: any}, then: refuse}\n");
    RunRequest request =
        f.request(f.script("<done>ok</done>"), ApprovalPolicy.ASK, MergePolicy.NEVER)
            .policy(bad)
            .build();
    assertThatThrownBy(() -> f.launcher.open(request, line -> {}))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining(bad + ": rule 1 'no-pip': 'then' must be approve, ask or reject")
        .satisfies(
            e -> assertThat(((LaunchException) e).field()).isEqualTo(RunRequest.Field.POLICY));
    assertThat(tmp.resolve("data"))
        .satisfiesAnyOf(
            d -> assertThat(Files.exists(d.resolve("runs"))).isFalse(),
            d -> assertThat(Files.list(d.resolve("runs"))).isEmpty());
  }
}
