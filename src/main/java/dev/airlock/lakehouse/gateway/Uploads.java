package dev.airlock.lakehouse.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.lakehouse.Lineage;
import dev.airlock.source.StagedFiles;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Files sandboxed code sends with {@code create_table} and {@code import_data}. The code's client
 * reads its own files inside the sandbox, where bubblewrap confines what it can see, and streams
 * their bytes after the request line; the gateway writes them to a private 0700 folder the code
 * cannot name or change, the lakehouse imports from there, and the copies are deleted. So the host
 * never resolves a path the code controls (a link swapped in mid-import reaches nothing).
 *
 * <p>Every number in the announcement is hostile: sizes are checked against the per-request limit
 * and a budget shared by all connections before any byte is read, and exactly the announced bytes
 * are read. The code's path names serve only as labels (lineage, messages), never as host paths.
 */
final class Uploads implements AutoCloseable {
  static final int MAX_FILES = 10_000;
  private static final int MAX_NAME_CHARS = 4096;

  private final Path root;
  private final long maxRequestBytes;
  private final long budget;
  private final AtomicLong reserved = new AtomicLong();

  Uploads(Path parent, long maxRequestBytes, long budget) throws IOException {
    Files.createDirectories(parent);
    this.root =
        Files.createTempDirectory(
            parent,
            "airlock-uploads-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    this.maxRequestBytes = maxRequestBytes;
    this.budget = budget;
  }

  Path root() {
    return root;
  }

  /** One announced file: the sandbox path it was read from, and its size in bytes. */
  record Announced(String path, long size) {}

  /** Checks an announcement ({@code [{"path": ..., "size": ...}, ...]}); reads nothing yet. */
  static List<Announced> announced(JsonNode upload) {
    if (!upload.isArray() || upload.isEmpty()) {
      throw ProtocolError.badRequest(
          "\"upload\" must be a non-empty list of" + " {\"path\": \"/work/...\", \"size\": bytes}");
    }
    if (upload.size() > MAX_FILES) {
      throw new ProtocolError(
          ProtocolError.REQUEST_TOO_LARGE,
          413,
          "An upload may hold at most "
              + MAX_FILES
              + " files, not "
              + upload.size()
              + ": import fewer files at a time.");
    }
    List<Announced> files = new ArrayList<>();
    for (JsonNode f : upload) {
      JsonNode path = f.get("path");
      JsonNode size = f.get("size");
      if (path == null
          || !path.isTextual()
          || path.asText().isEmpty()
          || path.asText().length() > MAX_NAME_CHARS
          || path.asText().chars().anyMatch(Character::isISOControl)
          || size == null
          || !size.isIntegralNumber()
          || !size.canConvertToLong()
          || size.asLong() < 0) {
        throw ProtocolError.badRequest(
            "each uploaded file needs a \"path\" (a string of at most "
                + MAX_NAME_CHARS
                + " characters, no control characters) and a \"size\" (bytes, a"
                + " non-negative integer)");
      }
      files.add(new Announced(path.asText(), size.asLong()));
    }
    return files;
  }

  /**
   * Reserves room for the announced files, then reads their bytes from {@code body} into a fresh
   * private folder. On any failure nothing stays on disk and the reservation is returned.
   */
  Upload receive(String uri, List<Announced> files, LineReader body) throws IOException {
    long total = 0;
    for (Announced f : files) {
      total += f.size();
      if (total > maxRequestBytes || total < 0) {
        throw new ProtocolError(
            ProtocolError.REQUEST_TOO_LARGE,
            413,
            "The upload for "
                + uri
                + " is larger than the gateway's limit of "
                + maxRequestBytes
                + " bytes per call:"
                + " import fewer or smaller files at a time.");
      }
    }
    if (!reserve(total)) {
      throw new ProtocolError(
          ProtocolError.TOO_MANY_REQUESTS,
          429,
          "Other uploads already hold"
              + " the gateway's staging room ("
              + budget
              + " bytes): retry when they have finished.");
    }
    Upload upload;
    try {
      upload = new Upload(uri, Files.createTempDirectory(root, "u-"), total);
    } catch (IOException e) {
      reserved.addAndGet(-total);
      throw e;
    }
    try {
      int i = 0;
      long content = 0;
      for (Announced f : files) {
        Path target = upload.folder.resolve(i++ + "-" + safeName(f.path()));
        try (OutputStream out =
            Files.newOutputStream(
                target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          body.copy(f.size(), out);
        }
        upload.add(target, f.path());
        content += contentBytes(target, maxRequestBytes - content);
        if (content > maxRequestBytes) {
          throw new ProtocolError(
              ProtocolError.REQUEST_TOO_LARGE,
              413,
              "The upload for "
                  + uri
                  + " decompresses to more than the gateway's limit of "
                  + maxRequestBytes
                  + " bytes"
                  + " per call ("
                  + f.path()
                  + " is gzip): import fewer or smaller files at a time.");
        }
      }
      return upload;
    } catch (EOFException e) {
      upload.close();
      throw new ProtocolError(
          ProtocolError.PROTOCOL_ERROR,
          400,
          "The upload for "
              + uri
              + " ended early ("
              + e.getMessage()
              + " of the announced file): nothing was imported.");
    } catch (IOException | RuntimeException e) {
      upload.close();
      throw e;
    }
  }

  /**
   * The bytes the lakehouse will read from {@code file}: a {@code .gz} file is read decompressed,
   * so it counts by what it expands to (counted no further than {@code room} + 1), or a few
   * kilobytes sent would make the host parse gigabytes.
   */
  private static long contentBytes(Path file, long room) throws IOException {
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return Files.size(file);
    }
    long count = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      int n;
      while (count <= room && (n = in.read(buffer)) > 0) {
        count += n;
      }
    } catch (ZipException | EOFException e) {
      // Not gzip or cut short: the import reports the file itself, with its own error.
      return Files.size(file);
    }
    return count;
  }

  /** Staging never outgrows the budget, however many connections upload at once. */
  private boolean reserve(long bytes) {
    while (true) {
      long now = reserved.get();
      if (now + bytes > budget) {
        return false;
      }
      if (reserved.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  /**
   * The last path component, reduced to characters every file system takes; keeps the extension.
   */
  static String safeName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    if (name.length() > 100) {
      name = name.substring(name.length() - 100);
    }
    return name.isEmpty() || name.startsWith(".") ? "file" + name : name;
  }

  @Override
  public void close() {
    delete(root);
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A leftover private folder of copies is harmless; the next cleanup of /tmp takes it.
    }
  }

  /** The staged copies of one request: files for the lakehouse, the code's names for messages. */
  final class Upload implements StagedFiles {
    private final String uri;
    private final Path folder;
    private final long bytes;
    private final List<Path> files = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private boolean closed;

    private Upload(String uri, Path folder, long bytes) {
      this.uri = uri;
      this.folder = folder;
      this.bytes = bytes;
    }

    private void add(Path file, String name) {
      files.add(file);
      names.add(name);
    }

    @Override
    public String uri() {
      return uri;
    }

    @Override
    public List<Path> files() {
      return List.copyOf(files);
    }

    @Override
    public List<String> sourceUris() {
      return names.stream().map(Lineage::uploadedUri).toList();
    }

    /** {@code message} with every staged path replaced by the sandbox path it came from. */
    String hidePaths(String message) {
      String out = message;
      for (int i = 0; i < files.size(); i++) {
        out = out.replace(files.get(i).toString(), names.get(i));
      }
      return out.replace(folder.toString(), "(upload)").replace(root.toString(), "(uploads)");
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      delete(folder);
      reserved.addAndGet(-bytes);
    }
  }
}
