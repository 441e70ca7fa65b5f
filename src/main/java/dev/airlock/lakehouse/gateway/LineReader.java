package dev.airlock.lakehouse.gateway;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads newline-terminated lines from a channel without ever holding more than {@code limit} bytes
 * of one line: a peer that sends an endless line gets cut off, not an OutOfMemoryError. A line may
 * be followed by a body of a declared length (an upload), read with {@link #copy}.
 */
final class LineReader {
  /** A line longer than the limit arrived. */
  static final class TooLongException extends IOException {
    TooLongException() {
      super("line too long");
    }
  }

  private final ReadableByteChannel channel;
  private final int limit;
  private final ByteBuffer buffer = ByteBuffer.allocate(8192);
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LineReader(ReadableByteChannel channel, int limit) {
    this.channel = channel;
    this.limit = limit;
    buffer.flip();
  }

  /**
   * The next line without its newline, or null at the end of the stream. A last line without a
   * newline still counts as a line.
   */
  byte[] next() throws IOException {
    while (true) {
      while (buffer.hasRemaining()) {
        byte b = buffer.get();
        if (b == '\n') {
          byte[] out = line.toByteArray();
          line.reset();
          return out;
        }
        if (line.size() >= limit) {
          throw new TooLongException();
        }
        line.write(b);
      }
      buffer.clear();
      int read = channel.read(buffer);
      buffer.flip();
      if (read < 0) {
        if (line.size() == 0) {
          return null;
        }
        byte[] out = line.toByteArray();
        line.reset();
        return out;
      }
    }
  }

  /**
   * Copies exactly the next {@code count} bytes of the stream (after the last line read) to {@code
   * out}; never reads past them, so the next line stays intact.
   *
   * @throws EOFException when the stream ends first
   */
  void copy(long count, OutputStream out) throws IOException {
    long left = count;
    while (left > 0) {
      if (!buffer.hasRemaining()) {
        buffer.clear();
        int read = channel.read(buffer);
        buffer.flip();
        if (read < 0) {
          throw new EOFException((count - left) + " of " + count + " bytes arrived");
        }
        continue;
      }
      int n = (int) Math.min(left, buffer.remaining());
      out.write(buffer.array(), buffer.position(), n);
      buffer.position(buffer.position() + n);
      left -= n;
    }
  }
}
