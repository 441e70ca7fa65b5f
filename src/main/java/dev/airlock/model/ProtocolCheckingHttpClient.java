package dev.airlock.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The provider's HTTP client, checking that every successful answer is in the provider's {@link
 * WireProtocol}. Without this, langchain4j turns a web page or a stream of something else into an
 * empty reply, which the agent would be told off for. An answer outside the protocol fails the
 * attempt with an {@link OffProtocolAnswer} saying what came back.
 */
final class ProtocolCheckingHttpClient implements HttpClient {
  /** How much of a stream's start is kept to show when no event of the protocol came. */
  private static final int HEAD_BYTES = 160;

  private final HttpClient delegate;
  private final WireProtocol protocol;

  private ProtocolCheckingHttpClient(HttpClient delegate, WireProtocol protocol) {
    this.delegate = delegate;
    this.protocol = protocol;
  }

  /** The usual client builder, building checking clients. */
  static HttpClientBuilder builder(WireProtocol protocol) {
    return new Builder(HttpClientBuilderLoader.loadHttpClientBuilder(), protocol);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    SuccessfulHttpResponse response = delegate.execute(request);
    if (!protocol.recognisesBody(response.body())) {
      throw OffProtocolAnswer.body(response.statusCode(), response.contentType(), response.body());
    }
    return response;
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    Checking checking = new Checking(listener);
    delegate.execute(request, (in, l) -> parser.parse(checking.recording(in), l), checking);
  }

  /** Passes on events of the protocol; the first that is not, or a stream of none, is an error. */
  private final class Checking implements ServerSentEventListener {
    private final ServerSentEventListener target;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private int status = 200;
    private String contentType;
    private boolean recognised;
    private boolean failed;

    Checking(ServerSentEventListener target) {
      this.target = target;
    }

    InputStream recording(InputStream in) {
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            keep(new byte[] {(byte) b}, 0, 1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          keep(buffer, offset, n);
          return n;
        }
      };
    }

    private synchronized void keep(byte[] buffer, int offset, int n) {
      int room = HEAD_BYTES - head.size();
      if (n > 0 && room > 0) {
        head.write(buffer, offset, Math.min(n, room));
      }
    }

    @Override
    public synchronized void onOpen(SuccessfulHttpResponse response) {
      status = response.statusCode();
      contentType = response.contentType();
      target.onOpen(response);
    }

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
      boolean ours = protocol.recognisesEvent(event.data());
      synchronized (this) {
        if (failed) {
          return;
        }
        recognised |= ours;
        failed = !ours;
      }
      if (ours) {
        target.onEvent(event, context);
      } else {
        context.parsingHandle().cancel();
        target.onError(OffProtocolAnswer.event(status, contentType, event.data()));
      }
    }

    @Override
    public void onError(Throwable error) {
      if (!isFailed()) {
        target.onError(error);
      }
    }

    @Override
    public void onClose() {
      boolean none;
      synchronized (this) {
        if (failed) {
          return;
        }
        none = !recognised;
        failed = none;
      }
      if (none) {
        target.onError(
            OffProtocolAnswer.noEvents(
                status, contentType, new String(headBytes(), StandardCharsets.UTF_8)));
      } else {
        target.onClose();
      }
    }

    private synchronized boolean isFailed() {
      return failed;
    }

    private synchronized byte[] headBytes() {
      return head.toByteArray();
    }
  }

  private record Builder(HttpClientBuilder delegate, WireProtocol protocol)
      implements HttpClientBuilder {
    @Override
    public Duration connectTimeout() {
      return delegate.connectTimeout();
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
      delegate.connectTimeout(timeout);
      return this;
    }

    @Override
    public Duration readTimeout() {
      return delegate.readTimeout();
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
      delegate.readTimeout(timeout);
      return this;
    }

    @Override
    public HttpClient build() {
      return new ProtocolCheckingHttpClient(delegate.build(), protocol);
    }
  }
}
