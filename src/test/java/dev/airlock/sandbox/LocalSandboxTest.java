package dev.airlock.sandbox;

import static dev.airlock.sandbox.TestSandboxes.py;
import static dev.airlock.sandbox.TestSandboxes.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.sandbox.ExecutionResult.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user of the sandbox sees in normal use: output, exit codes, files, environment. */
class LocalSandboxTest {
  @TempDir Path workspace;
  private LocalSandbox sandbox;

  @BeforeEach
  void open() throws Exception {
    sandbox = TestSandboxes.open(workspace);
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void runsCodeAndStreamsStdoutAndStderrAsTheyCome() throws Exception {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    ExecutionResult result =
        sandbox.execute(
            ExecutionRequest.of(
                py(
                    "import sys, time",
                    "print('first')",
                    "time.sleep(0.3)",
                    "print('oops', file=sys.stderr)",
                    "time.sleep(0.3)",
                    "print('h\\u00e9llo w\\u00f6rld \\u2603')")),
            (stream, chunk) -> events.add(stream + ":" + chunk),
            new ExecutionControl());

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.exitCode()).isZero();
    assertThat(result.error()).isNull();
    assertThat(result.stdout()).isEqualTo("first\nhéllo wörld ☃\n");
    assertThat(result.stderr()).isEqualTo("oops\n");
    // Chunks are not lines; what matters is the order in which the two streams arrived.
    assertThat(TestSandboxes.mergeRuns(events))
        .containsExactly("STDOUT:first\n", "STDERR:oops\n", "STDOUT:héllo wörld ☃\n");
  }

  @Test
  void nonZeroExitIsAnErrorWithTheExceptionAsExplanation() throws Exception {
    ExecutionResult raised = run(sandbox, py("x = 1", "y = x / 0"));
    assertThat(raised.status()).isEqualTo(Status.ERROR);
    assertThat(raised.exitCode()).isEqualTo(1);
    assertThat(raised.error()).isEqualTo("ZeroDivisionError: division by zero");
    assertThat(raised.stderr()).contains("File \"<cell>\", line 2").contains("y = x / 0");

    ExecutionResult exited = run(sandbox, py("import sys", "sys.exit(3)"));
    assertThat(exited.status()).isEqualTo(Status.ERROR);
    assertThat(exited.exitCode()).isEqualTo(3);
    assertThat(exited.error()).isEqualTo("exited with code 3");

    ExecutionResult syntax = run(sandbox, "def broken(:\n");
    assertThat(syntax.status()).isEqualTo(Status.ERROR);
    assertThat(syntax.error()).startsWith("SyntaxError");
  }

