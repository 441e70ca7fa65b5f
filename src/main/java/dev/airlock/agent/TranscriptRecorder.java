package dev.airlock.agent;

import dev.airlock.transcript.TranscriptWriter;

/** Writes every persistent event of a run to its transcript, as it happens. */
public final class TranscriptRecorder implements RunListener, AutoCloseable {
  private final TranscriptWriter writer;

  public TranscriptRecorder(TranscriptWriter writer) {
    this.writer = writer;
  }

  @Override
  public void onEvent(RunEvent event) {
    if (event.persistent()) {
      writer.append(event);
    }
  }

  @Override
  public void close() {
    writer.close();
  }
}
