package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lakehouse reads sources on the host: sandboxed code must not make it read host files it
 * cannot see itself, through links planted in its workspace, folder imports or glob escapes.
 */
class SourceConfinementRunTest {
  @TempDir Path dir;
  private DemoRaw demo;
  private Path secret;

  @BeforeEach
  void setUp() throws Exception {
    demo = new DemoRaw(100);
    Path folder = Files.createTempDirectory("airlock-host-secret");
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    secret = folder.resolve("creds.csv");
    Files.writeString(secret, "user,password\nalice,hunter2secret\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    demo.close();
    Files.deleteIfExists(secret);
    Files.deleteIfExists(secret.getParent());
  }

  /**
   * The time-of-check race: a second process swaps the workspace folder {@code /work/d} with a link
   * to a host folder ({@code renameat2} RENAME_EXCHANGE in a loop) while the code imports {@code
   * /work/d/data.csv} again and again. Whatever the timing, no secret row lands in a table.
   */
  @Test
  void swappingAWorkspaceFolderForALinkDuringImportsNeverReadsHostFiles() throws Exception {
    Files.writeString(secret.resolveSibling("data.csv"), "user,password\nmallory,hunter2secret\n");
    Files.setPosixFilePermissions(secret.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    String code =
        "import ctypes, os, signal, bauplan\n"
            + "libc = ctypes.CDLL(None, use_errno=True)\n"
            + "os.makedirs('/work/d', exist_ok=True)\n"
            + "with open('/work/d/data.csv', 'w') as f:\n    f.write('user,password\\nbob,benign\\n')\n"
            + "os.symlink('"
            + secret.getParent()
            + "', '/work/e')\n"
            + "c = bauplan.Client()\nb = 'me.race'\n"
            + "c.create_branch(b, from_ref='main', if_not_exists=True)\n"
            + "c.create_table('race', '/work/d/data.csv', branch=b)\n"
            + "pid = os.fork()\n"
            + "if pid == 0:\n"
            + "    while True:\n"
            + "        libc.renameat2(-100, b'/work/d', -100, b'/work/e', 2)\n"
            + "ok = failed = 0\n"
            + "for i in range(300):\n"
            + "    s = c.import_data('race', '/work/d/data.csv', branch=b)\n"
            + "    if s.job_status == 'SUCCESS':\n        ok += 1\n    else:\n        failed += 1\n"
            + "os.kill(pid, signal.SIGKILL)\nos.waitpid(pid, 0)\n"
            + "rows = c.query(\"SELECT user, count(*) AS n FROM race GROUP BY user ORDER BY user\", ref=b).to_pylist()\n"
            + "print('race imports', ok, 'ok', failed, 'failed', 'rows', rows)\n";
    CliRunner.Result r = runCode(code);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("race imports").doesNotContain("hunter2secret", "mallory");
    Files.deleteIfExists(secret.resolveSibling("data.csv"));
  }

  /** Raw data is bound read-only: the code can neither change it nor plant links beside it. */
  @Test
  void theRawFolderIsReadOnlyInTheSandbox() throws Exception {
    String code =
        "import os\n"
            + "for what, act in [('write', lambda: open('/raw/planted.csv', 'w')),"
            + " ('link', lambda: os.symlink('"
            + secret
            + "', '/raw/planted.csv')),"
            + " ('remove', lambda: os.remove(sorted(os.listdir('/raw'))[0] and '/raw/' + sorted(os.listdir('/raw'))[0]))]:\n"
            + "    try:\n        act()\n        print(what, 'ALLOWED')\n"
            + "    except OSError as e:\n        print(what, 'REFUSED', e.strerror)\n";
    CliRunner.Result r = runCode(code);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            "write REFUSED Read-only file system",
            "link REFUSED Read-only file system",
            "remove REFUSED Read-only file system");
    assertThat(demo.dir.resolve("planted.csv")).doesNotExist();
  }

  private CliRunner.Result runCode(String code) throws Exception {
    Path script = dir.resolve("attack.json");
    Files.writeString(
        script,
        Json.mapper()
            .writeValueAsString(
                List.of(
                    "<reasoning>try</reasoning><code>\n" + code + "</code>",
                    "<done>tried</done>")));
    return CliRunner.run(
        "run",
        "--model",
        "scripted:" + script,
        "--approve",
        "auto",
        "--merge",
        "never",
        "--raw",
        demo.dir.toString(),
        "--home",
        dir.resolve("lake").toString(),
        "--runs-dir",
        dir.resolve("runs").toString(),
        "--json");
  }

  /**
   * Raw data given as one file ({@code --raw ~/payments.csv}) is that file alone: its folder is
   * neither bound nor walked, so globs under {@code /raw} cannot list the folder's other files
   * through refusals that name them, and a sibling that exists is refused like one that does not.
   */
  @Test
  void aSingleRawFileShowsNothingOfItsFolder() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path raw = Files.writeString(home.resolve("payments.csv"), "id,v\n1,2\n");
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/credentials"), "[default]\nkey = x\n");
    Files.writeString(home.resolve("private-notes.csv"), "a,b\n1,2\n");
    String code =
        "import bauplan\nc = bauplan.Client()\nb = 'me.probe'\n"
            + "c.create_branch(b, from_ref='main', if_not_exists=True)\n"
            + "def refusal(uri):\n"
            + "    try:\n"
            + "        c._gateway.call('create_table', {'table': 't', 'search_uri': uri, 'branch': b})\n"
            + "        return 'IMPORTED'\n"
            + "    except Exception as e:\n"
            + "        return str(e).replace(uri, 'URI')\n"
            + "for uri in ['/raw/*', '/raw/**', '/raw/.aws/*', '/raw/*/*']:\n"
            + "    print('glob', uri, refusal(uri))\n"
            + "print('oracle', 'SAME' if refusal('/raw/private-notes.csv') == refusal('/raw/absent.csv')"
            + " else 'DIFFERENT')\n"
            + "c.create_table('payments', '/raw/payments.csv', branch=b)\n"
            + "c.import_data('payments', '/raw/payments.csv', branch=b)\n"
            + "print('rows', c.query('SELECT * FROM payments', ref=b).to_pylist())\n";
    Path script = dir.resolve("probe.json");
    Files.writeString(
        script,
        Json.mapper()
            .writeValueAsString(
                List.of(
                    "<reasoning>try</reasoning><code>\n" + code + "</code>",
                    "<done>tried</done>")));
    CliRunner.Result r =
        CliRunner.run(
            "run",
            "--model",
            "scripted:" + script,
            "--approve",
            "auto",
            "--merge",
            "never",
            "--raw",
            raw.toString(),
            "--home",
            dir.resolve("lake").toString(),
            "--runs-dir",
            dir.resolve("runs").toString(),
            "--json");

    assertThat(r.exit()).as(r.err()).isZero();
    String output = r.out() + r.err();
    assertThat(output).contains("oracle SAME", "rows [{'id': 1, 'v': 2}]");
    List<String> globs =
        output.lines().filter(line -> line.startsWith(TurnText.OUTPUT_PREFIX + "glob ")).toList();
    assertThat(globs).hasSize(4);
    assertThat(String.join("\n", globs)).doesNotContain("private-notes", "credentials", "IMPORTED");
  }

