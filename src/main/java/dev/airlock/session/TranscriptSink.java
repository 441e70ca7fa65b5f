package dev.airlock.session;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunListener;
import dev.airlock.transcript.Redactor;
import dev.airlock.transcript.TranscriptWriter;
import java.nio.file.Path;

/**
 * Writes a run's persistent events to its transcript. The file is created with the first event (the
 * run's start), so a session opened and never started leaves nothing behind.
 */
final class TranscriptSink implements RunListener, AutoCloseable {
  private final Path file;
  private final Redactor redactor;
  private TranscriptWriter writer;
  private boolean closed;

  TranscriptSink(Path file, Redactor redactor) {
    this.file = file;
    this.redactor = redactor;
  }

  Path file() {
    return file;
  }

  @Override
  public synchronized void onEvent(RunEvent event) {
    if (closed || !event.persistent()) {
      return;
    }
    if (writer == null) {
      writer = TranscriptWriter.create(file, redactor);
    }
    writer.append(event);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (writer != null) {
      writer.close();
    }
  }
}
