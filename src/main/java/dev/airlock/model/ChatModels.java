package dev.airlock.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Creates the {@link ModelClient} a {@link ModelSpec} names. The only place that reads keys: a key
 * goes from {@link Secrets} straight into the provider client and into nothing else.
 */
public final class ChatModels {
  /** Anthropic's API requires max_tokens on every request. */
  private static final int ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

  private final Secrets secrets;

  public ChatModels(Secrets secrets) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  public ModelClient create(ModelSpec spec) throws ModelException {
    return create(spec, ModelOptions.DEFAULT);
  }

  public ModelClient create(ModelSpec spec, ModelOptions options) throws ModelException {
    return switch (spec.provider()) {
      case SCRIPTED -> new ScriptedModel(Path.of(spec.name()));
      case DEMO -> ScriptedModel.demo();
      case ANTHROPIC -> anthropic(spec, options, key(spec));
      case OPENAI, TOGETHER, OPENAI_COMPATIBLE -> openAi(spec, options, key(spec));
    };
  }

  private String key(ModelSpec spec) throws ModelException {
    String variable = spec.provider().keyVariable();
    String key = variable == null ? null : secrets.get(variable).orElse(null);
    if (key == null && spec.provider().keyRequired()) {
      throw new ModelException(
          ModelException.Kind.CONFIGURATION,
          "The model "
              + spec.id()
              + " needs an API key and "
              + variable
              + " is not set: export "
              + variable
              + "=... in the environment, or add the line "
              + variable
              + "=... to "
              + secrets.dotEnvFile()
              + ".");
    }
    return key;
  }

  private static ModelClient openAi(ModelSpec spec, ModelOptions options, String key) {
    // Local servers accept any key, but the client insists on one.
    String apiKey = key != null ? key : "no-key";
    LangChainModelClient.Transport transport;
    if (options.streaming()) {
      StreamingChatModel model =
          OpenAiStreamingChatModel.builder()
              .baseUrl(spec.endpoint())
              .apiKey(apiKey)
              .httpClientBuilder(ProtocolCheckingHttpClient.builder(WireProtocol.OPENAI_CHAT))
              .modelName(spec.name())
              .timeout(options.attemptTimeout())
              .maxTokens(options.maxTokens())
              .temperature(options.temperature())
              .build();
      transport = new StreamingTransport(model, options.attemptTimeout());
    } else {
      ChatModel model =
          OpenAiChatModel.builder()
              .baseUrl(spec.endpoint())
              .apiKey(apiKey)
              .httpClientBuilder(ProtocolCheckingHttpClient.builder(WireProtocol.OPENAI_CHAT))
              .modelName(spec.name())
              .timeout(options.attemptTimeout())
              .maxTokens(options.maxTokens())
              .temperature(options.temperature())
              .maxRetries(0)
              .build();
      transport = blocking(model);
    }
    return new LangChainModelClient(spec, transport, options, key);
  }

  private static ModelClient anthropic(ModelSpec spec, ModelOptions options, String key) {
    int maxTokens =
        options.maxTokens() != null ? options.maxTokens() : ANTHROPIC_DEFAULT_MAX_TOKENS;
    LangChainModelClient.Transport transport;
    if (options.streaming()) {
      StreamingChatModel model =
          AnthropicStreamingChatModel.builder()
              .baseUrl(spec.endpoint())
              .apiKey(key)
              .httpClientBuilder(
                  ProtocolCheckingHttpClient.builder(WireProtocol.ANTHROPIC_MESSAGES))
              .modelName(spec.name())
              .timeout(options.attemptTimeout())
              .maxTokens(maxTokens)
              .temperature(options.temperature())
              .build();
      transport = new StreamingTransport(model, options.attemptTimeout());
    } else {
      ChatModel model =
          AnthropicChatModel.builder()
              .baseUrl(spec.endpoint())
              .apiKey(key)
              .httpClientBuilder(
                  ProtocolCheckingHttpClient.builder(WireProtocol.ANTHROPIC_MESSAGES))
              .modelName(spec.name())
              .timeout(options.attemptTimeout())
              .maxTokens(maxTokens)
              .temperature(options.temperature())
              .maxRetries(0)
              .build();
      transport = blocking(model);
    }
    return new LangChainModelClient(spec, transport, options, key);
  }

  /** A one-shot request; the whole text reaches the listener as one token. */
  private static LangChainModelClient.Transport blocking(ChatModel model) {
    return (request, tokens) -> {
      var response = model.chat(request);
      String text = response.aiMessage() == null ? null : response.aiMessage().text();
      if (text != null && !text.isEmpty()) {
        tokens.onToken(text);
      }
      return response;
    };
  }
}
