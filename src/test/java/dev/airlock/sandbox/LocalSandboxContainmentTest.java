package dev.airlock.sandbox;

import static dev.airlock.sandbox.TestSandboxes.py;
import static dev.airlock.sandbox.TestSandboxes.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.sandbox.ExecutionResult.Status;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code that tries to leave the sandbox or exhaust the machine. Each attempt is contained, says
 * clearly what happened, and leaves the sandbox usable. Every loop here is bounded and every
 * execution has a timeout: the machine has two cores shared with other builds.
 */
class LocalSandboxContainmentTest {
  @TempDir Path workspace;
  private LocalSandbox sandbox;

  @BeforeEach
  void open() throws Exception {
    sandbox = open(LocalSandboxConfig.defaults());
  }

  /** Opens the sandbox under test on the workspace (this class: with a spare waiting). */
  LocalSandbox open(LocalSandboxConfig config) throws SandboxUnavailableException {
    LocalSandbox opened = TestSandboxes.open(workspace, config);
    opened.awaitSpare();
    return opened;
  }

  @AfterEach
  void stillUsableThenClose() throws Exception {
    ExecutionResult after = run(sandbox, "print('still here')");
    assertThat(after.status()).isEqualTo(Status.OK);
    assertThat(after.stdout()).isEqualTo("still here\n");
    sandbox.close();
  }

  @Test
  void hostFilesOutsideTheWorkspaceAreInvisible(@TempDir Path elsewhere) throws Exception {
    TestSandboxes.openToOthers(elsewhere);
    Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "host secret");
    Path ownSource = Path.of("pom.xml").toAbsolutePath();
    String code =
        py(
            "import os",
            "for path in "
                + pyList(
                    "/etc/passwd",
                    "/etc/shadow",
                    "/root",
                    "/home",
                    System.getProperty("user.home"),
                    secret.toString(),
                    ownSource.toString(),
                    "/sys")
                + ":",
            "    try:",
            "        if os.path.isdir(path):",
            "            print(path, 'LISTED', os.listdir(path))",
            "        else:",
            "            print(path, 'READ', open(path).read(40))",
            "    except OSError as e:",
            "        print(path, 'blocked', type(e).__name__)");