  @Test
  void tracebacksTheCodePrintsItselfShowTheCodeLines() throws Exception {
    ExecutionResult result =
        run(
            sandbox,
            py(
                "import traceback",
                "try:",
                "    {}['missing_key']",
                "except KeyError:",
                "    traceback.print_exc()"));

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.stderr()).contains("File \"<cell>\", line 3").contains("{}['missing_key']");
  }

  @Test
  void filesWrittenInOneExecutionAreThereInTheNext() throws Exception {
    ExecutionResult write =
        run(sandbox, py("import os", "open('notes.txt', 'w').write('kept')", "print(os.getcwd())"));
    assertThat(write.stdout()).isEqualTo("/work\n");

    ExecutionResult read = run(sandbox, "print(open('/work/notes.txt').read())");

    assertThat(read.stdout()).isEqualTo("kept\n");
    assertThat(workspace.resolve("notes.txt")).hasContent("kept");
  }

  @Test
  void environmentHoldsOnlyTheWhitelist() throws Exception {
    // The JVM's own environment stands for the host's: whatever is in it must not show up.
    String hostVariable =
        System.getenv().keySet().stream()
            .filter(name -> !List.of("PATH", "HOME", "LANG").contains(name))
            .findFirst()
            .orElse("USER");
    ExecutionResult result =
        sandbox.execute(
            new ExecutionRequest(
                "import os, json; print(json.dumps(dict(os.environ), sort_keys=True))",
                List.of(),
                Duration.ofSeconds(60),
                Map.of("CHOSEN_BY_USER", "yes")),
            OutputListener.NONE,
            new ExecutionControl());

    assertThat(result.stdout()).doesNotContain(hostVariable + "\"");
    assertThat(result.stdout().strip())
        .isEqualTo(
            "{\"CHOSEN_BY_USER\": \"yes\", \"HOME\": \"/work\", \"LANG\": \"C.UTF-8\","
                + " \"MPLCONFIGDIR\": \"/tmp/matplotlib\", \"PATH\":"
                + " \"/usr/local/bin:/usr/bin:/bin\", \"PWD\": \"/work\", \"PYTHONUNBUFFERED\":"
                + " \"1\", \"TMPDIR\": \"/tmp\"}");
  }

  @Test
  void extraReadOnlyBindAndEnvironmentAreVisible(@TempDir Path library) throws Exception {
    TestSandboxes.openToOthers(library);
    Files.createDirectories(library.resolve("airlock_client"));
    Files.writeString(
        library.resolve("airlock_client/__init__.py"), "GREETING = 'from the host'\n");
    LocalSandboxConfig config =
        LocalSandboxConfig.builder()
            .readOnlyBind(library, "/opt/airlock/python")
            .environment("PYTHONPATH", "/opt/airlock/python")
            .environment("AIRLOCK_GATEWAY", "/run/airlock/gateway.sock")
            .build();
    try (LocalSandbox bound = TestSandboxes.open(workspace, config)) {
      ExecutionResult result =
          run(
              bound,
              py(
                  "import os, airlock_client",
                  "print(airlock_client.GREETING, os.environ['AIRLOCK_GATEWAY'])",
                  "open('/opt/airlock/python/x', 'w')"));

      assertThat(result.stdout()).isEqualTo("from the host /run/airlock/gateway.sock\n");
      assertThat(result.error()).contains("Read-only file system");
      assertThat(library.resolve("x")).doesNotExist();
    }
  }

  @Test
  void aUnixSocketInAWritableBindIsTheOneWayOut(@TempDir Path socketDir) throws Exception {
    Path socketPath = socketDir.resolve("gateway.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socketPath));
      CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> echoOnce(server));
      LocalSandboxConfig config =
          LocalSandboxConfig.builder()
              .readWriteBind(socketDir, "/run/airlock")
              .environment("AIRLOCK_GATEWAY", "/run/airlock/gateway.sock")
              .build();
      try (LocalSandbox bound = TestSandboxes.open(workspace, config)) {
        ExecutionResult result =
            run(
                bound,
                py(
                    "import os, socket",
                    "s = socket.socket(socket.AF_UNIX)",
                    "s.connect(os.environ['AIRLOCK_GATEWAY'])",
                    "s.sendall(b'ping\\n')",
                    "print(s.recv(100).decode().strip())"));

        assertThat(result.stdout()).isEqualTo("pong:ping\n");
        assertThat(served.get(30, TimeUnit.SECONDS)).isEqualTo("ping");
      }
    }
  }

  private static String echoOnce(ServerSocketChannel server) {
    try (SocketChannel client = server.accept()) {
      ByteBuffer buffer = ByteBuffer.allocate(100);
      while (buffer.position() == 0 || buffer.get(buffer.position() - 1) != '\n') {
        client.read(buffer);
      }
      String line =
          new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
      client.write(ByteBuffer.wrap(("pong:" + line + "\n").getBytes(StandardCharsets.UTF_8)));
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void missingPackagesAreReportedByTheNameTheModelUsed(@TempDir Path library) throws Exception {
    TestSandboxes.openToOthers(library);
    Files.createDirectories(library.resolve("fake_airlock_pkg"));
    Files.writeString(library.resolve("fake_airlock_pkg/__init__.py"), "");
    LocalSandboxConfig config =
        LocalSandboxConfig.builder()
            .readOnlyBind(library, "/opt/airlock/python")
            .environment("PYTHONPATH", "/opt/airlock/python")
            .build();
    try (LocalSandbox bound = TestSandboxes.open(workspace, config)) {
      ExecutionResult result =
          bound.execute(
              new ExecutionRequest(
                  "print('ran')",
                  List.of("json", "fake-airlock-pkg>=1.0", "no-such-airlock-package==2", "csv"),
                  Duration.ofSeconds(60),
                  Map.of()),
              OutputListener.NONE,
              new ExecutionControl());

      assertThat(result.stdout()).isEqualTo("ran\n");
      assertThat(result.missingPackages()).containsExactly("no-such-airlock-package==2");
    }
  }

  @Test
  void standInsComeLastAndAreNoAnswerToAskingForThePackage(@TempDir Path library) throws Exception {
    TestSandboxes.openToOthers(library);
    // a stand-in for a module the interpreter has (json) and one for a module it lacks
    for (String module : List.of("json", "airlock_only_stand_in")) {
      Files.createDirectories(library.resolve("stand-ins").resolve(module));
      Files.writeString(
          library.resolve("stand-ins").resolve(module).resolve("__init__.py"), "STAND_IN = True\n");
    }
    LocalSandboxConfig config =
        LocalSandboxConfig.builder()
            .readOnlyBind(library, "/opt/airlock/python")
            .environment(PythonBootstrap.FALLBACK_PATH, "/opt/airlock/python/stand-ins")
            .build();
    try (LocalSandbox bound = TestSandboxes.open(workspace, config)) {
      ExecutionResult result =
          bound.execute(
              new ExecutionRequest(
                  "import json, airlock_only_stand_in as s\n"
                      + "print(hasattr(json, 'STAND_IN'), s.STAND_IN)",
                  List.of("airlock-only-stand-in", "json"),
                  Duration.ofSeconds(60),
                  Map.of()),
              OutputListener.NONE,
              new ExecutionControl());

      assertThat(result.stdout()).isEqualTo("False True\n");
      assertThat(result.missingPackages()).containsExactly("airlock-only-stand-in");
    }
  }

  @Test
  void launchingFromAShortLivedThreadStillRuns() throws Exception {
    AtomicReference<ExecutionResult> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    ExecutionControl control = new ExecutionControl();
    // Start the execution from a thread that ends while the sandbox still runs: the launcher
    // thread, not this one, is bubblewrap's parent, so the sandbox survives.
    Thread shortLived =
        new Thread(
            () ->
                CompletableFuture.runAsync(
                    () -> {
                      try {
                        result.set(
                            sandbox.execute(
                                ExecutionRequest.of(
                                    py("import time", "time.sleep(1.5)", "print('survived')")),
                                OutputListener.NONE,
                                control));
                      } catch (Exception e) {
                        failure.set(e);
                      }
                    },
                    command -> new Thread(command).start()));
    shortLived.start();
    shortLived.join();
    while (result.get() == null && failure.get() == null) {
      Thread.sleep(50);
    }

    assertThat(failure.get()).isNull();
    assertThat(result.get().status()).isEqualTo(Status.OK);
    assertThat(result.get().stdout()).isEqualTo("survived\n");
  }

  @Test
  void describeNamesBubblewrapPythonAndLimits() {
    assertThat(sandbox.isolated()).isTrue();
    assertThat(sandbox.describe())
        .startsWith("bubblewrap ")
        .contains("/usr/bin/python3 3.")
        .contains("no network")
        .contains("2 GiB memory");
  }
}
