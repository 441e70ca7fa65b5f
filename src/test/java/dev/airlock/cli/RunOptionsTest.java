package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.session.RunRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The run options any command can mix in, and the request they describe. */
class RunOptionsTest {
  @Command(name = "any")
  static final class AnyCommand {
    @Mixin RunOptions options;
  }

  private static RunRequest request(String... args) {
    AnyCommand command = new AnyCommand();
    new CommandLine(command).parseArgs(args);
    return command.options.request();
  }

  @Test
  void theDefaultsAreTheRequestsDefaults() {
    RunRequest fromFlags = request("--model", "scripted:a.json");
    assertThat(fromFlags).isEqualTo(RunRequest.builder("scripted:a.json").build());
  }

  @Test
  void everyFlagLandsInTheRequest() {
    RunRequest r =
        request(
            "--model=openai-compatible:m",
            "--base-url=http://127.0.0.1:1/v1",
            "--approve=auto-while-green",
            "--merge=never",
            "--max-turns=3",
            "--raw=/data",
            "--allow-source=s3://b/p/",
            "--exec-timeout=9",
            "--output-budget=500",
            "--pass-env=HOME",
            "--home=/h",
            "--runs-dir=/r",
            "--python=/usr/bin/python3",
            "--unsafe-no-isolation");
    assertThat(r.approval()).isEqualTo(ApprovalPolicy.AUTO_WHILE_GREEN);
    assertThat(r.merge()).isEqualTo(MergePolicy.NEVER);
    assertThat(r.maxTurns()).isEqualTo(3);
    assertThat(r.execTimeout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(r.outputBudget()).isEqualTo(500);
    assertThat(r.allowSources()).containsExactly("s3://b/p/");
    assertThat(r.passEnv()).containsExactly("HOME");
    assertThat(r.lakehouseHome()).isEqualTo(Path.of("/h"));
    assertThat(r.runsDir()).isEqualTo(Path.of("/r"));
    assertThat(r.unsafeNoIsolation()).isTrue();
  }

  @Test
  void aBadPolicyIsReportedAgainstItsField() {
    assertThatThrownBy(() -> request("--model", "scripted:a.json", "--merge", "sometimes"))
        .isInstanceOfSatisfying(
            RunRequest.Invalid.class, e -> assertThat(e.field()).isEqualTo(RunRequest.Field.MERGE))
        .hasMessageContaining("ask, auto-if-green or never");
  }
}
