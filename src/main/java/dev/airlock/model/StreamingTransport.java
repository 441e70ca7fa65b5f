package dev.airlock.model;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One streamed attempt, made blocking for the caller. An attempt given up (timeout, interrupt) has
 * its stream cancelled, and tokens still arriving are dropped, so a late stream cannot write into
 * the next attempt.
 */
final class StreamingTransport implements LangChainModelClient.Transport {
  private final StreamingChatModel model;
  private final Duration timeout;

  StreamingTransport(StreamingChatModel model, Duration timeout) {
    this.model = model;
    this.timeout = timeout;
  }

  @Override
  public ChatResponse call(ChatRequest request, TokenListener tokens) throws Exception {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    AtomicBoolean abandoned = new AtomicBoolean();
    AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    model.chat(request, handler(done, abandoned, handle, tokens));
    try {
      return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      abandoned.set(true);
      StreamingHandle stream = handle.get();
      if (!done.isDone() && stream != null) {
        stream.cancel();
      }
    }
  }

  private static StreamingChatResponseHandler handler(
      CompletableFuture<ChatResponse> done,
      AtomicBoolean abandoned,
      AtomicReference<StreamingHandle> handle,
      TokenListener tokens) {
    return new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle.compareAndSet(null, context.streamingHandle());
        if (abandoned.get()) {
          context.streamingHandle().cancel();
          return;
        }
        String text = partial.text();
        if (text != null && !text.isEmpty()) {
          tokens.onToken(text);
        }
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    };
  }
}
