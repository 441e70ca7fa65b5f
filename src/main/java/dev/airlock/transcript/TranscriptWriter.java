package dev.airlock.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends records to a JSON Lines file, one record a line, flushed after every record so that a
 * crash loses at most the record being written. Every line passes through the {@link Redactor}.
 * While it is open it holds the transcript's {@link WriterLock}, so readers can tell a live run
 * from one whose process died.
 */
public final class TranscriptWriter implements AutoCloseable {
  private final Path file;
  private final BufferedWriter out;
  private final Redactor redactor;
  private final WriterLock lock;

  private TranscriptWriter(Path file, BufferedWriter out, Redactor redactor, WriterLock lock) {
    this.file = file;
    this.out = out;
    this.redactor = redactor;
    this.lock = lock;
  }

  /** Creates a new transcript; fails if the file exists (a run id is never reused). */
  public static TranscriptWriter create(Path file, Redactor redactor) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      WriterLock lock =
          WriterLock.acquire(file); // before the file exists: no moment without a writer
      try {
        BufferedWriter out =
            Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        return new TranscriptWriter(file, out, redactor, lock);
      } catch (IOException | RuntimeException e) {
        lock.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the transcript "
              + file
              + ": check that the runs folder is writable (--runs-dir)",
          e);
    }
  }

  public Path file() {
    return file;
  }

  public synchronized void append(Object record) {
    try {
      String line = redactor.redact(Json.mapper().writeValueAsString(record));
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + record.getClass().getSimpleName(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot append to the transcript " + file + " (disk full?)", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the transcript " + file, e);
    } finally {
      lock.close();
    }
  }
}
