package dev.airlock.ui.newrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunRequest.Field;
import dev.airlock.ui.settings.ConsoleSettings;
import dev.airlock.ui.settings.NewRunChoices.TaskKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewRunFormTest {
  private static final Path TEXT = Path.of("/cfg/new-run-task.md");

  private static NewRunForm form(String turns, String tokens, String usd, String minutes) {
    return form(turns, tokens, usd, minutes, "");
  }

  private static NewRunForm form(
      String turns, String tokens, String usd, String minutes, String price) {
    return new NewRunForm(
        TaskKind.PACKAGED,
        "",
        "",
        "/data/raw",
        "demo",
        "",
        price,
        ApprovalPolicy.RISKY,
        MergePolicy.NEVER,
        turns,
        "60",
        tokens,
        usd,
        minutes);
  }

  @Test
  void theFieldsMakeTheRequestTheCliWouldWithTheSettingsFolders() {
    ConsoleSettings settings =
        new ConsoleSettings(
            ApprovalPolicy.ASK,
            MergePolicy.ASK,
            300,
            2000,
            null,
            Path.of("/lake"),
            Path.of("/runs"),
            false,
            13,
            null);
    RunRequest r = form("5", "1000", "$0.50", "20", "1/2").request(settings, TEXT);
    assertThat(r.maxTurns()).isEqualTo(5);
    assertThat(r.execTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(r.outputBudget()).isEqualTo(2000);
    assertThat(r.runsDir()).isEqualTo(Path.of("/runs"));
    assertThat(r.lakehouseHome()).isEqualTo(Path.of("/lake"));
    assertThat(r.approval()).isEqualTo(ApprovalPolicy.RISKY);
    assertThat(r.budget().tokens()).isEqualTo(1000);
    assertThat(r.budget().usd()).isEqualTo(0.5);
    assertThat(r.budget().time()).isEqualTo(Duration.ofMinutes(20));
    assertThat(r.task()).isNull();
  }

  @Test
  void everyBadFieldIsNamedWithTheRunsOwnMessage() {
    Map<Field, String> problems =
        form("0", "abc", "", "-5").problems(ConsoleSettings.defaults(), TEXT);
    assertThat(problems)
        .containsEntry(Field.MAX_TURNS, "the turn cap must be at least 1, not 0")
        .containsEntry(Field.BUDGET, "the token budget must be at least 1 token, not 'abc'")
        .hasSize(2);
    assertThat(form("8", "", "abc", "").problems(ConsoleSettings.defaults(), TEXT))
        .containsExactly(
            Map.entry(
                Field.BUDGET,
                "the US dollar budget must be a positive amount such as 0.50, not abc"));
    assertThat(form("8", "", "0", "").problems(ConsoleSettings.defaults(), TEXT))
        .containsEntry(
            Field.BUDGET, "the US dollar budget must be a positive amount such as 0.50, not 0.0");
    assertThat(form("x", "", "", "").problems(ConsoleSettings.defaults(), TEXT))
        .containsEntry(Field.MAX_TURNS, "the turn cap must be at least 1, not 'x'");
    assertThatThrownBy(() -> form("8", "", "", "0").request(ConsoleSettings.defaults(), TEXT))
        .isInstanceOfSatisfying(
            RunRequest.Invalid.class, e -> assertThat(e.field()).isEqualTo(Field.BUDGET));
  }

  @Test
  void aTaskMustBeGivenWhenItIsNotThePackagedOne() {
    NewRunForm empty =
        new NewRunForm(
            TaskKind.TEXT,
            "",
            "  ",
            "",
            "demo",
            "",
            "",
            ApprovalPolicy.ASK,
            MergePolicy.ASK,
            "8",
            "300",
            "",
            "",
            "");
    assertThat(empty.problems(ConsoleSettings.defaults(), TEXT)).containsOnlyKeys(Field.TASK);
    NewRunForm text =
        new NewRunForm(
            TaskKind.TEXT,
            "",
            "Load it.",
            "",
            "demo",
            "",
            "",
            ApprovalPolicy.ASK,
            MergePolicy.ASK,
            "8",
            "300",
            "",
            "",
            "");
    assertThat(text.request(ConsoleSettings.defaults(), TEXT).task()).isEqualTo(TEXT);
  }

  @Test
  void theRememberedChoicesFillTheNextForm() {
    NewRunForm typed = form("5", "1000", "0.5", "20");
    ConsoleSettings settings = ConsoleSettings.defaults().withLastRun(typed.choices());
    assertThat(NewRunForm.from(settings, "")).isEqualTo(typed);
  }
}
