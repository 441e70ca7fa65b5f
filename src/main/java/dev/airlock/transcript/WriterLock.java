package dev.airlock.transcript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says whether a transcript still has a live writer: the writer holds an exclusive lock on a
 * sidecar file ({@code RUN.jsonl.lock}) for as long as it is open. The operating system drops the
 * lock when the process dies, however it dies, so a killed run is told apart from a live one
 * without trusting pids (which are reused) or clocks.
 */
final class WriterLock implements AutoCloseable {
  /**
   * Sidecars locked by this JVM. A POSIX lock belongs to the process, and closing any channel on
   * the file drops it: so a check from this JVM must not open a sidecar this JVM holds.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path sidecar;
  private final FileChannel channel;
  private final FileLock lock;

  private WriterLock(Path sidecar, FileChannel channel, FileLock lock) {
    this.sidecar = sidecar;
    this.channel = channel;
    this.lock = lock;
  }

  static Path sidecar(Path transcript) {
    Path abs = transcript.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + ".lock");
  }

  /** Takes the lock for a transcript about to be written; fails if another writer holds it. */
  static WriterLock acquire(Path transcript) throws IOException {
    Path sidecar = sidecar(transcript);
    if (!HELD.add(sidecar)) {
      throw new IOException(transcript + " is already being written by this process");
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(sidecar, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new IOException(
            transcript
                + " is already being written by another process ("
                + sidecar
                + " is locked)");
      }
      return new WriterLock(sidecar, channel, lock);
    } catch (IOException | RuntimeException e) {
      HELD.remove(sidecar);
      if (channel != null) {
        channel.close();
      }
      throw e;
    }
  }

  /** Whether a process (this one or another) is writing the transcript now. */
  static boolean isHeld(Path transcript) {
    Path sidecar = sidecar(transcript);
    if (HELD.contains(sidecar)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(sidecar, StandardOpenOption.READ)) {
      FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    } catch (NoSuchFileException e) {
      return false; // closed writers delete the sidecar; transcripts from before it have none
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false; // cannot tell: the end record (or its absence) speaks for the run
    }
  }

  @Override
  public void close() {
    if (!channel.isOpen()) {
      return;
    }
    try {
      try {
        lock.release();
        channel.close();
      } finally {
        HELD.remove(sidecar);
      }
      Files.deleteIfExists(sidecar);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the transcript lock " + sidecar, e);
    }
  }
}
