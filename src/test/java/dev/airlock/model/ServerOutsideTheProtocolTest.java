package dev.airlock.model;

import static dev.airlock.model.AnthropicClientTest.catchModelException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server that answers 200 with something other than the provider's protocol (a web page, an empty
 * object, a stream of something else) is the server's problem, reported at once with what came
 * back; it never reaches the agent as an empty reply.
 */
class ServerOutsideTheProtocolTest {
  private static final String KEY = "sk-test-4242abcd";
  private static final List<ChatMessage> ASK = List.of(ChatMessage.user("Hi"));
  private static final String NGINX = "<html><body><h1>Welcome to nginx!</h1></body></html>";

  private final LoopbackServer server = newServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aWebPageInsteadOfAStreamIsUnavailableNamingTheServerAndThePage() throws Exception {
    server.then(new LoopbackServer.Plain(200, "text/html", NGINX));

    ModelException error = ask("openai:gpt-test", true);

    assertThat(error.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
    assertThat(error.getMessage())
        .contains(
            server.baseUrl(),
            "not in the OpenAI chat-completions protocol",
            "HTTP 200",
            "text/html",
            "Welcome to nginx",
            "base URL");
    assertThat(server.requests()).as("the same page comes back every time: not retried").hasSize(1);
  }

  @Test
  void anEmptyObjectIsUnavailableWhetherStreamedOrNot() throws Exception {
    server.thenJson(200, "{}");

    ModelException streamed = ask("openai:gpt-test", true);
    ModelException whole = ask("openai:gpt-test", false);

    for (ModelException error : List.of(streamed, whole)) {
      assertThat(error.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
      assertThat(error.getMessage()).contains(server.baseUrl(), "application/json", "{}");
    }
  }

  @Test
  void aCompletionWithoutChoicesIsUnavailable() throws Exception {
    server.thenJson(200, "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\"}");

    ModelException error = ask("openai:gpt-test", false);

    assertThat(error.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
    assertThat(error.getMessage()).contains("not in the OpenAI chat-completions protocol", "c1");
  }

  @Test
  void aStreamOfSomethingElseIsUnavailableShowingTheEvent() throws Exception {
    server.thenSse("data: {\"status\":\"queued\"}\n\n", "data: [DONE]\n\n");

    ModelException error = ask("openai:gpt-test", true);

    assertThat(error.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
    assertThat(error.getMessage())
        .contains("text/event-stream", "an event whose data is: {\"status\":\"queued\"}");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void anEmptyStreamIsUnavailable() throws Exception {
    server.thenSse("");

    ModelException error = ask("openai:gpt-test", true);

    assertThat(error.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
    assertThat(error.getMessage()).contains("no event of the protocol", "an empty body");
  }

  @Test
  void anthropicGetsAWebPageReportedAtOnceInsteadOfWaitingForATimeout() throws Exception {
    server.then(new LoopbackServer.Plain(200, "text/html", NGINX));

    ModelException error = ask("anthropic:claude-test", true);

    assertThat(error.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
    assertThat(error.getMessage())
        .contains(server.baseUrl(), "not in the Anthropic messages protocol", "Welcome to nginx")
        .doesNotContain("timed out");
  }

  @Test
  void anthropicNonStreamingEmptyObjectIsUnavailableNotANullPointer() throws Exception {
    server.thenJson(200, "{}");

    ModelException error = ask("anthropic:claude-test", false);

    assertThat(error.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
    assertThat(error.getMessage())
        .contains("not in the Anthropic messages protocol", "{}")
        .doesNotContain("NullPointerException");
  }

  @Test
  void aPageThatEchoesTheKeyIsShownWithoutIt() throws Exception {
    server.then(new LoopbackServer.Plain(200, "text/plain", "proxy login for " + KEY));

    ModelException error = ask("openai:gpt-test", false);

    assertThat(error.getMessage()).contains("proxy login for").doesNotContain(KEY, "4242abcd");
  }

  @Test
  void aValidStreamWithAnEmptyAnswerIsStillAnAnswer() throws Exception {
    server.thenSse(OpenAiProtocol.stream(3, 0));

    ModelResponse response = client("openai:gpt-test", true).complete(ASK, TokenListener.NONE);

    assertThat(response.text()).isEmpty();
    assertThat(response.finishReason()).isEqualTo("stop");
  }

  private ModelException ask(String spec, boolean streaming) throws Exception {
    return catchModelException(() -> client(spec, streaming).complete(ASK, TokenListener.NONE));
  }

  private ModelClient client(String spec, boolean streaming) throws ModelException {
    String variable = spec.startsWith("anthropic") ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY";
    return new ChatModels(OpenAiClientTest.secrets(Map.of(variable, KEY)))
        .create(
            ModelSpec.parse(spec, server.baseUrl()),
            OpenAiClientTest.options().withStreaming(streaming));
  }

  private static LoopbackServer newServer() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
