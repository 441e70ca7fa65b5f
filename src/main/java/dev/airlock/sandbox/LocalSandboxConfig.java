package dev.airlock.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a local sandbox runs Python: which interpreter and bubblewrap, the resource limits, the
 * output cap, the sandbox user, and what is bound into the sandbox besides the workspace.
 * Immutable; make one with {@link #builder()} (which starts from the defaults) or change one with
 * {@link #toBuilder()}.
 *
 * @param python the interpreter as the sandbox sees it: under /usr (the only system folder the
 *     sandbox sees) or under a read-only bind (see {@link ChosenPython})
 * @param cpuTime CPU seconds per process; null means "the request's timeout"
 * @param processes how many processes and threads the code may add (RLIMIT_NPROC allowance)
 * @param sandboxUid host uid the sandbox runs as; null means 65534 (nobody) when Airlock runs as
 *     root (RLIMIT_NPROC is not enforced for root) and the current user otherwise
 * @param environment extra variables set inside the sandbox (e.g. PYTHONPATH, AIRLOCK_GATEWAY);
 *     never put secrets here
 */
public record LocalSandboxConfig(
    Path python,
    Path bubblewrap,
    long memoryBytes,
    long fileSizeBytes,
    Duration cpuTime,
    int processes,
    int openFiles,
    long tmpBytes,
    long outputCapBytes,
    Integer sandboxUid,
    List<BindMount> binds,
    Map<String, String> environment) {

  public static final long MIB = 1024L * 1024;
  public static final long GIB = 1024 * MIB;
  public static final int NOBODY_UID = 65534;

  public LocalSandboxConfig {
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(bubblewrap, "bubblewrap");
    if (memoryBytes <= 0 || fileSizeBytes <= 0 || tmpBytes <= 0 || outputCapBytes <= 0) {
      throw new IllegalArgumentException("sandbox limits must be positive");
    }
    if (processes <= 0 || openFiles <= 0) {
      throw new IllegalArgumentException("process and open-file limits must be positive");
    }
    binds = List.copyOf(binds == null ? List.of() : binds);
    environment =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(environment == null ? Map.of() : environment));
    environment.forEach(
        (name, value) -> {
          checkName(name);
          Objects.requireNonNull(value, "value");
        });
  }

  /** /usr/bin/python3 under /usr/bin/bwrap; 2 GiB memory, 1 GiB files, 64 processes. */
  public static LocalSandboxConfig defaults() {
    return builder().build();
  }

  /** A builder holding the {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration, to change some of it. */
  public Builder toBuilder() {
    Builder builder =
        builder()
            .python(python)
            .bubblewrap(bubblewrap)
            .memoryBytes(memoryBytes)
            .fileSizeBytes(fileSizeBytes)
            .cpuTime(cpuTime)
            .processes(processes)
            .openFiles(openFiles)
            .tmpBytes(tmpBytes)
            .outputCapBytes(outputCapBytes)
            .sandboxUid(sandboxUid);
    binds.forEach(builder::bind);
    environment.forEach(builder::environment);
    return builder;
  }

  /**
   * Collects a configuration; {@link #build()} checks it (in the record's constructor). Binds keep
   * the order they were added in; setting a variable again replaces its value.
   */
  public static final class Builder {
    private Path python = Path.of("/usr/bin/python3");
    private Path bubblewrap = Path.of("/usr/bin/bwrap");
    private long memoryBytes = 2 * GIB;
    private long fileSizeBytes = GIB;
    private Duration cpuTime;
    private int processes = 64;
    private int openFiles = 256;
    private long tmpBytes = 256 * MIB;
    private long outputCapBytes = 10 * MIB;
    private Integer sandboxUid;
    private final List<BindMount> binds = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Builder() {}

    public Builder python(Path path) {
      python = path;
      return this;
    }

    public Builder bubblewrap(Path path) {
      bubblewrap = path;
      return this;
    }

    public Builder memoryBytes(long bytes) {
      memoryBytes = bytes;
      return this;
    }

    public Builder fileSizeBytes(long bytes) {
      fileSizeBytes = bytes;
      return this;
    }

    /** CPU seconds per process; null means "the request's timeout". */
    public Builder cpuTime(Duration time) {
      cpuTime = time;
      return this;
    }

    public Builder processes(int count) {
      processes = count;
      return this;
    }

    public Builder openFiles(int count) {
      openFiles = count;
      return this;
    }

    public Builder tmpBytes(long bytes) {
      tmpBytes = bytes;
      return this;
    }

    public Builder outputCapBytes(long bytes) {
      outputCapBytes = bytes;
      return this;
    }

    /** The host uid the sandbox runs as; null chooses (see {@link LocalSandboxConfig}). */
    public Builder sandboxUid(Integer uid) {
      sandboxUid = uid;
      return this;
    }

    /** Adds a host folder (or file) the sandbox can read at {@code target}. */
    public Builder readOnlyBind(Path source, String target) {
      return bind(BindMount.readOnly(source, target));
    }

    /** Adds a host folder the sandbox can write at {@code target} (e.g. a Unix socket folder). */
    public Builder readWriteBind(Path source, String target) {
      return bind(BindMount.readWrite(source, target));
    }

    public Builder bind(BindMount bind) {
      binds.add(bind);
      return this;
    }

    /** Sets a variable inside the sandbox, e.g. {@code PYTHONPATH=/opt/airlock/python}. */
    public Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    public LocalSandboxConfig build() {
      return new LocalSandboxConfig(
          python,
          bubblewrap,
          memoryBytes,
          fileSizeBytes,
          cpuTime,
          processes,
          openFiles,
          tmpBytes,
          outputCapBytes,
          sandboxUid,
          binds,
          environment);
    }
  }

  /** The interpreter's path on the host: {@link #python()} with bind targets mapped back. */
  public Path pythonOnHost() {
    String path = python.toString();
    for (BindMount bind : binds) {
      path = bind.toHostPaths(path);
    }
    return Path.of(path);
  }

  /** Whether the sandbox can see the interpreter: under /usr or under a bound folder. */
  boolean pythonVisibleInSandbox() {
    Path path = python.toAbsolutePath().normalize();
    return path.startsWith("/usr/")
        || binds.stream().anyMatch(bind -> path.startsWith(bind.target()));
  }

  /** CPU seconds for one process: the configured time, else the execution's timeout. */
  long cpuSecondsFor(Duration timeout) {
    Duration time = cpuTime != null ? cpuTime : timeout;
    return Math.max(1, (time.toMillis() + 999) / 1000);
  }

  static void checkName(String name) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "environment variable name '" + name + "' is not valid: use letters, digits and _");
    }
  }
}
