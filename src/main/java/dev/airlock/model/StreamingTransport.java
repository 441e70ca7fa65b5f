package dev.airlock.model;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One streamed attempt, made blocking for the caller. Tokens that arrive after the attempt was
 * given up (timeout, interrupt) are dropped, so a late stream cannot write into the next attempt.
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
    model.chat(request, handler(done, abandoned, tokens));
    try {
      return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      abandoned.set(true);
    }
  }

  private static StreamingChatResponseHandler handler(
      CompletableFuture<ChatResponse> done, AtomicBoolean abandoned, TokenListener tokens) {
    return new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String text) {
        if (!abandoned.get() && text != null && !text.isEmpty()) {
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
