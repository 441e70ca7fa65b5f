package dev.airlock.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A provider stand-in on 127.0.0.1: answers each request with the next queued reply (the last one
 * repeats) and remembers every request it saw.
 */
final class LoopbackServer implements AutoCloseable {
  record Seen(String method, String path, Headers headers, String body) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(body);
    }

    String header(String name) {
      return headers.getFirst(name);
    }
  }

  /** What to send back for one request. */
  sealed interface Reply {}

  record Plain(int status, String contentType, String body) implements Reply {}

  /** An SSE stream; each string is written and flushed on its own. */
  record Stream(List<String> chunks) implements Reply {}

  /** Promises a long body, writes {@code partial}, then drops the connection. */
  record Broken(List<String> partial) implements Reply {}

  /** Starts a stream, writes {@code partial}, then sends nothing more until the server stops. */
  record Hang(List<String> partial) implements Reply {}

  private final HttpServer server;
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final ExecutorService threads = Executors.newCachedThreadPool();

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The base URL a client uses, e.g. http://127.0.0.1:PORT/v1. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  synchronized LoopbackServer then(Reply reply) {
    replies.add(reply);
    return this;
  }

  LoopbackServer thenJson(int status, String body) {
    return then(new Plain(status, "application/json", body));
  }

  LoopbackServer thenSse(String... chunks) {
    return then(new Stream(List.of(chunks)));
  }

  List<Seen> requests() {
    return List.copyOf(seen);
  }

  private synchronized Reply next() {
    return replies.size() > 1 ? replies.poll() : replies.peek();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders(),
            body));
    Reply reply = next();
    try (exchange) {
      if (reply instanceof Plain plain) {
        byte[] bytes = plain.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", plain.contentType());
        exchange.sendResponseHeaders(plain.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
      } else if (reply instanceof Stream stream) {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        write(exchange.getResponseBody(), stream.chunks());
      } else if (reply instanceof Broken broken) {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 1_000_000);
        write(exchange.getResponseBody(), broken.partial());
      } else if (reply instanceof Hang hang) {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        write(exchange.getResponseBody(), hang.partial());
        stopped.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException expectedForBroken) {
      // closing a fixed-length body early fails here on purpose: the client sees a cut stream
    }
  }

  private static void write(OutputStream out, List<String> chunks) throws IOException {
    for (String chunk : chunks) {
      out.write(chunk.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
