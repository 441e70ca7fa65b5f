package dev.airlock.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicClientTest {
  private static final String KEY = "sk-ant-api03-testkey";

  private final LoopbackServer server = newServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void streamedMessageArrivesAsTokensWithUsageFromStartAndDelta() throws Exception {
    server.thenSse(stream(25, 7, "Hello", ", ", "table"));
    List<String> tokens = new CopyOnWriteArrayList<>();

    ModelResponse response = client().complete(List.of(ChatMessage.user("Hi")), tokens::add);

    assertThat(tokens).containsExactly("Hello", ", ", "table");
    assertThat(response.text()).isEqualTo("Hello, table");
    assertThat(response.usage()).isEqualTo(new Usage(25, 7));
    assertThat(response.finishReason()).isEqualTo("stop");
  }

  @Test
  void systemMessageGoesToTheSystemFieldAndHeadersCarryKeyAndVersion() throws Exception {
    server.thenSse(stream(3, 1, "ok"));

    client()
        .complete(
            List.of(
                ChatMessage.system("You are careful."),
                ChatMessage.user("Q1"),
                ChatMessage.assistant("A1"),
                ChatMessage.user("Q2")),
            TokenListener.NONE);

    LoopbackServer.Seen request = server.requests().get(0);
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.header("x-api-key")).isEqualTo(KEY);
    assertThat(request.header("anthropic-version")).isNotBlank();
    JsonNode body = request.json();
    assertThat(body.path("model").asText()).isEqualTo("claude-test");
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("max_tokens").asInt()).isPositive();
    assertThat(body.path("system").toString()).contains("You are careful.");
    JsonNode messages = body.path("messages");
    assertThat(messages).hasSize(3);
    assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
    assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
    assertThat(messages.get(2).path("role").asText()).isEqualTo("user");
    assertThat(messages.toString()).doesNotContain("You are careful.");
  }

  @Test
  void aRejectedKeyNamesTheAnthropicVariable() throws Exception {
    server.thenJson(
        401,
        "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
            + "\"message\":\"invalid x-api-key\"}}");

    ModelException error =
        catchModelException(
            () -> client().complete(List.of(ChatMessage.user("Hi")), TokenListener.NONE));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.REJECTED);
    assertThat(error.getMessage())
        .contains("anthropic", "401", "invalid x-api-key", "ANTHROPIC_API_KEY")
        .doesNotContain(KEY);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void anOverloadedErrorEventMidStreamIsRetried() throws Exception {
    String[] good = stream(4, 2, "fine");
    server
        .thenSse(
            good[0],
            event(
                "error",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                    + "\"message\":\"Overloaded\"}}"))
        .thenSse(good);

    ModelResponse response = client().complete(List.of(ChatMessage.user("Hi")), TokenListener.NONE);

    assertThat(response.text()).isEqualTo("fine");
    assertThat(response.attempts()).isEqualTo(2);
  }

  @Test
  void overloadedEveryTimeEndsUnavailableNamingTheError() throws Exception {
    server.thenSse(
        stream(4, 2)[0],
        event(
            "error",
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                + "\"message\":\"Overloaded\"}}"));

    ModelException error =
        catchModelException(
            () -> client().complete(List.of(ChatMessage.user("Hi")), TokenListener.NONE));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
    assertThat(error.getMessage()).contains("anthropic", "overloaded_error", "3 attempts");
  }

  private ModelClient client() throws ModelException {
    return new ChatModels(OpenAiClientTest.secrets(Map.of("ANTHROPIC_API_KEY", KEY)))
        .create(
            ModelSpec.parse("anthropic:claude-test", server.baseUrl()), OpenAiClientTest.options());
  }

  static String[] stream(int inputTokens, int outputTokens, String... pieces) {
    List<String> events = new ArrayList<>();
    events.add(
        event(
            "message_start",
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-test\","
                + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
                + inputTokens
                + ",\"output_tokens\":1}}}"));
    events.add(
        event(
            "content_block_start",
            "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
    events.add(event("ping", "{\"type\":\"ping\"}"));
    for (String piece : pieces) {
      events.add(
          event(
              "content_block_delta",
              "{\"type\":\"content_block_delta\",\"index\":0,"
                  + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
                  + piece
                  + "\"}}"));
    }
    events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
    events.add(
        event(
            "message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":"
                + outputTokens
                + "}}"));
    events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
    return events.toArray(String[]::new);
  }

  private static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  interface Call {
    void run() throws Exception;
  }

  static ModelException catchModelException(Call call) throws Exception {
    try {
      call.run();
    } catch (ModelException e) {
      return e;
    }
    throw new AssertionError("expected a ModelException");
  }

  private static LoopbackServer newServer() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