  /**
   * Refusals write the raw folder as /raw, but the kernel tells the code where every bind comes
   * from: bubblewrap's bind sources (the raw folder, the workspace, a --python venv) are listed
   * with their host paths in /proc/self/mountinfo, so a home folder's name reaches the model.
   * Hiding them needs binds whose host paths say nothing (e.g. from a per-run folder the host
   * mounts privately first); bubblewrap alone offers no way to mask mountinfo.
   */
  @Disabled("open: /proc/self/mountinfo shows the host paths of every bind source")
  @Test
  void theSandboxDoesNotLearnTheRawFoldersHostPath() throws Exception {
    CliRunner.Result r = runCode("print(open('/proc/self/mountinfo').read())\n");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains(" /raw ").doesNotContain(demo.dir.toString());
  }

  @Test
  void linksPlantedInTheWorkspaceCannotMakeTheHostReadOtherFiles() throws Exception {
    String code =
        "import os, bauplan\nc = bauplan.Client()\nb = 'me.leak'\n"
            + "c.create_branch(b, from_ref='main', if_not_exists=True)\n"
            + "os.makedirs('/work/d', exist_ok=True)\n"
            + "os.symlink('"
            + secret
            + "', '/work/d/x.csv')\n"
            + "os.symlink('"
            + secret
            + "', '/work/a\\\\zz.csv')\n"
            + "with open('/work/mine.csv', 'w') as f:\n    f.write('id,v\\n1,2\\n')\n"
            + "for name, uri in [('folder', '/work/d'), ('escaped_glob', '/work/a\\\\*.csv'), ('file', '/work/d/x.csv'),"
            + " ('mine', '/work/mine.csv')]:\n"
            + "    try:\n"
            + "        c.create_table(name, uri, branch=b)\n"
            + "        s = c.import_data(name, uri, branch=b)\n"
            + "        print(name, 'IMPORTED', s.error, c.query(f'SELECT * FROM {name}', ref=b).to_pylist())\n"
            + "    except Exception as e:\n"
            + "        print(name, 'REFUSED', type(e).__name__)\n";
    Path script = dir.resolve("leak.json");
    Files.writeString(
        script,
        Json.mapper()
            .writeValueAsString(
                List.of(
                    "<reasoning>try</reasoning><code>\n" + code + "</code>",
                    "<done>tried</done>")));
    CliRunner.Result r =
        CliRunner.run(
            "run",
            "--model",
            "scripted:" + script,
            "--approve",
            "auto",
            "--merge",
            "never",
            "--raw",
            demo.dir.toString(),
            "--home",
            dir.resolve("lake").toString(),
            "--runs-dir",
            dir.resolve("runs").toString(),
            "--json");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .doesNotContain("hunter2secret")
        .contains("folder REFUSED", "escaped_glob REFUSED", "file REFUSED")
        .contains("mine IMPORTED None [{'id': 1, 'v': 2}]");
  }
}
