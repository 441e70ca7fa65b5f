package dev.airlock.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiClientTest {
  private static final String KEY = "sk-test-4242abcd";
  private static final List<ChatMessage> CONVERSATION =
      List.of(
          ChatMessage.system("You write Python."),
          ChatMessage.user("Load the CSV."),
          ChatMessage.assistant("<code>print(1)</code>"),
          ChatMessage.user("Output: 1"));

  private final LoopbackServer server = newServer();
  private final List<String> tokens = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void streamedTokensArriveInOrderAndTheResponseHasTextAndUsage() throws Exception {
    server.thenSse(OpenAiProtocol.stream(12, 3, "Hel", "lo", " world"));
    ModelClient client = create("openai:gpt-test", Map.of("OPENAI_API_KEY", KEY), options());

    ModelResponse response = client.complete(CONVERSATION, tokens::add);

    assertThat(tokens).containsExactly("Hel", "lo", " world");
    assertThat(response.text()).isEqualTo("Hello world");
    assertThat(response.usage()).isEqualTo(new Usage(12, 3));
    assertThat(response.finishReason()).isEqualTo("stop");
    assertThat(response.attempts()).isEqualTo(1);
    assertThat(response.costUsd()).isNull();
  }

  @Test
  void theRequestCarriesTheMessagesInOrderWithRolesAndTheBearerKey() throws Exception {
    server.thenSse(OpenAiProtocol.stream(1, 1, "ok"));
    create("openai:gpt-test", Map.of("OPENAI_API_KEY", KEY), options())
        .complete(CONVERSATION, TokenListener.NONE);

    LoopbackServer.Seen request = server.requests().get(0);
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
    JsonNode body = request.json();
    assertThat(body.path("model").asText()).isEqualTo("gpt-test");
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    JsonNode messages = body.path("messages");
    assertThat(messages).hasSize(4);
    assertThat(List.of(role(messages, 0), role(messages, 1), role(messages, 2), role(messages, 3)))
        .containsExactly("system", "user", "assistant", "user");
    assertThat(messages.get(0).path("content").asText()).isEqualTo("You write Python.");
    assertThat(messages.get(2).path("content").asText()).isEqualTo("<code>print(1)</code>");
    assertThat(messages.get(3).path("content").asText()).isEqualTo("Output: 1");
  }

  @Test
  void nonStreamingRequestGivesTheWholeTextOnceAndUsage() throws Exception {
    server.thenJson(200, OpenAiProtocol.completion("All done.", 20, 4));
    ModelClient client =
        create("openai:gpt-test", Map.of("OPENAI_API_KEY", KEY), options().withStreaming(false));

    ModelResponse response = client.complete(CONVERSATION, tokens::add);

    assertThat(tokens).containsExactly("All done.");
    assertThat(response.text()).isEqualTo("All done.");
    assertThat(response.usage()).isEqualTo(new Usage(20, 4));
    assertThat(server.requests().get(0).json().path("stream").asBoolean(false)).isFalse();
    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void togetherUsesItsOwnKeyVariableAndTheBaseUrlOverride() throws Exception {
    server.thenSse(OpenAiProtocol.stream(5, 2, "hi"));
    ModelClient client =
        new ChatModels(secrets(Map.of("TOGETHER_API_KEY", "tgp_v1_secretvalue")))
            .create(
                ModelSpec.parse(
                    "together:meta-llama/Llama-3.3-70B-Instruct-Turbo", server.baseUrl()),
                options());

    ModelResponse response = client.complete(CONVERSATION, TokenListener.NONE);

    assertThat(response.text()).isEqualTo("hi");
    assertThat(client.id()).isEqualTo("together:meta-llama/Llama-3.3-70B-Instruct-Turbo");
    LoopbackServer.Seen request = server.requests().get(0);
    assertThat(request.header("Authorization")).isEqualTo("Bearer tgp_v1_secretvalue");
    assertThat(request.json().path("model").asText())
        .isEqualTo("meta-llama/Llama-3.3-70B-Instruct-Turbo");
  }

  @Test
  void anOpenAiCompatibleServerNeedsNoKeyAndNeverGetsTheOpenAiKey() throws Exception {
    server.thenSse(OpenAiProtocol.stream(5, 2, "local"));
    ModelClient client =
        new ChatModels(secrets(Map.of("OPENAI_API_KEY", KEY)))
            .create(ModelSpec.parse("llama3:8b", server.baseUrl()), options());

    assertThat(client.complete(CONVERSATION, TokenListener.NONE).text()).isEqualTo("local");
    LoopbackServer.Seen request = server.requests().get(0);
    assertThat(request.json().path("model").asText()).isEqualTo("llama3:8b");
    assertThat(String.valueOf(request.header("Authorization"))).doesNotContain(KEY);
  }

  @Test
  void anOpenAiCompatibleServerGetsItsOwnKeyWhenOneIsSet() throws Exception {
    server.thenSse(OpenAiProtocol.stream(5, 2, "local"));
    ModelClient client =
        new ChatModels(secrets(Map.of("OPENAI_COMPATIBLE_API_KEY", "vllm-token")))
            .create(ModelSpec.parse("openai-compatible:qwen", server.baseUrl()), options());

    client.complete(CONVERSATION, TokenListener.NONE);

    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer vllm-token");
  }

  @Test
  void costIsComputedFromTheConfiguredPrice() throws Exception {
    server.thenSse(OpenAiProtocol.stream(1_000, 500, "x"));
    ModelClient client =
        create(
            "openai:gpt-test",
            Map.of("OPENAI_API_KEY", KEY),
            options().withPricing(new Pricing(2.0, 10.0)));

    ModelResponse response = client.complete(CONVERSATION, TokenListener.NONE);

    // 1000 * $2/M + 500 * $10/M
    assertThat(response.costUsd()).isCloseTo(0.007, within(1e-12));
  }

  @Test
  void theKeyIsNotInTheClientsIdOrDescription() throws Exception {
    ModelClient client = create("openai:gpt-test", Map.of("OPENAI_API_KEY", KEY), options());

    assertThat(client.id()).isEqualTo("openai:gpt-test");
    assertThat(client.toString()).doesNotContain(KEY);
  }

  private ModelClient create(String spec, Map<String, String> env, ModelOptions options)
      throws ModelException {
    return new ChatModels(secrets(env)).create(ModelSpec.parse(spec, server.baseUrl()), options);
  }

  static Secrets secrets(Map<String, String> env) {
    return new Secrets(env, Map.of(), Path.of("/nowhere/.env"));
  }

  static ModelOptions options() {
    return ModelOptions.DEFAULT
        .withRetry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 0.5))
        .withAttemptTimeout(Duration.ofSeconds(30));
  }

  private static String role(JsonNode messages, int i) {
    return messages.get(i).path("role").asText();
  }

  private static LoopbackServer newServer() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
