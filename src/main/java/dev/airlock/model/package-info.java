/**
 * Chat models behind one small interface: langchain4j providers (OpenAI, Together, any
 * OpenAI-compatible server, Anthropic), the offline scripted model, streaming tokens, retries,
 * usage and cost.
 *
 * <p>Entry points: {@link dev.airlock.model.ModelSpec#parse(String, String)} turns {@code --model}
 * and {@code --base-url} into a spec; {@link dev.airlock.model.ChatModels#create} makes the client,
 * reading keys from {@link dev.airlock.model.Secrets} (environment, then {@code .env}).
 *
 * <p>Retries are ours, not langchain4j's, so the attempt count is the real one. A stream that
 * breaks after tokens were passed on is retried as well, and the listener is told through {@link
 * dev.airlock.model.TokenListener#onRestart(int)} that the response starts over: refusing to retry
 * would turn a hiccup late in a long answer into a failed turn.
 */
package dev.airlock.model;
