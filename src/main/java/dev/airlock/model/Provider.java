package dev.airlock.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The model providers Airlock can talk to, as named in {@code --model PROVIDER:NAME}. */
public enum Provider {
  OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY", true),
  TOGETHER("together", "https://api.together.xyz/v1", "TOGETHER_API_KEY", true),
  /**
   * vLLM, Ollama, LM Studio, llama.cpp server: any chat-completions endpoint at a base URL. Its key
   * has its own variable so an OpenAI key is never sent to some other server.
   */
  OPENAI_COMPATIBLE("openai-compatible", null, "OPENAI_COMPATIBLE_API_KEY", false),
  ANTHROPIC("anthropic", "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY", true),
  /** The offline model: NAME is a JSON file of responses. */
  SCRIPTED("scripted", null, null, false),
  /**
   * The packaged demo: a scripted Write-Audit-Publish session whose code really runs (its first
   * turn fails, the second loads, audits and asks to merge into main, the third is done). Named
   * {@code demo} alone.
   */
  DEMO("demo", null, null, false);

  private final String label;
  private final String defaultBaseUrl;
  private final String keyVariable;
  private final boolean keyRequired;

  Provider(String label, String defaultBaseUrl, String keyVariable, boolean keyRequired) {
    this.label = label;
    this.defaultBaseUrl = defaultBaseUrl;
    this.keyVariable = keyVariable;
    this.keyRequired = keyRequired;
  }

  /** The name used on the command line and in model ids. */
  public String label() {
    return label;
  }

  /** Null when the provider has no fixed endpoint (a base URL must be given, or none applies). */
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** The environment / .env variable holding the key; null when the provider takes none. */
  public String keyVariable() {
    return keyVariable;
  }

  public boolean keyRequired() {
    return keyRequired;
  }

  public static Optional<Provider> byLabel(String label) {
    return Arrays.stream(values()).filter(p -> p.label.equalsIgnoreCase(label)).findFirst();
  }

  /** "openai, together, openai-compatible, anthropic, scripted" for error messages. */
  public static String labels() {
    return Arrays.stream(values()).map(Provider::label).collect(Collectors.joining(", "));
  }
}
