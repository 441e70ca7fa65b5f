package dev.airlock.model;

import static dev.airlock.model.AnthropicClientTest.catchModelException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private static final String KEY = "sk-proj-supersecret99";
  private static final List<ChatMessage> ASK = List.of(ChatMessage.user("Hi"));

  private final LoopbackServer server = newServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void rateLimitedOnceThenAnsweredCountsTwoAttempts() throws Exception {
    server
        .thenJson(429, OpenAiProtocol.error("Rate limit reached"))
        .thenSse(OpenAiProtocol.stream(4, 2, "fine"));

    ModelResponse response = openAi(OpenAiClientTest.options()).complete(ASK, TokenListener.NONE);

    assertThat(response.text()).isEqualTo("fine");
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void nonStreamingIsRetriedByUsNotByLangchain() throws Exception {
    server
        .thenJson(429, OpenAiProtocol.error("Rate limit reached"))
        .thenJson(200, OpenAiProtocol.completion("fine", 4, 2));

    ModelResponse response =
        openAi(OpenAiClientTest.options().withStreaming(false)).complete(ASK, TokenListener.NONE);

    assertThat(response.attempts()).isEqualTo(2);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void serverErrorEveryTimeFailsAfterTheLastAttemptNamingProviderStatusAndCount() throws Exception {
    server.thenJson(503, OpenAiProtocol.error("The engine is overloaded"));
    ModelOptions options =
        OpenAiClientTest.options().withRetry(OpenAiClientTest.options().retry().withMaxAttempts(3));

    ModelException error =
        catchModelException(() -> openAi(options).complete(ASK, TokenListener.NONE));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
    assertThat(error.getMessage())
        .contains("openai", "gpt-test", "HTTP 503", "The engine is overloaded", "3 attempts");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void rejectedKeyIsNotRetriedAndTheMessageNamesTheVariableButNotTheKey() throws Exception {
    // OpenAI echoes the key it refused, partly masked; here in full, to be sure it is scrubbed.
    server.thenJson(401, OpenAiProtocol.error("Incorrect API key provided: " + KEY + "."));

    ModelException error =
        catchModelException(
            () -> openAi(OpenAiClientTest.options()).complete(ASK, TokenListener.NONE));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.REJECTED);
    assertThat(error.getMessage())
        .contains("401", "OPENAI_API_KEY")
        .doesNotContain(KEY, "supersecret");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void badRequestIsRejectedWithoutRetry() throws Exception {
    server.thenJson(400, OpenAiProtocol.error("max_tokens is too large"));

    ModelException error =
        catchModelException(
            () -> openAi(OpenAiClientTest.options()).complete(ASK, TokenListener.NONE));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.REJECTED);
    assertThat(error.getMessage()).contains("HTTP 400", "max_tokens is too large");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void connectionRefusedIsUnavailableAfterTheRetries() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ModelClient client =
        new ChatModels(OpenAiClientTest.secrets(Map.of()))
            .create(
                ModelSpec.parse(
                    "openai-compatible:local", "http://127.0.0.1:" + closedPort + "/v1"),
                OpenAiClientTest.options());

    ModelException error = catchModelException(() -> client.complete(ASK, TokenListener.NONE));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
    assertThat(error.getMessage())
        .contains(
            "openai-compatible",
            "local",
            "127.0.0.1:" + closedPort,
            "connection refused",
            "3 attempts");
  }

  @Test
  void aStreamCutAfterSomeTokensIsRetriedAndTheListenerIsToldToStartOver() throws Exception {
    server
        .then(
            new LoopbackServer.Broken(
                List.of(OpenAiProtocol.chunk("{\"content\":\"Hal\"}", "null"))))
        .thenSse(OpenAiProtocol.stream(4, 2, "Hello"));
    List<String> events = new CopyOnWriteArrayList<>();
    TokenListener listener =
        new TokenListener() {
          @Override
          public void onToken(String text) {
            events.add(text);
          }

          @Override
          public void onRestart(int attempt) {
            events.add("<restart " + attempt + ">");
          }
        };

    ModelResponse response = openAi(OpenAiClientTest.options()).complete(ASK, listener);

    assertThat(events).containsExactly("Hal", "<restart 2>", "Hello");
    assertThat(response.text()).isEqualTo("Hello");
    assertThat(response.attempts()).isEqualTo(2);
  }

  @Test
  void aStreamThatStallsTimesOutAndIsRetried() throws Exception {
    server
        .then(
            new LoopbackServer.Hang(List.of(OpenAiProtocol.chunk("{\"content\":\"Hal\"}", "null"))))
        .thenSse(OpenAiProtocol.stream(4, 2, "Hello"));
    // The whole healthy second attempt must fit in the timeout too: 300 ms was tight for a loaded
    // two-core machine (a JVM still warming up its HTTP client and JSON parsing).
    ModelOptions options = OpenAiClientTest.options().withAttemptTimeout(Duration.ofSeconds(3));

    ModelResponse response = openAi(options).complete(ASK, TokenListener.NONE);

    assertThat(response.text()).isEqualTo("Hello");
    assertThat(response.attempts()).isEqualTo(2);
  }

  @Test
  void aStreamThatAlwaysStallsEndsUnavailableSayingItTimedOut() throws Exception {
    server.then(new LoopbackServer.Hang(List.of()));
    ModelOptions options =
        OpenAiClientTest.options()
            .withAttemptTimeout(Duration.ofMillis(200))
            .withRetry(OpenAiClientTest.options().retry().withMaxAttempts(2));

    ModelException error =
        catchModelException(() -> openAi(options).complete(ASK, TokenListener.NONE));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
    assertThat(error.getMessage()).contains("timed out", "2 attempts");
  }

  @Test
  void interruptingTheCallerEndsTheRequest() throws Exception {
    server.then(new LoopbackServer.Hang(List.of()));
    ModelClient client = openAi(OpenAiClientTest.options());
    AtomicReference<Exception> failure = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                client.complete(ASK, TokenListener.NONE);
              } catch (ModelException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
              }
            });
    caller.start();
    while (server.requests().isEmpty()) {
      Thread.onSpinWait();
    }
    caller.interrupt();
    caller.join();

    assertThat(failure.get())
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("interrupted");
    assertThat(stillInterrupted).isTrue();
  }

  @Test
  void backoffGrowsExponentiallyUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(350), 0);
    Random random = new Random(1);

    assertThat(List.of(2, 3, 4, 5).stream().map(n -> policy.delayBefore(n, random).toMillis()))
        .containsExactly(100L, 200L, 350L, 350L);
    assertThat(policy.delayBefore(1, random)).isZero();
  }

  @Test
  void jitterAddsAtMostItsShare() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(1000), Duration.ofMillis(5000), 0.25);
    Random random = new Random(7);

    for (int i = 0; i < 50; i++) {
      assertThat(policy.delayBefore(2, random).toMillis()).isBetween(1000L, 1250L);
    }
  }

  private ModelClient openAi(ModelOptions options) throws ModelException {
    return new ChatModels(OpenAiClientTest.secrets(Map.of("OPENAI_API_KEY", KEY)))
        .create(ModelSpec.parse("openai:gpt-test", server.baseUrl()), options);
  }

  private static LoopbackServer newServer() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
