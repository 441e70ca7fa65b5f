package dev.airlock.model;

import java.util.List;

/**
 * A chat model the loop can ask. Blocks until the whole response has arrived; tokens are passed to
 * {@code tokens} as they stream in. Retries (429, 5xx, timeouts) happen inside, bounded.
 */
public interface ModelClient {

  ModelResponse complete(List<ChatMessage> messages, TokenListener tokens) throws ModelException;

  /** "provider:model", e.g. "together:meta-llama/Llama-3.3-70B-Instruct-Turbo". Never a key. */
  String id();
}
