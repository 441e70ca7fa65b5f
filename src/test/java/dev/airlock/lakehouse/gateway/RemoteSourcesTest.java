package dev.airlock.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.source.DefaultRawSources;
import dev.airlock.source.FakeS3Server;
import dev.airlock.source.S3Prefix;
import dev.airlock.source.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Hole 4 of issue 7: the host fetches S3 sources with its own credentials, so code without network
 * must not be able to name a bucket (or a key carrying data) of its choosing. Real {@code bauplan}
 * client, real gateway and lakehouse, a loopback S3 that records every request.
 */
class RemoteSourcesTest {
  private static final String CSV = "id,fee\n1,0.5\n2,0.7\n";

  @TempDir Path temp;
  private FakeS3Server s3;
  private DefaultRawSources rawSources;

  @BeforeEach
  void start() throws Exception {
    s3 = new FakeS3Server();
    s3.put("raw-bucket", "dabstep/fees.csv", CSV);
    s3.put("raw-bucket", "dabstep/more/fees_2.csv", CSV);
    s3.put("raw-bucket", "dabstep-private/secret.csv", CSV);
    s3.put("raw-bucket-evil", "dabstep/fees.csv", CSV);
    s3.put("attacker-bucket", "exfil_fees_1000.csv", CSV);
    s3.put("shared-refdata", "fx/rates.csv", CSV);
    s3.put("shared-refdata", "private/keys.csv", CSV);
    rawSources =
        new DefaultRawSources(
            S3Settings.defaults()
                .withRegion("eu-west-1")
                .withEndpoint(s3.endpoint())
                .withCredentials(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDHOST", "host-secret"))),
            Files.createDirectories(temp.resolve("staging")));
  }

  @AfterEach
  void stop() {
    rawSources.close();
    s3.close();
  }

  private PythonHarness harness(String... allowed) throws Exception {
    Path workspace = Files.createDirectories(temp.resolve("ws"));
    List<S3Prefix> prefixes = new ArrayList<>();
    for (String prefix : allowed) {
      prefixes.add(S3Prefix.enclosing(prefix));
    }
    SourcePolicy policy =
        SourcePolicy.unrestricted()
            .withSandboxPath("/work", workspace)
            .withAllowedRoot(workspace)
            .withRemoteSources(RemoteSources.only(prefixes));
    return new PythonHarness(
        temp, GatewayOptions.defaults("alice").withSourcePolicy(policy), rawSources);
  }

  /**
   * Each line: "OK" and the URI (the table was planned from it), or the exception's type and
   * message.
   */
  private static String tryEach(List<String> uris) {
    StringBuilder script =
        new StringBuilder(
            """
        import bauplan
        client = bauplan.Client()
        client.create_branch("alice.s3", "main")
        def attempt(uri):
            try:
                t = client.create_table("t", uri, branch="alice.s3", replace=True)
                print("OK", repr(uri))
            except Exception as e:
                print("REFUSED", type(e).__name__, repr(uri), str(e).replace("\\n", " "))
        """);
    for (String uri : uris) {
      script.append("attempt(").append(pythonString(uri)).append(")\n");
    }
    return script.toString();
  }

  private static String pythonString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  @Test
  void anAttackerBucketIsRefusedBeforeAnyRequestLeavesTheHost() throws Exception {
    try (PythonHarness h = harness("s3://raw-bucket/dabstep/")) {
      String out = h.run(tryEach(List.of("s3://attacker-bucket/exfil_fees_1000.csv")));

      assertThat(out)
          .startsWith(
              "REFUSED TableCreatePlanStatusError 's3://attacker-bucket/exfil_fees_1000.csv'")
          .contains("outside the S3 locations this run may read")
          .contains("Allowed remote sources: s3://raw-bucket/dabstep/")
          .contains("--allow-source PREFIX");
      assertThat(s3.requests()).isEmpty();
      assertThat(h.calls).anyMatch(c -> "FORBIDDEN".equals(c.errorType()));
    }
  }

  @Test
  void theRawPrefixStillImportsObjectsAndGlobs() throws Exception {
    try (PythonHarness h = harness("s3://raw-bucket/dabstep/")) {
      String out =
          h.run(
              tryEach(
                  List.of("s3://raw-bucket/dabstep/fees.csv", "s3://raw-bucket/dabstep/**/*.csv")));

      assertThat(out)
          .contains(
              "OK 's3://raw-bucket/dabstep/fees.csv'", "OK 's3://raw-bucket/dabstep/**/*.csv'");
      assertThat(s3.requests())
          .extracting(FakeS3Server.Seen::path)
          .contains("/raw-bucket/dabstep/fees.csv", "/raw-bucket/dabstep/more/fees_2.csv")
          .allMatch(path -> path.equals("/raw-bucket") || path.startsWith("/raw-bucket/"))
          .noneMatch(path -> path.contains("private"));
      assertThat(s3.requests())
          .filteredOn(r -> r.query().containsKey("list-type"))
          .allMatch(r -> r.query().get("prefix").startsWith("dabstep/"));
    }
  }

  @Test
  void anAllowedExtraPrefixAddsOnlyItself() throws Exception {
    try (PythonHarness h = harness("s3://raw-bucket/dabstep/", "s3://shared-refdata/fx")) {
      String out =
          h.run(
              tryEach(
                  List.of(
                      "s3://shared-refdata/fx/rates.csv",
                      "s3://shared-refdata/private/keys.csv",
                      "s3://shared-refdata/fxx/rates.csv")));

      assertThat(out)
          .contains(
              "OK 's3://shared-refdata/fx/rates.csv'",
              "REFUSED TableCreatePlanStatusError 's3://shared-refdata/private/keys.csv'",
              "REFUSED TableCreatePlanStatusError 's3://shared-refdata/fxx/rates.csv'",
              "Allowed remote sources: s3://raw-bucket/dabstep/, s3://shared-refdata/fx/");
      assertThat(s3.requests())
          .extracting(FakeS3Server.Seen::path)
          .containsOnly("/shared-refdata/fx/rates.csv");
    }
  }

  @Test
  void stringsThatWouldFoolAPrefixTestAreRefusedWithoutARequest() throws Exception {
    List<String> tricks =
        List.of(
            "s3://raw-bucket-evil/dabstep/fees.csv",
            "s3://raw-bucket/dabstep-private/secret.csv",
            "s3://raw-bucket/dabstep../fees.csv",
            "s3://raw-bucket/dab*/secret.csv",
            "s3://raw-bucket/dabstep/../dabstep-private/secret.csv",
            "s3://raw-bucket/dabstep/../../attacker-bucket/exfil_fees_1000.csv",
            "s3://raw-bucket/dabstep/./fees.csv",
            "s3://raw-bucket/dabstep//fees.csv",
            "s3://raw-bucket//dabstep/fees.csv",
            "s3://raw-bucket/dabstep/%2e%2e/%2e%2e/attacker-bucket/exfil_fees_1000.csv",
            "s3://raw-bucket/dabstep/..%2f..%2fattacker-bucket/exfil_fees_1000.csv",
            "s3://raw-bucket/dabstep/..\\..\\attacker-bucket\\exfil_fees_1000.csv",
            "s3://raw-bucket/dabstep/fees.csv\n/../../attacker-bucket/x.csv",
            "s3://raw-bucket/dabstep/fees.csv\u0000/../../attacker-bucket/x.csv",
            "s3://raw-bucket/dabstep/fees.csv#/../../attacker-bucket/x.csv",
            "s3://attacker-bucket@raw-bucket/dabstep/fees.csv",
            "s3://raw-bucket@attacker-bucket/dabstep/fees.csv",
            "s3://raw-bucket:443/dabstep/fees.csv",
            "s3://raw-bucket?x=1/dabstep/fees.csv",
            "s3://raw-bucket%2fdabstep/fees.csv",
            "S3://attacker-bucket/exfil_fees_1000.csv",
            "s3a://attacker-bucket/exfil_fees_1000.csv",
            "s3n://attacker-bucket/exfil_fees_1000.csv",
            " s3://attacker-bucket/exfil_fees_1000.csv",
            "http://127.0.0.1:" + s3.endpoint().getPort() + "/attacker-bucket/exfil_fees_1000.csv",
            "https://attacker.example/exfil_fees_1000.csv",
            "gs://attacker-bucket/exfil_fees_1000.csv",
            "az://attacker/exfil_fees_1000.csv",
            "hf://datasets/attacker/exfil_fees_1000.csv");
    try (PythonHarness h = harness("s3://raw-bucket/dabstep")) {
      String out = h.run(tryEach(tricks));

      assertThat(out.lines())
          .hasSize(tricks.size())
          .allMatch(line -> line.startsWith("REFUSED TableCreatePlanStatusError"), "refused")
          .allMatch(
              line -> line.contains("Allowed remote sources: s3://raw-bucket/dabstep/"),
              "names the prefix");
      assertThat(s3.requests()).isEmpty();
      assertThat(h.calls)
          .filteredOn(c -> c.method().equals("create_table"))
          .hasSize(tricks.size())
          .allMatch(c -> "FORBIDDEN".equals(c.errorType()));
    }
  }
}
