package dev.airlock.sandbox;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One started sandbox process whose bootstrap has not been given code: its limits hold and it waits
 * for its header and code on stdin. It runs nothing but the bootstrap until then, and one execution
 * after; it is never given code twice.
 *
 * @param environment the environment it was started with (a spare serves only an execution asking
 *     for exactly this environment)
 */
record SandboxProcess(Process process, Map<String, String> environment, ReadyMark stderr) {

  SandboxProcess(Process process, Map<String, String> environment) {
    this(process, Map.copyOf(environment), new ReadyMark(process.getErrorStream()));
  }

  /**
   * Blocks until the bootstrap is ready for its code (or the process ended before that); true when
   * it is ready. Reads the ready byte off stderr, so the output pump never sees it.
   */
  boolean awaitReady() {
    return stderr.marks() >= 1;
  }

  /**
   * True only when it is certain the code never ran: all of stderr was read and the bootstrap never
   * said it read its code. Anything less certain (stderr not read to its end) counts as ran, so a
   * code is never run twice.
   */
  boolean neverTookCode() {
    return stderr.ended() && stderr.seen() < 2;
  }

  /**
   * SIGKILLs the process tree and waits (at most a few seconds) until all of it is gone. Python
   * goes first, so bubblewrap reaps it and exits at once; killing bubblewrap first would leave
   * python to the host's init, which may take its time to reap it.
   */
  void kill() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.forEach(ProcessHandle::destroyForcibly);
    tree.add(process.toHandle());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    try {
      // Still starting (no python yet), or bubblewrap did not follow: kill it too; a child it
      // starts now dies with it (--die-with-parent).
      if (tree.size() == 1 || !process.waitFor(200, TimeUnit.MILLISECONDS)) {
        ProcessExecution.killTree(process);
      }
      // Polled: onExit() of a process that is not our child first sleeps 300 ms.
      while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ProcessExecution.killTree(process);
    }
  }

  /**
   * Stderr with the bootstrap's two marks taken out (a {@link PythonBootstrap#MARK} byte when it is
   * ready for its code, another when it read it), wherever they come: python may write on stderr
   * before the bootstrap runs (a .pth file of the interpreter warning at start-up), and that text
   * is kept for the reader. When no mark comes (bubblewrap or python failing before the bootstrap
   * ran), every byte is kept.
   */
  static final class ReadyMark extends FilterInputStream {
    private volatile int seen;
    private volatile boolean ended;
    private byte[] pending = new byte[0];
    private int pendingAt;

    ReadyMark(InputStream in) {
      super(in);
    }

    /** Reads up to the first mark, keeping what came before it; how many marks came so far. */
    synchronized int marks() {
      while (seen == 0 && !ended) {
        byte[] chunk = new byte[256];
        int n = fill(chunk, 0, chunk.length);
        if (n > 0) {
          byte[] more = new byte[pending.length - pendingAt + n];
          System.arraycopy(pending, pendingAt, more, 0, pending.length - pendingAt);
          System.arraycopy(chunk, 0, more, pending.length - pendingAt, n);
          pending = more;
          pendingAt = 0;
        }
      }
      return seen;
    }

    int seen() {
      return seen;
    }

    /** Whether stderr was read to its end (or could no longer be read). */
    boolean ended() {
      return ended;
    }

    /**
     * Reads from the process into {@code buffer}, taking the marks out; the number of bytes kept, 0
     * when all were marks, -1 at the end.
     */
    private int fill(byte[] buffer, int offset, int length) {
      int n;
      try {
        n = in.read(buffer, offset, length);
      } catch (IOException e) {
        n = -1;
      }
      if (n < 0) {
        ended = true;
        return -1;
      }
      int kept = 0;
      for (int i = 0; i < n; i++) {
        byte b = buffer[offset + i];
        if (b == PythonBootstrap.MARK && seen < 2) {
          seen++;
        } else {
          buffer[offset + kept++] = b;
        }
      }
      return kept;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (pendingAt < pending.length) {
        int n = Math.min(length, pending.length - pendingAt);
        System.arraycopy(pending, pendingAt, buffer, offset, n);
        pendingAt += n;
        return n;
      }
      while (true) {
        int n = fill(buffer, offset, length);
        if (n != 0) {
          return n;
        }
      }
    }
  }
}
