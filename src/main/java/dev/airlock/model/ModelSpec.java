package dev.airlock.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * Which model to ask: a provider, the provider's model name, and an optional base URL overriding
 * the provider's endpoint. Parsed from {@code --model PROVIDER:NAME} and {@code --base-url}.
 *
 * <p>The name may itself contain colons ({@code openai-compatible:llama3:8b}); only the first colon
 * separates the provider. When a base URL is given and the text before the first colon is not a
 * provider, the whole spec is taken as a model name on an OpenAI-compatible server, because local
 * servers (Ollama) use names like {@code llama3:8b}.
 */
public record ModelSpec(Provider provider, String name, String baseUrl) {

  public ModelSpec {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(name, "name");
  }

  public static ModelSpec parse(String spec) throws ModelException {
    return parse(spec, null);
  }

  /**
   * @param spec {@code PROVIDER:NAME}, e.g. {@code
   *     together:meta-llama/Llama-3.3-70B-Instruct-Turbo}
   * @param baseUrl the endpoint override, or null/blank for the provider's own
   */
  public static ModelSpec parse(String spec, String baseUrl) throws ModelException {
    String url = normalizeBaseUrl(baseUrl);
    if (spec == null || spec.isBlank()) {
      throw invalid("No model was given");
    }
    String trimmed = spec.strip();
    if (trimmed.equalsIgnoreCase(Provider.DEMO.label())) {
      return check(new ModelSpec(Provider.DEMO, ScriptedModel.DEMO_NAME, url), trimmed);
    }
    int colon = trimmed.indexOf(':');
    Optional<Provider> provider =
        colon < 0 ? Optional.empty() : Provider.byLabel(trimmed.substring(0, colon));
    if (provider.isEmpty()) {
      if (url != null) {
        return new ModelSpec(Provider.OPENAI_COMPATIBLE, trimmed, url);
      }
      String what = colon < 0 ? "names no provider" : "names an unknown provider";
      throw invalid("The model '" + trimmed + "' " + what);
    }
    String name = trimmed.substring(colon + 1).strip();
    if (name.isEmpty()) {
      throw invalid("The model '" + trimmed + "' names no model after the provider");
    }
    return check(new ModelSpec(provider.get(), name, url), trimmed);
  }

  private static ModelSpec check(ModelSpec parsed, String spec) throws ModelException {
    if (parsed.provider == Provider.OPENAI_COMPATIBLE && parsed.baseUrl == null) {
      throw new ModelException(
          ModelException.Kind.CONFIGURATION,
          "The model '"
              + spec
              + "' needs the server's address: give its base URL, e.g. http://localhost:11434/v1"
              + " (Ollama) or http://localhost:8000/v1 (vLLM).");
    }
    if ((parsed.provider == Provider.SCRIPTED || parsed.provider == Provider.DEMO)
        && parsed.baseUrl != null) {
      throw new ModelException(
          ModelException.Kind.CONFIGURATION,
          "The model '" + spec + "' is a script file and takes no base URL; drop the base URL.");
    }
    return parsed;
  }

  private static String normalizeBaseUrl(String baseUrl) throws ModelException {
    if (baseUrl == null || baseUrl.isBlank()) {
      return null;
    }
    String url = baseUrl.strip();
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (uri.getHost() == null
          || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        throw new URISyntaxException(url, "not an http(s) address with a host");
      }
    } catch (URISyntaxException e) {
      throw new ModelException(
          ModelException.Kind.CONFIGURATION,
          "The base URL '"
              + url
              + "' is not usable ("
              + e.getReason()
              + "): give an http:// or https:// address, e.g. http://localhost:8000/v1.");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static ModelException invalid(String what) {
    return new ModelException(
        ModelException.Kind.CONFIGURATION,
        what
            + ". Name the model as PROVIDER:NAME where PROVIDER is one of "
            + Provider.labels()
            + " (e.g. openai:gpt-4o, together:meta-llama/Llama-3.3-70B-Instruct-Turbo,"
            + " anthropic:claude-sonnet-4-5, scripted:responses.json), or any model name with"
            + " a base URL for an OpenAI-compatible server.");
  }

  /** "provider:name". Never a key. */
  public String id() {
    return provider == Provider.DEMO ? name : provider.label() + ":" + name;
  }

  /** The endpoint actually used: the override, else the provider's default (null for scripted). */
  public String endpoint() {
    return baseUrl != null ? baseUrl : provider.defaultBaseUrl();
  }

  @Override
  public String toString() {
    return baseUrl == null ? id() : id() + " at " + baseUrl;
  }
}
