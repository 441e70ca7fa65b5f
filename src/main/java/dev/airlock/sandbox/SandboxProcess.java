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
   * Whether the bootstrap said it read its code. False after the process ended means it died before
   * it took the code (a spare killed from outside, or by the OOM killer), so no code ran.
   */
  boolean tookCode() {
    return stderr.seen() >= 2;
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
   * Stderr with the bootstrap's two leading marks taken out (a {@link PythonBootstrap#MARK} byte
   * when it is ready for its code, another when it read it). When a byte is something else
   * (bubblewrap or python failing before the bootstrap ran), it is kept for the reader and nothing
   * after it is taken for a mark.
   */
  static final class ReadyMark extends FilterInputStream {
    private volatile int seen;
    private boolean done;
    private int kept = -1;

    ReadyMark(InputStream in) {
      super(in);
    }

    /** Reads up to the first mark; how many marks came so far. */
    synchronized int marks() {
      if (seen == 0 && !done) {
        next();
      }
      return seen;
    }

    int seen() {
      return seen;
    }

    private void next() {
      try {
        int b = in.read();
        if (b == PythonBootstrap.MARK) {
          seen++;
          done = seen == 2;
        } else {
          kept = b;
          done = true;
        }
      } catch (IOException e) {
        done = true;
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      synchronized (this) {
        while (!done) {
          next();
        }
        if (kept >= 0) {
          buffer[offset] = (byte) kept;
          kept = -1;
          return 1;
        }
      }
      return in.read(buffer, offset, length);
    }
  }
}
