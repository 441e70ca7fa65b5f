package dev.airlock.session;

import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.source.DefaultRawSources;
import dev.airlock.source.RawSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One embedded lakehouse per home folder within a process: a run, the console's data browser and a
 * command on the same home share one catalog and one DuckDB, so they see each other's commits at
 * once (every {@link LocalLakehouse#addListener listener} hears every commit), and merges go
 * through the {@link RoutingGate} to the gate of the run (or command) they belong to. Each {@link
 * #open} is a lease; the lakehouse closes when the last lease does.
 */
public final class Lakehouses {
  private static final Map<Path, Shared> OPEN = new HashMap<>();

  private Lakehouses() {}

  /** A lease on the lakehouse at {@code home}, opening it (and creating the folder) if needed. */
  public static Lease open(Path home) {
    Path key = key(home);
    synchronized (OPEN) {
      Shared shared = OPEN.get(key);
      if (shared == null) {
        RoutingGate gate = new RoutingGate();
        DefaultRawSources raw = new DefaultRawSources();
        LocalLakehouse lakehouse;
        try {
          lakehouse = new LocalLakehouse(key, gate, raw, null);
        } catch (RuntimeException e) {
          raw.close();
          throw e;
        }
        shared = new Shared(key, lakehouse, gate, raw);
        OPEN.put(key, shared);
      }
      shared.leases++;
      return new Lease(shared);
    }
  }

  private static Path key(Path home) {
    Path abs = home.toAbsolutePath().normalize();
    try {
      Files.createDirectories(abs);
      return abs.toRealPath();
    } catch (IOException e) {
      return abs;
    }
  }

  private static final class Shared {
    final Path home;
    final LocalLakehouse lakehouse;
    final RoutingGate gate;
    final DefaultRawSources raw;
    int leases;

    Shared(Path home, LocalLakehouse lakehouse, RoutingGate gate, DefaultRawSources raw) {
      this.home = home;
      this.lakehouse = lakehouse;
      this.gate = gate;
      this.raw = raw;
    }
  }

  /** One holder's use of a shared lakehouse. */
  public static final class Lease implements AutoCloseable {
    private final Shared shared;
    private boolean closed;

    private Lease(Shared shared) {
      this.shared = shared;
    }

    public LocalLakehouse lakehouse() {
      return shared.lakehouse;
    }

    public RoutingGate gate() {
      return shared.gate;
    }

    /** The S3 reader the lakehouse stages remote sources with. */
    public RawSources rawSources() {
      return shared.raw;
    }

    @Override
    public void close() {
      synchronized (OPEN) {
        if (closed) {
          return;
        }
        closed = true;
        if (--shared.leases > 0) {
          return;
        }
        OPEN.remove(shared.home);
        // Closed under the registry's lock: an open of the same home meanwhile waits, rather than
        // building a second lakehouse on files this one is still closing.
        try {
          shared.lakehouse.close();
        } finally {
          shared.raw.close();
        }
      }
    }
  }
}
