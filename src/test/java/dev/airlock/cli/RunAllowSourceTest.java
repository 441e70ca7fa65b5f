package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.source.FakeS3Server;
import dev.airlock.transcript.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hole 4 of issue 7 from the command line: `airlock run` in its own process (so the S3 endpoint
 * comes from AIRLOCK_S3_ENDPOINT, as for a user), the agent's code in the real sandbox, and a
 * loopback S3 that records every request the host makes with its credentials.
 */
class RunAllowSourceTest {
  @TempDir Path dir;

  private static final String PROBE =
      """
      <reasoning>probe</reasoning><code>
      import bauplan
      c = bauplan.Client()
      b = c.info().user.username + ".probe"
      c.create_branch(b, "main")
      for uri in ["s3://attacker-bucket/exfil_fees_1000.csv", "s3://raw-bucket-evil/dabstep/fees.csv",
                  "s3://raw-bucket/dabstep/../../attacker-bucket/exfil_fees_1000.csv",
                  "s3://raw-bucket/dabstep/fees.csv", "s3://shared-refdata/fx/rates.csv"]:
          try:
              c.create_table("t", uri, branch=b, replace=True)
              print("PROBE OK", uri)
          except Exception as e:
              print("PROBE REFUSED", uri, type(e).__name__, e)
      </code>""";

  @Test
  void theCodeReachesOnlyTheRawPrefixAndAllowedSources() throws Exception {
    try (FakeS3Server s3 = new FakeS3Server()) {
      for (String bucket : List.of("raw-bucket", "raw-bucket-evil")) {
        s3.put(bucket, "dabstep/fees.csv", "id,fee\n1,0.5\n");
      }
      s3.put("attacker-bucket", "exfil_fees_1000.csv", "id\n1\n");
      s3.put("shared-refdata", "fx/rates.csv", "ccy,rate\nEUR,1.1\n");
      Path script = dir.resolve("script.json");
      Files.writeString(
          script, Json.mapper().writeValueAsString(List.of(PROBE, "<done>probed</done>")));

      Process process =
          airlock(
              s3,
              "run",
              "--model",
              "scripted:" + script,
              "--approve",
              "auto",
              "--merge",
              "never",
              "--raw",
              "s3://raw-bucket/dabstep/",
              "--allow-source",
              "s3://shared-refdata/fx/",
              "--home",
              dir.resolve("home").toString(),
              "--runs-dir",
              dir.resolve("runs").toString(),
              "--json");
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
      String transcript =
          Files.readString(Path.of(Json.mapper().readTree(out).get("transcript").asText()));

      assertThat(transcript)
          .contains(
              "PROBE REFUSED s3://attacker-bucket/exfil_fees_1000.csv TableCreatePlanStatusError")
          .contains(
              "PROBE REFUSED s3://raw-bucket-evil/dabstep/fees.csv TableCreatePlanStatusError")
          .contains(
              "PROBE REFUSED s3://raw-bucket/dabstep/../../attacker-bucket/exfil_fees_1000.csv")
          .contains("Allowed remote sources: s3://raw-bucket/dabstep/, s3://shared-refdata/fx/")
          .contains(
              "PROBE OK s3://raw-bucket/dabstep/fees.csv",
              "PROBE OK s3://shared-refdata/fx/rates.csv")
          .contains("\"allowed_sources\":\"s3://raw-bucket/dabstep/,s3://shared-refdata/fx/\"");
      assertThat(s3.requests())
          .extracting(FakeS3Server.Seen::path)
          .contains("/raw-bucket/dabstep/fees.csv", "/shared-refdata/fx/rates.csv")
          .noneMatch(path -> path.contains("attacker") || path.contains("evil"));
    }
  }

  @Test
  void anAllowSourceThatIsNotAnS3PrefixIsAUsageError() {
    for (String bad :
        List.of("https://example.com/data/", "s3://bucket/../other/", "s3://bucket/data/*.csv")) {
      CliRunner.Result r =
          CliRunner.run(
              "run",
              "--model",
              "scripted:/nonexistent.json",
              "--approve",
              "auto",
              "--raw",
              "s3://raw-bucket/dabstep/",
              "--allow-source",
              bad,
              "--runs-dir",
              dir.resolve("runs").toString());

      assertThat(r.exit()).as(bad).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .as(bad)
          .contains("--allow-source: '" + bad + "'", "only s3:// prefixes can be allowed");
    }
  }

  /**
   * `airlock ARGS` as a separate process: the environment is the user's, the S3 is loopback; the
   * live log goes to stderr.txt.
   */
  private Process airlock(FakeS3Server s3, String... args) throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectError(dir.resolve("stderr.txt").toFile());
    builder.environment().put("HOME", dir.resolve("user").toString());
    builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
    builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    builder.environment().put("AIRLOCK_S3_ENDPOINT", s3.endpoint().toString());
    builder.environment().put("AWS_REGION", "eu-west-1");
    builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDHOST");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "host-secret");
    builder.environment().remove("AWS_PROFILE");
    return builder.start();
  }
}
