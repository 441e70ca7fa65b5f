package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

  @Test
  void linksPlantedInTheWorkspaceCannotMakeTheHostReadOtherFiles() throws Exception {
    String code = "import os, bauplan\nc = bauplan.Client()\nb = 'me.leak'\n"
        + "c.create_branch(b, from_ref='main', if_not_exists=True)\n"
        + "os.makedirs('/work/d', exist_ok=True)\n"
        + "os.symlink('" + secret + "', '/work/d/x.csv')\n"
        + "os.symlink('" + secret + "', '/work/a\\\\zz.csv')\n"
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
    Files.writeString(script, Json.mapper().writeValueAsString(List.of(
        "<reasoning>try</reasoning><code>\n" + code + "</code>", "<done>tried</done>")));
    CliRunner.Result r = CliRunner.run("run", "--model", "scripted:" + script, "--approve", "auto",
        "--merge", "never", "--raw", demo.dir.toString(), "--home", dir.resolve("lake").toString(),
        "--runs-dir", dir.resolve("runs").toString(), "--json");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("hunter2secret")
        .contains("folder REFUSED", "escaped_glob REFUSED", "file REFUSED")
        .contains("mine IMPORTED None [{'id': 1, 'v': 2}]");
  }
}
