package dev.airlock.lakehouse.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.lakehouse.Lakehouse;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves a {@link Lakehouse} to sandboxed code over a Unix domain socket: one JSON object per line
 * each way (docs/gateway-protocol.md). The socket lives in a fresh 0700 directory; bind that
 * directory into the sandbox and point {@code AIRLOCK_GATEWAY} at the socket inside it.
 *
 * <p>Connections are served concurrently, requests on one connection in order. No call is timed
 * out: a merge into {@code main} waits as long as the merge gate does (see {@link
 * GatewayListener#onMergeGateWaiting}). The host sets the {@link CallContext} around each execution
 * so commits carry the run and turn; a change of context closes the connections of the previous
 * one.
 */
public final class Gateway implements AutoCloseable {
  /** The socket's file name inside {@link #directory()}. */
  public static final String SOCKET_NAME = "lakehouse.sock";

  private static final int SUN_PATH_MAX = 107;

  private final Path directory;
  private final Path socket;
  private final ServerSocketChannel server;
  private final GatewayOptions options;
  private final RequestHandler handler;
  private final Uploads uploads;
  private final AtomicReference<CallContext> callContext = new AtomicReference<>(CallContext.NONE);
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
  private final Semaphore slots;
  private final ExecutorService workers;
  private final Thread acceptor;
  private volatile boolean closed;

  private Gateway(
      Path directory,
      ServerSocketChannel server,
      Lakehouse lakehouse,
      GatewayOptions options,
      GatewayListener listener,
      Uploads uploads) {
    this.directory = directory;
    this.socket = directory.resolve(SOCKET_NAME);
    this.server = server;
    this.options = options;
    this.uploads = uploads;
    this.handler =
        new RequestHandler(
            lakehouse,
            options,
            callContext::get,
            listener == null ? GatewayListener.NONE : listener,
            new ObjectMapper(),
            uploads);
    this.slots = new Semaphore(options.maxConnections());
    AtomicInteger count = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(r -> daemon(r, "airlock-gateway-" + count.incrementAndGet()));
    this.acceptor = daemon(this::acceptLoop, "airlock-gateway-accept");
  }

  /**
   * Creates the socket directory, binds the socket and starts serving.
   *
   * @throws IOException when the socket cannot be created (the message says where and why)
   */
  public static Gateway start(Lakehouse lakehouse, GatewayOptions options, GatewayListener listener)
      throws IOException {
    Objects.requireNonNull(lakehouse, "lakehouse");
    Objects.requireNonNull(options, "options");
    Path directory = createDirectory(options.parentDirectory());
    Path socket = directory.resolve(SOCKET_NAME);
    if (socket.toString().getBytes(StandardCharsets.UTF_8).length > SUN_PATH_MAX) {
      Files.deleteIfExists(directory);
      throw new IOException(
          "The gateway socket path "
              + socket
              + " is longer than the 107 bytes"
              + " a Unix socket path may have; choose a shorter parent directory.");
    }
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      server.close();
      Files.deleteIfExists(directory);
      throw new IOException(
          "Cannot create the lakehouse gateway socket " + socket + ": " + e.getMessage(), e);
    }
    Uploads uploads;
    try {
      // Never inside the socket's folder: that one is bound into the sandbox, this one must not be.
      uploads =
          new Uploads(
              Path.of(System.getProperty("java.io.tmpdir")),
              options.maxUploadBytes(),
              2 * options.maxUploadBytes());
    } catch (IOException e) {
      server.close();
      Files.deleteIfExists(socket);
      Files.deleteIfExists(directory);
      throw new IOException(
          "Cannot create the gateway's private folder for uploads in "
              + System.getProperty("java.io.tmpdir")
              + ": "
              + e.getMessage(),
          e);
    }
    Gateway gateway = new Gateway(directory, server, lakehouse, options, listener, uploads);
    gateway.acceptor.start();
    return gateway;
  }

  /** The socket file (host path). */
  public Path socketPath() {
    return socket;
  }

  /** The 0700 directory holding the socket: bind this directory into the sandbox. */
  public Path directory() {
    return directory;
  }

  /** The private folder uploaded files are staged in (never bound into the sandbox). */
  Path uploadsDirectory() {
    return uploads.root();
  }

  /**
   * Sets who the next calls work for (run and turn); {@code null} means no run. A change of context
   * ends the connections opened under the previous one: the host changes it when an execution ends
   * or begins, so a request the ended execution left on its connections (unfinished, or queued
   * behind a slow call) is never served in another turn's name, or in no run's.
   */
  public void setCallContext(CallContext context) {
    CallContext next = context == null ? CallContext.NONE : context;
    if (!callContext.getAndSet(next).equals(next)) {
      open.forEach(Gateway::closeQuietly);
    }
  }

  public CallContext callContext() {
    return callContext.get();
  }

  /** Stops serving, closes open connections and deletes the socket and its directory. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // Closing is best effort; the socket file is removed below either way.
    }
    open.forEach(Gateway::closeQuietly);
    workers.shutdownNow();
    uploads.close();
    try {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // A leftover empty 0700 directory in /tmp harms nobody.
    }
  }

  private void acceptLoop() {
    while (!closed) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (!slots.tryAcquire()) {
        writeQuietly(channel, handler.busy(options.maxConnections()));
        closeQuietly(channel);
        continue;
      }
      open.add(channel);
      try {
        workers.execute(() -> serve(channel));
      } catch (RuntimeException e) {
        release(channel);
      }
    }
  }

  private void serve(SocketChannel channel) {
    try {
      LineReader reader = new LineReader(channel, options.maxRequestBytes());
      byte[] line;
      while ((line = reader.next()) != null) {
        if (isBlank(line)) {
          continue;
        }
        RequestHandler.Answer answer = handler.handle(line, reader);
        write(channel, answer.line());
        if (answer.closeAfter()) {
          return; // an upload's bytes were left unread: the stream is out of step
        }
      }
    } catch (LineReader.TooLongException e) {
      writeQuietly(channel, handler.tooLarge(options.maxRequestBytes()));
    } catch (IOException e) {
      // The peer went away (or the gateway closed); nothing to answer.
    } finally {
      release(channel);
    }
  }

  private void release(SocketChannel channel) {
    open.remove(channel);
    closeQuietly(channel);
    slots.release();
    synchronized (open) {
      open.notifyAll();
    }
  }

  /**
   * Waits until no connection is being served, at most {@code timeout}; true when idle. After the
   * code's processes are gone, the calls they left in flight (a merge answered by a withdrawal)
   * finish and are reported before the host moves on.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (open) {
      while (!open.isEmpty()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        open.wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }

  private static void write(SocketChannel channel, byte[] response) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(response.length + 1).put(response).put((byte) '\n');
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static void writeQuietly(SocketChannel channel, byte[] response) {
    try {
      write(channel, response);
    } catch (IOException e) {
      // The peer is gone; nothing more to tell it.
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static Path createDirectory(Path parent) throws IOException {
    Path base = parent;
    if (base == null) {
      Path tmp = Path.of("/tmp");
      base =
          Files.isDirectory(tmp) && Files.isWritable(tmp)
              ? tmp
              : Path.of(System.getProperty("java.io.tmpdir"));
    }
    Files.createDirectories(base);
    return Files.createTempDirectory(
        base,
        "airlock-gw-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
