package dev.airlock.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire protocol from a raw socket client: whatever bytes arrive, a clear answer comes back. */
class GatewayProtocolTest {
  private final ObjectMapper json = new ObjectMapper();
  private final StubLakehouse stub = new StubLakehouse();
  private final List<GatewayCall> calls = new CopyOnWriteArrayList<>();
  private Gateway gateway;

  @BeforeEach
  void start() throws IOException {
    gateway =
        Gateway.start(
            stub.create(), GatewayOptions.defaults("alice").withMaxRequestBytes(4096), calls::add);
  }

  @AfterEach
  void stop() {
    stub.release.countDown();
    gateway.close();
  }

  @Test
  void answersAValidRequestWithTheResultAndItsId() throws IOException {
    JsonNode reply =
        exchange("{\"id\": 42, \"method\": \"get_branch\", \"params\": {\"branch\": \"main\"}}");

    assertThat(reply.get("id").asInt()).isEqualTo(42);
    assertThat(reply.at("/result/name").asText()).isEqualTo("main");
    assertThat(reply.at("/result/type").asText()).isEqualTo("BRANCH");
    assertThat(calls)
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.method()).isEqualTo("get_branch");
              assertThat(call.params()).containsEntry("branch", "main");
              assertThat(call.succeeded()).isTrue();
            });
  }

  @Test
  void lakehouseErrorsTravelWithTypeStatusAndContext() throws IOException {
    JsonNode reply =
        exchange("{\"id\": \"x\", \"method\": \"get_branch\", \"params\": {\"branch\": \"nope\"}}");

    assertThat(reply.at("/error/type").asText()).isEqualTo("BRANCH_NOT_FOUND");
    assertThat(reply.at("/error/status").asInt()).isEqualTo(404);
    assertThat(reply.at("/error/context/branch_name").asText()).isEqualTo("nope");
    assertThat(reply.get("id").asText()).isEqualTo("x");
    assertThat(calls)
        .singleElement()
        .satisfies(call -> assertThat(call.errorType()).isEqualTo("BRANCH_NOT_FOUND"));
  }

  @Test
  void garbageGetsAProtocolErrorAndTheConnectionKeepsServing() throws IOException {
    try (Conversation c = new Conversation()) {
      JsonNode garbage = c.send("\u0000\u00ffthis is not json{{{");
      JsonNode array = c.send("[1, 2, 3]");
      JsonNode noMethod = c.send("{\"id\": 1}");
      JsonNode unknown = c.send("{\"id\": 2, \"method\": \"drop_everything\"}");
      JsonNode badParam =
          c.send("{\"id\": 3, \"method\": \"get_branch\", \"params\": {\"branch\": 7}}");
      JsonNode good = c.send("{\"id\": 4, \"method\": \"get_branches\"}");

      assertThat(garbage.at("/error/type").asText()).isEqualTo("PROTOCOL_ERROR");
      assertThat(garbage.at("/error/message").asText()).contains("not valid JSON");
      assertThat(array.at("/error/type").asText()).isEqualTo("PROTOCOL_ERROR");
      assertThat(noMethod.at("/error/message").asText()).contains("no \"method\"");
      assertThat(unknown.at("/error/type").asText()).isEqualTo("UNKNOWN_METHOD");
      assertThat(unknown.at("/error/message").asText())
          .contains("drop_everything", "create_branch");
      assertThat(badParam.at("/error/type").asText()).isEqualTo("BAD_REQUEST");
      assertThat(badParam.at("/error/message").asText()).contains("'branch'", "string");
      assertThat(good.at("/result/0/name").asText()).isEqualTo("main");
    }
    assertThat(calls).hasSize(6);
  }

  @Test
  void anOversizedRequestIsRefusedAndOtherClientsAreStillServed() throws IOException {
    try (Conversation c = new Conversation()) {
      JsonNode reply = c.send("{\"id\": 1, \"method\": \"" + "x".repeat(10_000) + "\"}");
      assertThat(reply.at("/error/type").asText()).isEqualTo("REQUEST_TOO_LARGE");
      assertThat(reply.at("/error/message").asText()).contains("4096 bytes");
    }
    assertThat(exchange("{\"id\": 2, \"method\": \"get_branches\"}").at("/result/0/name").asText())
        .isEqualTo("main");
  }

  @Test
  void aBusyConnectionDoesNotBlockOthers() throws Exception {
    try (Conversation slow = new Conversation()) {
      slow.write("{\"id\": 1, \"method\": \"get_branch\", \"params\": {\"branch\": \"slow\"}}");
      assertThat(exchange("{\"id\": 2, \"method\": \"get_branches\"}").has("result")).isTrue();
      stub.release.countDown();
      assertThat(slow.read().at("/result/name").asText()).isEqualTo("slow");
    }
  }

  @Test
  void callsCarryTheContextTheHostSet() throws IOException {
    gateway.setCallContext(CallContext.of("run-7", 3));
    exchange("{\"id\": 1, \"method\": \"get_branches\"}");
    gateway.setCallContext(null);
    exchange("{\"id\": 2, \"method\": \"get_branches\"}");

    assertThat(calls.get(0).context()).isEqualTo(CallContext.of("run-7", 3));
    assertThat(calls.get(1).context()).isEqualTo(CallContext.NONE);
  }

  @Test
  void aRequestLeftUnfinishedWhenTheContextChangesIsNeverServed() throws IOException {
    gateway.setCallContext(CallContext.of("run-7", 1));
    try (Conversation c = new Conversation()) {
      assertThat(c.send("{\"id\": 1, \"method\": \"get_branches\"}").has("result")).isTrue();
      c.writeBytes("{\"id\": 2, \"method\": \"get_branch\", \"params\": {\"branch\": \"main\"");
      // The execution that opened the connection ended: what it left behind belongs to nobody.
      gateway.setCallContext(null);
      String reply;
      try {
        c.writeBytes("}}\n");
        reply = c.reader.readLine();
      } catch (IOException e) {
        reply = null;
      }
      assertThat(reply).isNull();
    }
    assertThat(calls)
        .singleElement()
        .satisfies(call -> assertThat(call.method()).isEqualTo("get_branches"));
  }

  @Test
  void theSocketLivesInAPrivateDirectoryThatCloseRemoves() throws IOException {
    assertThat(Files.exists(gateway.socketPath())).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(gateway.directory())))
        .isEqualTo("rwx------");
    assertThat(gateway.socketPath().toString().length()).isLessThan(108);

    gateway.close();

    assertThat(Files.exists(gateway.socketPath())).isFalse();
    assertThat(Files.exists(gateway.directory())).isFalse();
  }

  /** A commit the code writes must not carry the marker of a revert-merge, or its run and turn. */
  @Test
  void commitPropertiesMayNotSetTheLakehousesOwnKeys() throws IOException {
    for (String key : List.of("reverted_merge", "run", "turn")) {
      JsonNode reply =
          exchange(
              "{\"id\": 1, \"method\": \"merge_branch\", \"params\":"
                  + " {\"source_ref\": \"alice.x\", \"into_branch\": \"alice.y\","
                  + " \"commit_properties\": {\""
                  + key
                  + "\": \"0123abcd\"}}}");

      assertThat(reply.at("/error/type").asText()).as(key).isEqualTo("BAD_REQUEST");
      assertThat(reply.at("/error/message").asText()).contains("may not set '" + key + "'");
    }
  }

  private JsonNode exchange(String line) throws IOException {
    try (Conversation c = new Conversation()) {
      return c.send(line);
    }
  }

  /** One raw connection to the gateway. */
  private final class Conversation implements AutoCloseable {
    private final SocketChannel channel;
    private final BufferedReader reader;

    Conversation() throws IOException {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(gateway.socketPath()));
      reader =
          new BufferedReader(
              new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    JsonNode send(String line) throws IOException {
      write(line);
      return read();
    }

    void write(String line) throws IOException {
      writeBytes(line + "\n");
    }

    void writeBytes(String text) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }

    JsonNode read() throws IOException {
      String reply = reader.readLine();
      assertThat(reply).as("a reply line").isNotNull();
      return json.readTree(reply);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
