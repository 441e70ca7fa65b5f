package dev.airlock.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the code names travel as bytes with the call: the client reads them where it runs, the host
 * stages a private copy. Through the bauplan client, and from a hostile raw socket client that lies
 * about its files and sizes.
 */
class UploadedSourcesTest {
  private static final String PRELUDE =
      """
      import bauplan
      from bauplan import exceptions as E
      client = bauplan.Client()
      client.create_branch("alice.up", "main")
      """;
  private final ObjectMapper json = new ObjectMapper();
  @TempDir Path temp;
  private PythonHarness h;
  private Path files;

  @BeforeEach
  void start() throws IOException {
    h = new PythonHarness(temp, GatewayOptions.defaults("alice").withMaxUploadBytes(64 * 1024));
    files = Files.createDirectories(temp.resolve("files"));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void theClientUploadsAFileAndTheLineageNamesItsPathInTheSandbox() throws Exception {
    Path csv = Files.writeString(files.resolve("clean.csv"), "id,v\n1,2\n3,4\n");
    String out =
        h.run(
            PRELUDE
                + """
        client.create_table("clean", "%s", branch="alice.up")
        s = client.import_data("clean", "%s", branch="alice.up")
        t = client.get_table("clean", "alice.up")
        print(s.job_status, t.records)
        """
                    .formatted(csv, csv));

    assertThat(out).contains("SUCCESS 2");
    assertThat(h.lakehouse.table("alice.up", "clean").lineage().sourceUris())
        .containsExactly("sandbox:" + csv);
    assertThat(staged()).isEmpty();
  }

  /**
   * A gzip file is read decompressed: a 64 KiB per-call limit let a ~20 KB upload make the host
   * parse and write 10 MiB (1000 times more), so a call's few GiB became terabytes.
   */
  @Test
  void aGzipFileCountsAgainstTheLimitByWhatItExpandsTo() throws Exception {
    String out =
        h.run(
            PRELUDE
                + """
        import gzip, os
        with gzip.open("%s/bomb.csv.gz", "wb", 9) as f:
            f.write(b"id\\n" + b"1\\n" * (5 << 20))
        with gzip.open("%s/small.csv.gz", "wb") as f:
            f.write(b"id\\n1\\n2\\n")
        print("sent", os.path.getsize("%s/bomb.csv.gz") < 64 * 1024)
        client.create_table("small", "%s/small.csv.gz", branch="alice.up")
        print("small", client.import_data("small", "%s/small.csv.gz", branch="alice.up").job_status)
        try:
            client.create_table("bomb", "%s/bomb.csv.gz", branch="alice.up")
            print("bomb", client.import_data("bomb", "%s/bomb.csv.gz", branch="alice.up").job_status)
        except Exception as e:
            print("bomb refused:", e)
        """
                    .formatted(files, files, files, files, files, files, files));

    assertThat(out)
        .contains(
            "sent True",
            "small SUCCESS",
            "bomb refused:",
            "decompresses to more than the gateway's limit of 65536 bytes");
    assertThat(h.lakehouse.table("alice.up", "small").lineage().sourceUris()).hasSize(1);
    assertThat(staged()).isEmpty();
  }

  @Test
  void foldersAndGlobsAreExpandedWhereTheCodeRuns() throws Exception {
    Files.createDirectories(files.resolve("parts/deep"));
    Files.writeString(files.resolve("parts/a.csv"), "id\n1\n");
    Files.writeString(files.resolve("parts/deep/b.csv"), "id\n2\n");
    Files.writeString(files.resolve("parts/notes.md"), "not data");
    String out =
        h.run(
            PRELUDE
                + """
        client.create_table("parts", "%s/parts", branch="alice.up")
        print(client.import_data("parts", "%s/parts", branch="alice.up").job_status)
        print(client.import_data("parts", "%s/parts/**/*.csv", branch="alice.up").job_status)
        print(client.get_table("parts", "alice.up").records)
        """
                    .formatted(files, files, files));

    assertThat(out).contains("SUCCESS\nSUCCESS\n4");
  }

  @Test
  void sourcesThatDoNotParseWholeFailThroughTheClientNamingFileAndLine() throws Exception {
    Path truncated = Files.writeString(files.resolve("people.json"), "[{\"id\":1,\"name\":\"a\"},");
    Path whole = Files.writeString(files.resolve("whole.json"), "[{\"id\":1,\"name\":\"a\"}]");
    Path empty = Files.writeString(files.resolve("empty.csv"), "");
    Path ragged = Files.writeString(files.resolve("ragged.csv"), "a,b,c\n1,2,3\n4,5\n");
    Path fake = Files.writeString(files.resolve("fake.parquet"), "PAR1garbagegarbagePAR1");
    Path latin = files.resolve("latin.csv");
    Files.write(latin, "id,name\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    String out =
        h.run(
            PRELUDE
                + """
        client.create_table("people", "%s", branch="alice.up")
        s = client.import_data("people", "%s", branch="alice.up")
        print("truncated:", s.job_status, s.error)
        print("rows:", client.get_table("people", "alice.up").records)
        for name, path in [("empty", "%s"), ("ragged", "%s"), ("fake", "%s"), ("latin", "%s")]:
            try:
                client.create_table(name, path, branch="alice.up")
                s = client.import_data(name, path, branch="alice.up")
                print(name + ":", s.job_status, s.error)
            except E.TableCreatePlanStatusError as e:
                print(name + ": refused:", e.state.error)
        """
                    .formatted(whole, truncated, empty, ragged, fake, latin));

    assertThat(out)
        .contains(
            "truncated: FAILED",
            truncated + ": it is not complete, valid JSON",
            "rows: 0",
            "empty: refused: Cannot import " + empty + ": the file is empty",
            "ragged: refused: Cannot import " + ragged + ": line 3 has 2 fields",
            "fake: refused:",
            "Footer length error",
            "latin: refused:",
            "not utf-8 encoded");
    assertThat(out)
        .doesNotContain(
            "pending query result", h.gateway.uploadsDirectory().toString(), "airlock-uploads");
    assertThat(staged()).isEmpty();
  }

  @Test
  void theHostNeverOpensThePathAnUploadNames() throws Exception {
    Path secret = Files.writeString(temp.resolve("secret.csv"), "user,password\nmallory,hunter2\n");
    try (RawClient c = new RawClient()) {
      c.send(
          "{\"id\":1,\"method\":\"create_branch\",\"params\":{\"branch\":\"alice.up\",\"from_ref\":\"main\"}}");
      byte[] body = "user,password\nnobody,x\n".getBytes(StandardCharsets.UTF_8);
      JsonNode created = c.send(upload("create_table", secret.toString(), body.length), body);
      JsonNode imported = c.send(upload("import_data", secret.toString(), body.length), body);

      assertThat(created.has("result")).as(created.toString()).isTrue();
      assertThat(imported.at("/result/rows_imported").asLong())
          .as(imported.toString())
          .isEqualTo(1);
    }
    assertThat(h.lakehouse.query("SELECT user FROM t", "alice.up", null).rows())
        .containsExactly(List.of("nobody"));
  }

  /**
   * An upload's path is the code's own text: the lineage must not show it as a second source read
   * on the host (a comma-separated list), nor carry characters that reverse how it reads.
   */
  @Test
  void anUploadPathCannotMakeTheLineageNameAnotherSource() throws Exception {
    byte[] body = "id\n1\n".getBytes(StandardCharsets.UTF_8);
    try (RawClient c = new RawClient()) {
      c.send(
          "{\"id\":1,\"method\":\"create_branch\",\"params\":{\"branch\":\"alice.up\",\"from_ref\":\"main\"}}");
      JsonNode created =
          c.send(upload("create_table", "/work/a.csv, /raw/payments.csv", body.length), body);
      assertThat(created.at("/result/properties/airlock.sources").asText())
          .isEqualTo("sandbox:/work/a.csv%2C%20/raw/payments.csv");
    }
    JsonNode imported;
    try (RawClient c = new RawClient()) {
      imported = c.send(upload("import_data", "/work/\\u202eraw.csv", body.length), body);
    }
    assertThat(imported.has("result")).as(imported.toString()).isTrue();
    assertThat(h.lakehouse.table("alice.up", "t").lineage().sourceUris())
        .containsExactly(
            "sandbox:/work/a.csv%2C%20/raw/payments.csv", "sandbox:/work/%E2%80%AEraw.csv");
  }

  @Test
  void anUploadLargerThanTheLimitIsRefusedBeforeAnyByteIsRead() throws Exception {
    try (RawClient c = new RawClient()) {
      JsonNode reply = c.send(upload("create_table", "/work/big.csv", 1L << 40), new byte[0]);

      assertThat(reply.at("/error/type").asText()).isEqualTo("REQUEST_TOO_LARGE");
      assertThat(reply.at("/error/status").asInt()).isEqualTo(413);
      assertThat(c.closedByGateway()).isTrue();
    }
    assertThat(staged()).isEmpty();
  }

  @Test
  void anUploadThatEndsEarlyImportsNothingAndLeavesNothingStaged() throws Exception {
    try (RawClient c = new RawClient()) {
      c.send(
          "{\"id\":1,\"method\":\"create_branch\",\"params\":{\"branch\":\"alice.up\",\"from_ref\":\"main\"}}");
      c.write(upload("create_table", "/work/d/data.csv", 1000), "id\n1\n".getBytes());
      c.shutdownOutput();
      JsonNode reply = c.read();

      assertThat(reply.at("/error/type").asText()).isEqualTo("PROTOCOL_ERROR");
      assertThat(reply.at("/error/message").asText()).contains("ended early");
    }
    assertThat(h.lakehouse.hasTable("alice.up", "t")).isFalse();
    assertThat(staged()).isEmpty();
  }

  @Test
  void concurrentUploadsShareOneBudgetAndMethodsThatReadNoSourceTakeNone() throws Exception {
    long max = 64 * 1024;
    try (RawClient a = new RawClient();
        RawClient b = new RawClient();
        RawClient c = new RawClient()) {
      a.write(upload("create_table", "/work/a.csv", max), new byte[10]);
      b.write(upload("create_table", "/work/b.csv", max), new byte[10]);
      awaitStaged(2);
      JsonNode refused = c.send(upload("create_table", "/work/c.csv", max), new byte[0]);

      assertThat(refused.at("/error/type").asText()).isEqualTo("TOO_MANY_REQUESTS");
    }
    try (RawClient d = new RawClient()) {
      JsonNode wrong =
          d.send(
              "{\"id\":5,\"method\":\"get_branches\",\"params\":{},"
                  + "\"upload\":[{\"path\":\"/work/x.csv\",\"size\":3}]}",
              "a\n1".getBytes());
      assertThat(wrong.at("/error/type").asText()).isEqualTo("BAD_REQUEST");
      assertThat(d.closedByGateway()).isTrue();
    }
    awaitStaged(0);
  }

  private static String upload(String method, String path, long size) {
    return "{\"id\":2,\"method\":\""
        + method
        + "\",\"params\":{\"table\":\"t\",\"search_uri\":\""
        + path
        + "\",\"branch\":\"alice.up\"},\"upload\":[{\"path\":\""
        + path
        + "\",\"size\":"
        + size
        + "}]}";
  }

  /** The upload folders the gateway holds now. */
  private List<Path> staged() throws IOException {
    try (Stream<Path> s = Files.list(h.gateway.uploadsDirectory())) {
      return s.toList();
    }
  }

  /** Waits (no deadline: the test's own timeout bounds it) until {@code n} uploads are staged. */
  private void awaitStaged(int n) throws Exception {
    while (staged().size() != n) {
      Thread.sleep(20);
    }
  }

  private final class RawClient implements AutoCloseable {
    private final SocketChannel channel;
    private final InputStream in;

    RawClient() throws IOException {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(h.gateway.socketPath()));
      in = Channels.newInputStream(channel);
    }

    JsonNode send(String line) throws IOException {
      return send(line, new byte[0]);
    }

    JsonNode send(String line, byte[] body) throws IOException {
      write(line, body);
      return read();
    }

    void write(String line, byte[] body) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(line.length() + 1 + body.length);
      buffer.put((line + "\n").getBytes(StandardCharsets.UTF_8)).put(body).flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }

    void shutdownOutput() throws IOException {
      channel.shutdownOutput();
    }

    JsonNode read() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        line.write(b);
      }
      assertThat(line.size()).as("a reply line").isPositive();
      return json.readTree(line.toByteArray());
    }

    boolean closedByGateway() throws IOException {
      return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
