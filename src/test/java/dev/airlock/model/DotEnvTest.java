package dev.airlock.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotEnvTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "KEY=value                         | value",
        "KEY = value                       | value",
        "export KEY=value                  | value",
        "KEY=\"quoted value\"              | quoted value",
        "KEY='single # not a comment'      | single # not a comment",
        "KEY=\"a\\nb\"                     | `a\nb`",
        "KEY=\"say \\\"hi\\\"\" # comment  | say \"hi\"",
        "KEY=value # trailing comment      | value",
        "KEY=abc#123                       | abc#123",
        "KEY=sk-a=b=c                      | sk-a=b=c",
        "KEY=                              | ``",
      })
  void parsesOneAssignment(String line, String expected) {
    assertThat(DotEnv.parse(line)).containsEntry("KEY", expected);
  }

  @Test
  void skipsCommentsBlankLinesAndLinesThatAreNotAssignments() {
    Map<String, String> vars =
        DotEnv.parse(
            "# keys\n\nOPENAI_API_KEY=sk-1\nnot an assignment\n=nokey\r\nTOGETHER_API_KEY=t-2\n");

    assertThat(vars)
        .containsOnly(Map.entry("OPENAI_API_KEY", "sk-1"), Map.entry("TOGETHER_API_KEY", "t-2"));
  }

  @Test
  void aMissingFileIsEmpty(@TempDir Path dir) throws Exception {
    assertThat(DotEnv.load(dir.resolve(".env"))).isEmpty();
  }

  @Test
  void secretsPreferTheEnvironmentOverDotEnv(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".env"), "A=from-file\nB=from-file\nC=\n");
    Secrets secrets =
        new Secrets(
            Map.of("A", "from-env", "C", " "),
            DotEnv.load(dir.resolve(".env")),
            dir.resolve(".env"));

    assertThat(secrets.get("A")).contains("from-env");
    assertThat(secrets.get("B")).contains("from-file");
    assertThat(secrets.get("C")).isEmpty();
    assertThat(secrets.get("D")).isEmpty();
    assertThat(secrets.toString()).doesNotContain("from-env", "from-file");
  }

  @Test
  void theKeyFromDotEnvReachesTheProviderUnlessTheEnvironmentHasOne(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve(".env"), "export TOGETHER_API_KEY=\"tgp_from_file\"\n");
    Map<String, String> dotEnv = DotEnv.load(dir.resolve(".env"));
    try (LoopbackServer server = new LoopbackServer()) {
      server.thenSse(OpenAiProtocol.stream(1, 1, "ok"));
      ModelSpec spec = ModelSpec.parse("together:some/model", server.baseUrl());

      new ChatModels(new Secrets(Map.of(), dotEnv, dir.resolve(".env")))
          .create(spec, OpenAiClientTest.options())
          .complete(List.of(ChatMessage.user("hi")), TokenListener.NONE);
      new ChatModels(
              new Secrets(Map.of("TOGETHER_API_KEY", "tgp_env"), dotEnv, dir.resolve(".env")))
          .create(spec, OpenAiClientTest.options())
          .complete(List.of(ChatMessage.user("hi")), TokenListener.NONE);

      assertThat(server.requests())
          .extracting(r -> r.header("Authorization"))
          .containsExactly("Bearer tgp_from_file", "Bearer tgp_env");
    }
  }

  @Test
  void aMissingKeyNamesTheVariableAndBothWaysToSetIt(@TempDir Path dir) throws Exception {
    Secrets secrets = new Secrets(Map.of(), Map.of(), dir.resolve(".env"));

    ModelException error =
        AnthropicClientTest.catchModelException(
            () -> new ChatModels(secrets).create(ModelSpec.parse("anthropic:claude-x")));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.CONFIGURATION);
    assertThat(error.getMessage())
        .contains("ANTHROPIC_API_KEY", "environment", dir.resolve(".env").toString());
  }
}
