package dev.airlock.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback S3 speaking the REST protocol the AWS SDK uses with path-style addressing: GET object,
 * ListObjectsV2 with continuation tokens, and S3's XML errors (NoSuchKey, NoSuchBucket,
 * AccessDenied). Generated objects are produced while sending, never held whole.
 */
public final class FakeS3Server implements AutoCloseable {
  /** An object's bytes: either given, or {@code size} bytes from {@link #generated}. */
  private record Blob(byte[] bytes, long size) {}

  /** One request as the server saw it. */
  public record Seen(String method, String path, Map<String, String> query, boolean signed) {}

  private final HttpServer server;
  private final Map<String, TreeMap<String, Blob>> buckets = new ConcurrentHashMap<>();
  private final Set<String> denied = ConcurrentHashMap.newKeySet();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile int pageSize = 1000;

  public FakeS3Server() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void put(String bucket, String key, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    bucket(bucket).put(key, new Blob(bytes, bytes.length));
  }

  void putGenerated(String bucket, String key, long size) {
    bucket(bucket).put(key, new Blob(null, size));
  }

  void createBucket(String bucket) {
    bucket(bucket);
  }

  void deny(String bucket) {
    denied.add(bucket);
  }

  void pageSize(int keys) {
    pageSize = keys;
  }

  public List<Seen> requests() {
    return List.copyOf(seen);
  }

  /** The deterministic content of generated objects: byte i of a stream seeded by nothing. */
  static void generated(long offset, byte[] buffer, int length) {
    for (int i = 0; i < length; i++) {
      long x = (offset + i) * 0x9E3779B97F4A7C15L;
      buffer[i] = (byte) (x >>> 56 ^ x >>> 29);
    }
  }

  private TreeMap<String, Blob> bucket(String name) {
    return buckets.computeIfAbsent(name, n -> new TreeMap<>());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path =
          URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      boolean signed = exchange.getRequestHeaders().containsKey("Authorization");
      seen.add(new Seen(exchange.getRequestMethod(), path, query, signed));
      String rest = path.substring(1);
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String key = slash < 0 ? "" : rest.substring(slash + 1);
      if (!buckets.containsKey(bucket)) {
        error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
      } else if (denied.contains(bucket)) {
        error(exchange, 403, "AccessDenied", "Access Denied");
      } else if (key.isEmpty() && "2".equals(query.get("list-type"))) {
        list(exchange, bucket, query);
      } else {
        get(exchange, bucket, key);
      }
    } finally {
      exchange.close();
    }
  }

  private void get(HttpExchange exchange, String bucket, String key) throws IOException {
    Blob blob = buckets.get(bucket).get(key);
    if (blob == null) {
      error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
    exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(key.hashCode()) + "\"");
    exchange.getResponseHeaders().add("Last-Modified", "Thu, 26 Nov 2026 00:00:00 GMT");
    exchange.sendResponseHeaders(200, blob.size());
    try (OutputStream out = exchange.getResponseBody()) {
      if (blob.bytes() != null) {
        out.write(blob.bytes());
        return;
      }
      byte[] buffer = new byte[64 * 1024];
      for (long sent = 0; sent < blob.size(); ) {
        int n = (int) Math.min(buffer.length, blob.size() - sent);
        generated(sent, buffer, n);
        out.write(buffer, 0, n);
        sent += n;
      }
    }
  }

  private void list(HttpExchange exchange, String bucket, Map<String, String> query)
      throws IOException {
    String prefix = query.getOrDefault("prefix", "");
    String after =
        query.containsKey("continuation-token")
            ? new String(
                Base64.getDecoder().decode(query.get("continuation-token")), StandardCharsets.UTF_8)
            : null;
    int max = Math.min(pageSize, Integer.parseInt(query.getOrDefault("max-keys", "1000")));
    boolean url = "url".equals(query.get("encoding-type"));
    List<Map.Entry<String, Blob>> page = new ArrayList<>();
    boolean truncated = false;
    var tail = after == null ? buckets.get(bucket) : buckets.get(bucket).tailMap(after, false);
    for (Map.Entry<String, Blob> e : tail.entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        continue;
      }
      if (page.size() == max) {
        truncated = true;
        break;
      }
      page.add(e);
    }
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
    xml.append("<Name>").append(bucket).append("</Name>");
    xml.append("<Prefix>").append(encode(prefix, url)).append("</Prefix>");
    xml.append("<KeyCount>").append(page.size()).append("</KeyCount>");
    xml.append("<MaxKeys>").append(max).append("</MaxKeys>");
    if (url) {
      xml.append("<EncodingType>url</EncodingType>");
    }
    xml.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
    for (Map.Entry<String, Blob> e : page) {
      xml.append("<Contents><Key>")
          .append(encode(e.getKey(), url))
          .append("</Key>")
          .append("<LastModified>2026-11-26T00:00:00.000Z</LastModified>")
          .append("<ETag>&quot;0&quot;</ETag><Size>")
          .append(e.getValue().size())
          .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
    }
    if (truncated) {
      String last = page.get(page.size() - 1).getKey();
      xml.append("<NextContinuationToken>")
          .append(Base64.getEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)))
          .append("</NextContinuationToken>");
    }
    xml.append("</ListBucketResult>");
    send(exchange, 200, xml.toString());
  }

  private static String encode(String s, boolean url) {
    String text = url ? URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20") : s;
    return text.replace("&", "&amp;").replace("<", "&lt;");
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    send(
        exchange,
        status,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message><RequestId>fake</RequestId></Error>");
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/xml");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
