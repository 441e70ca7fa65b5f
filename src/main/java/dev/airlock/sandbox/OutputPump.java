package dev.airlock.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a sandbox until it closes. Keeps and forwards up to {@code cap}
 * bytes; reads and counts the rest so the child never blocks on a full pipe. Decoding keeps the
 * bytes of a character split across two reads, so the listener never sees half a character.
 */
final class OutputPump implements Runnable {
  private final InputStream in;
  private final OutputListener.Stream stream;
  private final long cap;
  private final OutputListener listener;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer pending = ByteBuffer.allocate(16 * 1024);
  private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
  private final StringBuilder text = new StringBuilder();
  private long kept;
  private long dropped;

  OutputPump(InputStream in, OutputListener.Stream stream, long cap, OutputListener listener) {
    this.in = in;
    this.stream = stream;
    this.cap = cap;
    this.listener = listener;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        accept(buffer, n);
      }
    } catch (IOException e) {
      // The process was killed and its pipe closed under us: what we read is all there is.
    }
    finish();
  }

  private void accept(byte[] buffer, int n) {
    int keep;
    synchronized (this) {
      keep = (int) Math.min(n, cap - kept);
      kept += keep;
      dropped += n - keep;
    }
    int offset = 0;
    while (offset < keep) {
      int len = Math.min(keep - offset, pending.remaining());
      pending.put(buffer, offset, len);
      offset += len;
      decode(false);
    }
  }

  private void decode(boolean endOfInput) {
    pending.flip();
    decoder.decode(pending, chars, endOfInput);
    pending.compact();
    chars.flip();
    if (chars.hasRemaining()) {
      String chunk = chars.toString();
      synchronized (this) {
        text.append(chunk);
      }
      listener.onOutput(stream, chunk);
    }
    chars.clear();
  }

  private void finish() {
    synchronized (this) {
      if (dropped > 0) {
        // Bytes of a character cut by the cap are dropped, not shown as a replacement char.
        dropped += pending.position();
        pending.clear();
      }
    }
    decode(true);
  }

  synchronized String text() {
    return text.toString();
  }

  synchronized long droppedBytes() {
    return dropped;
  }
}
