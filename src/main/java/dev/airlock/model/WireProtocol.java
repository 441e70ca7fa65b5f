package dev.airlock.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What a provider's successful answers look like on the wire: just enough to tell its protocol from
 * a web page, an empty object or a proxy's stream of something else, so that such an answer is
 * reported as the server's problem instead of reaching the agent as an empty reply.
 */
enum WireProtocol {
  /** OpenAI's chat completions, also spoken by Together, vLLM, Ollama, LM Studio. */
  OPENAI_CHAT("OpenAI chat-completions") {
    @Override
    boolean recognisesEvent(String data) {
      return (data != null && "[DONE]".equals(data.strip()))
          || object(data).path("choices").isArray();
    }

    @Override
    boolean recognisesBody(String body) {
      return object(body).path("choices").isArray();
    }
  },
  /** Anthropic's messages API: every event names its type; an answer is a "message". */
  ANTHROPIC_MESSAGES("Anthropic messages") {
    @Override
    boolean recognisesEvent(String data) {
      return object(data).path("type").isTextual();
    }

    @Override
    boolean recognisesBody(String body) {
      return "message".equals(object(body).path("type").asText());
    }
  };

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String label;

  WireProtocol(String label) {
    this.label = label;
  }

  /** "OpenAI chat-completions", for messages. */
  String label() {
    return label;
  }

  /** Whether the data of one server-sent event belongs to this protocol. */
  abstract boolean recognisesEvent(String data);

  /** Whether a whole (non-streamed) 200 body is an answer in this protocol. */
  abstract boolean recognisesBody(String body);

  static WireProtocol of(Provider provider) {
    return provider == Provider.ANTHROPIC ? ANTHROPIC_MESSAGES : OPENAI_CHAT;
  }

  private static JsonNode object(String text) {
    if (text == null || text.isBlank()) {
      return JSON.missingNode();
    }
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject() ? node : JSON.missingNode();
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
