package dev.airlock.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a local sandbox runs Python: which interpreter and bubblewrap, the resource limits, the
 * output cap, the sandbox user, and what is bound into the sandbox besides the workspace.
 * Immutable; start from {@link #defaults()} and change with the {@code with...} methods.
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
        java.util.Collections.unmodifiableMap(
            new LinkedHashMap<>(environment == null ? Map.of() : environment));
    environment.keySet().forEach(LocalSandboxConfig::checkName);
  }

  /** /usr/bin/python3 under /usr/bin/bwrap; 2 GiB memory, 1 GiB files, 64 processes. */
  public static LocalSandboxConfig defaults() {
    return new LocalSandboxConfig(
        Path.of("/usr/bin/python3"),
        Path.of("/usr/bin/bwrap"),
        2 * GIB,
        GIB,
        null,
        64,
        256,
        256 * MIB,
        10 * MIB,
        null,
        List.of(),
        Map.of());
  }

  public LocalSandboxConfig withPython(Path path) {
    return new LocalSandboxConfig(
        path,
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

  public LocalSandboxConfig withBubblewrap(Path path) {
    return new LocalSandboxConfig(
        python,
        path,
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

  public LocalSandboxConfig withMemoryBytes(long bytes) {
    return new LocalSandboxConfig(
        python,
        bubblewrap,
        bytes,
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

  public LocalSandboxConfig withFileSizeBytes(long bytes) {
    return new LocalSandboxConfig(
        python,
        bubblewrap,
        memoryBytes,
        bytes,
        cpuTime,
        processes,
        openFiles,
        tmpBytes,
        outputCapBytes,
        sandboxUid,
        binds,
        environment);
  }

  public LocalSandboxConfig withCpuTime(Duration time) {
    return new LocalSandboxConfig(
        python,
        bubblewrap,
        memoryBytes,
        fileSizeBytes,
        time,
        processes,
        openFiles,
        tmpBytes,
        outputCapBytes,
        sandboxUid,
        binds,
        environment);
  }

  public LocalSandboxConfig withProcesses(int count) {
    return new LocalSandboxConfig(
        python,
        bubblewrap,
        memoryBytes,
        fileSizeBytes,
        cpuTime,
        count,
        openFiles,
        tmpBytes,
        outputCapBytes,
        sandboxUid,
        binds,
        environment);
  }

  public LocalSandboxConfig withTmpBytes(long bytes) {
    return new LocalSandboxConfig(
        python,
        bubblewrap,
        memoryBytes,
        fileSizeBytes,
        cpuTime,
        processes,
        openFiles,
        bytes,
        outputCapBytes,
        sandboxUid,
        binds,
        environment);
  }

  public LocalSandboxConfig withOutputCapBytes(long bytes) {
    return new LocalSandboxConfig(
        python,
        bubblewrap,
        memoryBytes,
        fileSizeBytes,
        cpuTime,
        processes,
        openFiles,
        tmpBytes,
        bytes,
        sandboxUid,
        binds,
        environment);
  }

  public LocalSandboxConfig withSandboxUid(Integer uid) {
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
        uid,
        binds,
        environment);
  }

  /** Adds a host folder (or file) the sandbox can read at {@code target}. */
  public LocalSandboxConfig withReadOnlyBind(Path source, String target) {
    return withBind(BindMount.readOnly(source, target));
  }

  /** Adds a host folder the sandbox can write at {@code target} (e.g. a Unix socket folder). */
  public LocalSandboxConfig withReadWriteBind(Path source, String target) {
    return withBind(BindMount.readWrite(source, target));
  }

  public LocalSandboxConfig withBind(BindMount bind) {
    List<BindMount> all = new ArrayList<>(binds);
    all.add(bind);
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
        all,
        environment);
  }

  /** Sets a variable inside the sandbox, e.g. {@code PYTHONPATH=/opt/airlock/python}. */
  public LocalSandboxConfig withEnvironment(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(environment);
    all.put(name, Objects.requireNonNull(value, "value"));
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
        all);
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
