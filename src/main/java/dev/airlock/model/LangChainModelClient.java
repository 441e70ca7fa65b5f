package dev.airlock.model;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * A langchain4j chat model behind {@link ModelClient}, with our own bounded retries: langchain4j's
 * are switched off so the attempt count in errors and responses is the real one.
 *
 * <p>A stream that breaks after tokens were already passed on is retried too; before the new
 * attempt the listener's {@link TokenListener#onRestart(int)} is called, so nothing is silently
 * duplicated. The returned text is always that of the one successful attempt.
 */
final class LangChainModelClient implements ModelClient {

  /** One attempt at a request. */
  interface Transport {
    ChatResponse call(ChatRequest request, TokenListener tokens) throws Exception;
  }

  private final ModelSpec spec;
  private final Transport transport;
  private final ModelOptions options;
  private final String secret;
  private final RandomGenerator random = new Random();

  LangChainModelClient(ModelSpec spec, Transport transport, ModelOptions options, String secret) {
    this.spec = spec;
    this.transport = transport;
    this.options = options;
    this.secret = secret;
  }

  @Override
  public ModelResponse complete(List<ChatMessage> messages, TokenListener tokens)
      throws ModelException {
    ChatRequest request = ChatRequest.builder().messages(convert(messages)).build();
    long start = System.nanoTime();
    int maxAttempts = options.retry().maxAttempts();
    Failure last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      pause(options.retry().delayBefore(attempt, random));
      Counting counting = new Counting(tokens);
      try {
        ChatResponse response = transport.call(request, counting);
        return toResponse(response, counting.text(), attempt, start);
      } catch (InterruptedException e) {
        throw interrupted();
      } catch (Exception e) {
        last = Failure.of(e, secret);
        if (!last.retryable()) {
          throw fatal(last, attempt);
        }
        if (counting.emitted() && attempt < maxAttempts) {
          tokens.onRestart(attempt + 1);
        }
      }
    }
    throw unavailable(last, maxAttempts);
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public String toString() {
    return "ModelClient[" + spec + "]";
  }

  private ModelResponse toResponse(
      ChatResponse response, String streamed, int attempts, long start) {
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    Usage usage = usage(response.tokenUsage());
    Pricing pricing = options.pricing();
    return new ModelResponse(
        text != null ? text : streamed,
        usage,
        pricing == null ? null : pricing.costUsd(usage),
        response.finishReason() == null
            ? null
            : response.finishReason().name().toLowerCase(Locale.ROOT),
        Duration.ofNanos(System.nanoTime() - start),
        attempts);
  }

  private static Usage usage(TokenUsage usage) {
    if (usage == null) {
      return Usage.NONE;
    }
    Integer in = usage.inputTokenCount();
    Integer out = usage.outputTokenCount();
    return new Usage(in == null ? 0 : in, out == null ? 0 : out);
  }

  private static List<dev.langchain4j.data.message.ChatMessage> convert(
      List<ChatMessage> messages) {
    return messages.stream()
        .<dev.langchain4j.data.message.ChatMessage>map(
            m ->
                switch (m.role()) {
                  case SYSTEM -> SystemMessage.from(m.content());
                  case USER -> UserMessage.from(m.content());
                  case ASSISTANT -> AiMessage.from(m.content());
                })
        .toList();
  }

  private void pause(Duration delay) throws ModelException {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      throw interrupted();
    }
  }

  private ModelException interrupted() {
    Thread.currentThread().interrupt();
    return new ModelException(
        ModelException.Kind.UNAVAILABLE, "The request to " + where() + " was interrupted.");
  }

  private ModelException fatal(Failure failure, int attempt) {
    if (failure.offProtocol()) {
      return offProtocol(failure);
    }
    if (failure.status() == null) {
      String next = failure.connectionProblem() ? checkAddress() : "";
      return new ModelException(
          ModelException.Kind.UNAVAILABLE,
          (where()
                  + " failed: "
                  + failure.describe()
                  + " (attempt "
                  + attempt
                  + ", not retried). "
                  + next)
              .strip(),
          failure.cause());
    }
    return new ModelException(
        ModelException.Kind.REJECTED,
        spec.provider().label()
            + " rejected the request for model '"
            + spec.name()
            + "': "
            + failure.describe()
            + ". "
            + advice(failure.status()));
  }

  /** Infrastructure, not the agent's doing: the server answered, but not as the model API. */
  private ModelException offProtocol(Failure failure) {
    return new ModelException(
        ModelException.Kind.UNAVAILABLE,
        spec.provider().label()
            + " model '"
            + spec.name()
            + "': the server at "
            + spec.endpoint()
            + " answered, but not in the "
            + WireProtocol.of(spec.provider()).label()
            + " protocol ("
            + failure.describe()
            + "). Check that the base URL points at the model API itself (usually ending in /v1),"
            + " not at a web page or another service.");
  }

  private ModelException unavailable(Failure failure, int attempts) {
    String next =
        failure.connectionProblem() ? checkAddress() : "Try again later, or choose another model.";
    return new ModelException(
        ModelException.Kind.UNAVAILABLE,
        where()
            + " is unavailable: "
            + failure.describe()
            + " on all "
            + attempts
            + " attempts. "
            + next,
        failure.cause());
  }

  private String advice(int status) {
    String variable = spec.provider().keyVariable();
    return switch (status) {
      case 401, 403 ->
          variable == null
              ? "The server refused access."
              : "Check the key in " + variable + " (set in the environment or in .env).";
      case 404 ->
          "Check the model name '" + spec.name() + "' and the base URL " + spec.endpoint() + ".";
      default -> "The request was not retried; this needs a change, not another try.";
    };
  }

  private String checkAddress() {
    return "Check that the server at " + spec.endpoint() + " is running and reachable.";
  }

  /** "together model 'X'", plus the address when it is not the provider's usual one. */
  private String where() {
    String what = spec.provider().label() + " model '" + spec.name() + "'";
    return spec.baseUrl() == null ? what : what + " at " + spec.baseUrl();
  }

  /** Passes tokens on and remembers what this attempt streamed. */
  private static final class Counting implements TokenListener {
    private final TokenListener target;
    private final StringBuilder text = new StringBuilder();

    Counting(TokenListener target) {
      this.target = target;
    }

    @Override
    public synchronized void onToken(String token) {
      text.append(token);
      target.onToken(token);
    }

    synchronized boolean emitted() {
      return text.length() > 0;
    }

    synchronized String text() {
      return text.toString();
    }
  }
}
