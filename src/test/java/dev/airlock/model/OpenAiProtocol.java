package dev.airlock.model;

import java.util.ArrayList;
import java.util.List;

/** Responses in OpenAI's chat-completions wire format, as documented. */
final class OpenAiProtocol {
  private OpenAiProtocol() {}

  /** A streamed completion of {@code pieces}, ending with a usage chunk and [DONE]. */
  static String[] stream(int promptTokens, int completionTokens, String... pieces) {
    List<String> chunks = new ArrayList<>();
    chunks.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
    for (String piece : pieces) {
      chunks.add(chunk("{\"content\":\"" + piece + "\"}", "null"));
    }
    chunks.add(chunk("{}", "\"stop\""));
    chunks.add(
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
            + promptTokens
            + ",\"completion_tokens\":"
            + completionTokens
            + ",\"total_tokens\":"
            + (promptTokens + completionTokens)
            + "}}\n\n");
    chunks.add("data: [DONE]\n\n");
    return chunks.toArray(String[]::new);
  }

  static String chunk(String delta, String finishReason) {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finishReason
        + "}]}\n\n";
  }

  static String completion(String text, int promptTokens, int completionTokens) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
        + text
        + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
        + promptTokens
        + ",\"completion_tokens\":"
        + completionTokens
        + ",\"total_tokens\":"
        + (promptTokens + completionTokens)
        + "}}";
  }

  static String error(String message) {
    return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\",\"code\":null}}";
  }
}