    ExecutionResult result = run(sandbox, code);

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.stdout()).doesNotContain("READ").doesNotContain("host secret");
    assertThat(result.stdout().lines().filter(line -> line.contains("LISTED")))
        .allMatch(line -> line.endsWith("LISTED []"));
    assertThat(result.stdout()).contains("/etc/passwd blocked FileNotFoundError");
  }

  @Test
  void writesOutsideTheWorkspaceFail() throws Exception {
    String marker = "airlock-escape-" + UUID.randomUUID();
    String code =
        py(
            "for path in "
                + pyList(
                    "/usr/" + marker,
                    "/" + marker,
                    "/etc/" + marker,
                    "/work/../" + marker,
                    "/proc/" + marker)
                + ":",
            "    try:",
            "        open(path, 'w').write('x')",
            "        print(path, 'WRITTEN')",
            "    except OSError as e:",
            "        print(path, 'blocked', type(e).__name__)",
            "open('/tmp/" + marker + "', 'w').write('scratch')",
            "print('tmp ok')");

    ExecutionResult result = run(sandbox, code);

    assertThat(result.stdout()).contains("/usr/" + marker + " blocked").contains("tmp ok");
    assertThat(result.stdout()).doesNotContain("WRITTEN");
    for (String hostPath :
        List.of(
            "/usr/" + marker,
            "/" + marker,
            "/etc/" + marker,
            "/tmp/" + marker,
            workspace.getParent().resolve(marker).toString())) {
      assertThat(Path.of(hostPath)).doesNotExist();
    }
  }

  @Test
  void networkIsUnreachableEvenOnLoopback() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try (Socket ignored = server.accept()) {
                  accepted.incrementAndGet();
                } catch (Exception e) {
                  // Closed at the end of the test.
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      String code =
          py(
              "import socket",
              "for host in ['127.0.0.1', '10.0.0.1', '1.1.1.1']:",
              "    try:",
              "        socket.create_connection((host, " + server.getLocalPort() + "), timeout=3)",
              "        print(host, 'CONNECTED')",
              "    except OSError as e:",
              "        print(host, 'blocked', e.errno)",
              "print(sorted(n for _, n in socket.if_nameindex()))");

      ExecutionResult result = run(sandbox, code);

      assertThat(result.stdout()).doesNotContain("CONNECTED").contains("127.0.0.1 blocked");
      assertThat(result.stdout()).endsWith("['lo']\n");
    }
    assertThat(accepted).hasValue(0);
  }

  @Test
  void forkBombHitsTheProcessLimit() throws Exception {
    sandbox.close();
    sandbox = open(LocalSandboxConfig.builder().processes(32).build());
    String code =
        py(
            "import os, time",
            "children = 0",
            "try:",
            "    for _ in range(300):", // bounded: even without a limit this stops at 300
            "        if os.fork() == 0:",
            "            time.sleep(30)",
            "            os._exit(0)",
            "        children += 1",
            "except OSError:",
            "    print('fork failed after', children)",
            "    raise");

    ExecutionResult result = run(sandbox, code, Duration.ofSeconds(60));

    assertThat(result.status()).isEqualTo(Status.KILLED);
    assertThat(result.error()).startsWith("process limit reached (32 processes and threads)");
    assertThat(result.stdout()).startsWith("fork failed after ");
    int children = Integer.parseInt(result.stdout().strip().replace("fork failed after ", ""));
    assertThat(children).isBetween(1, 32);
  }

  @Test
  void memoryBombGetsMemoryError() throws Exception {
    ExecutionResult oneBigBlock = run(sandbox, "x = bytearray(3 * 1024 ** 3)");
    assertThat(oneBigBlock.status()).isEqualTo(Status.KILLED);
    assertThat(oneBigBlock.error()).isEqualTo("MemoryError: memory limit of 2 GiB exceeded");

    sandbox.close();
    sandbox = open(LocalSandboxConfig.builder().memoryBytes(256 * LocalSandboxConfig.MIB).build());
    ExecutionResult growing =
        run(
            sandbox,
            py(
                "blocks = []",
                "for _ in range(1000):", // bounded: 1000 x 16 MiB
                "    blocks.append(bytearray(16 * 1024 * 1024))"));
    assertThat(growing.status()).isEqualTo(Status.KILLED);
    assertThat(growing.error()).isEqualTo("MemoryError: memory limit of 256 MiB exceeded");
  }

  @Test
  void endlessOutputIsCappedAndCounted() throws Exception {
    sandbox.close();
    long cap = 64 * 1024;
    sandbox = open(LocalSandboxConfig.builder().outputCapBytes(cap).build());
    AtomicInteger streamed = new AtomicInteger();
    ExecutionResult bounded =
        sandbox.execute(
            ExecutionRequest.of(
                py(
                    "import sys",
                    "for _ in range(1024):",
                    "    sys.stdout.write('x' * 1023 + '\\n')",
                    "sys.stderr.write('e' * 100000)")),
            (stream, chunk) -> streamed.addAndGet(chunk.length()),
            new ExecutionControl());

    assertThat(bounded.status()).isEqualTo(Status.OK);
    assertThat(bounded.stdout()).hasSize((int) cap);
    assertThat(bounded.stdoutDroppedBytes()).isEqualTo(1024 * 1024 - cap);
    assertThat(bounded.stderr()).hasSize((int) cap);
    assertThat(bounded.stderrDroppedBytes()).isEqualTo(100000 - cap);
    assertThat(streamed).hasValue((int) (2 * cap));

    ExecutionResult endless =
        run(sandbox, py("while True:", "    print('y' * 1000)"), Duration.ofSeconds(2));
    assertThat(endless.status()).isEqualTo(Status.TIMEOUT);
    assertThat(endless.stdout()).hasSize((int) cap);
    assertThat(endless.stdoutDroppedBytes()).isPositive();
  }

  @Test
  void sleepingPastTheTimeoutKillsTheWholeTree() throws Exception {
    String code =
        py(
            "import subprocess, time",
            "subprocess.Popen(['/bin/sh', '-c', 'while true; do echo x >> /work/alive; sleep 0.2;"
                + " done'],",
            "                 start_new_session=True)",
            "print('started', flush=True)",
            "time.sleep(60)");

    ExecutionResult result = run(sandbox, code, Duration.ofSeconds(2));

    assertThat(result.status()).isEqualTo(Status.TIMEOUT);
    assertThat(result.error())
        .isEqualTo("killed after the 2 s timeout; every process of the execution was stopped");
    assertThat(result.stdout()).isEqualTo("started\n");
    assertNoLongerWritten(workspace.resolve("alive"));
  }

  @Test
  void backgroundChildDoesNotOutliveTheExecution() throws Exception {
    String code =
        py(
            "import os, subprocess, time",
            "subprocess.Popen(['/bin/sh', '-c', 'while true; do echo x >> /work/alive; sleep 0.2;"
                + " done'],",
            "                 start_new_session=True)",
            "if os.fork() == 0:",
            "    os.setsid()",
            "    if os.fork() == 0:",
            "        while True:",
            "            open('/work/alive2', 'a').write('x')",
            "            time.sleep(0.2)",
            "    os._exit(0)",
            "time.sleep(0.5)",
            "print('parent done')");

    ExecutionResult result = run(sandbox, code);

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.stdout()).isEqualTo("parent done\n");
    assertNoLongerWritten(workspace.resolve("alive"));
    assertNoLongerWritten(workspace.resolve("alive2"));
  }

  @Test
  void fileSizeBombHitsTheFileLimitAndTmpIsCapped() throws Exception {
    sandbox.close();
    sandbox =
        open(
            LocalSandboxConfig.builder()
                .fileSizeBytes(LocalSandboxConfig.MIB)
                .tmpBytes(4 * LocalSandboxConfig.MIB)
                .build());

    ExecutionResult big =
        run(
            sandbox,
            py(
                "with open('/work/big', 'wb') as f:",
                "    for _ in range(64):", // bounded: 64 MiB at most
                "        f.write(b'0' * 1024 * 1024)"));
    assertThat(big.status()).isEqualTo(Status.KILLED);
    assertThat(big.error()).startsWith("file size limit of 1 MiB exceeded");
    assertThat(Files.size(workspace.resolve("big"))).isLessThanOrEqualTo(LocalSandboxConfig.MIB);

    ExecutionResult tmp =
        run(
            sandbox,
            py(
                "for i in range(8):",
                "    open('/tmp/part%d' % i, 'wb').write(b'0' * 1000 * 1000)"));
    assertThat(tmp.status()).isEqualTo(Status.ERROR);
    assertThat(tmp.error()).startsWith("no space left: /tmp in the sandbox holds at most 4 MiB");
  }

  @Test
  void cpuBurnIsKilledAtTheCpuLimit() throws Exception {
    sandbox.close();
    sandbox = open(LocalSandboxConfig.builder().cpuTime(Duration.ofSeconds(1)).build());

    ExecutionResult result = run(sandbox, py("while True:", "    pass"), Duration.ofSeconds(30));

    assertThat(result.status()).as(result.toString()).isEqualTo(Status.KILLED);
    assertThat(result.error()).isEqualTo("killed: CPU time limit of 1 s exceeded");
  }

  @Test
  void runsWithoutCapabilitiesOrPrivileges() throws Exception {
    ExecutionResult result =
        run(
            sandbox,
            py(
                "import os",
                "status = dict(l.split(':', 1) for l in"
                    + " open('/proc/self/status').read().splitlines())",
                "print(status['CapEff'].strip(), status['NoNewPrivs'].strip(), os.getpid())",
                "print('pids', sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))",
                "import ctypes",
                "libc = ctypes.CDLL(None, use_errno=True)",
                "print('nested userns', libc.unshare(0x10000000) == 0)"));

    // No capabilities, PID 1 of its own namespace with no host process in sight, and no way to
    // build a nested user namespace (where it would regain capabilities).
    assertThat(result.stdout()).isEqualTo("0000000000000000 1 1\npids [1]\nnested userns False\n");
  }

  @Test
  void theCodeCannotRaiseItsLimits() throws Exception {
    String code =
        py(
            "import resource as r",
            "for name in ['AS', 'FSIZE', 'NOFILE', 'NPROC', 'CPU', 'CORE']:",
            "    k = getattr(r, 'RLIMIT_' + name)",
            "    soft, hard = r.getrlimit(k)",
            "    try:",
            "        r.setrlimit(k, (r.RLIM_INFINITY, r.RLIM_INFINITY))",
            "        print(name, 'RAISED')",
            "    except (ValueError, OSError) as e:",
            "        print(name, soft, hard, 'refused')");

    ExecutionResult result = run(sandbox, code, Duration.ofSeconds(60));

    assertThat(result.stdout()).doesNotContain("RAISED");
    assertThat(result.stdout())
        .contains("AS 2147483648 2147483648 refused")
        .contains("FSIZE 1073741824 1073741824 refused")
        .contains("NOFILE 256 256 refused")
        .contains("CPU 60 61 refused")
        .contains("CORE 0 0 refused")
        .containsPattern("NPROC (\\d+) \\1 refused");
  }

  private static String pyList(String... items) {
    StringBuilder out = new StringBuilder("[");
    for (String item : items) {
      out.append('\'').append(item.replace("\\", "\\\\").replace("'", "\\'")).append("', ");
    }
    return out.append(']').toString();
  }

  /** A file a killed writer appended to stays the same size once the execution has ended. */
  private static void assertNoLongerWritten(Path file) throws Exception {
    assertThat(file).exists();
    long before = Files.size(file);
    Thread.sleep(1000);
    assertThat(Files.size(file)).as("%s still growing after the execution", file).isEqualTo(before);
  }
}
