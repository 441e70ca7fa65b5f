package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.lakehouse.LocalLakehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One lakehouse per home folder per process, held by leases. */
class LakehousesTest {
  @TempDir Path tmp;

  @Test
  void everyNameOfOneHomeFolderLeasesTheSameLakehouse() throws Exception {
    Path home = tmp.resolve("home");
    try (Lakehouses.Lease a = Lakehouses.open(home);
        Lakehouses.Lease b = Lakehouses.open(tmp.resolve("x/../home"));
        Lakehouses.Lease c = Lakehouses.open(Files.createSymbolicLink(tmp.resolve("link"), home));
        Lakehouses.Lease other = Lakehouses.open(tmp.resolve("other"))) {
      assertThat(b.lakehouse()).isSameAs(a.lakehouse());
      assertThat(c.lakehouse()).isSameAs(a.lakehouse());
      assertThat(c.gate()).isSameAs(a.gate());
      assertThat(other.lakehouse()).isNotSameAs(a.lakehouse());

      a.lakehouse().createBranch("tester.seen", "main");
      assertThat(c.lakehouse().hasBranch("tester.seen")).isTrue();
      assertThat(other.lakehouse().hasBranch("tester.seen")).isFalse();
    }
  }

  @Test
  void theLakehouseStaysOpenUntilItsLastLeaseCloses() {
    Path home = tmp.resolve("home");
    Lakehouses.Lease first = Lakehouses.open(home);
    Lakehouses.Lease second = Lakehouses.open(home);
    LocalLakehouse shared = first.lakehouse();
    shared.createBranch("tester.kept", "main");

    first.close();
    first.close(); // a lease closed twice counts once: the second lease still holds it
    try (Lakehouses.Lease third = Lakehouses.open(home)) {
      assertThat(third.lakehouse()).isSameAs(shared);
    }
    assertThat(second.lakehouse().hasBranch("tester.kept")).isTrue();

    second.close();
    // The last lease let go of it: the next holder opens the home afresh, with its data.
    try (Lakehouses.Lease again = Lakehouses.open(home)) {
      assertThat(again.lakehouse()).isNotSameAs(shared);
      assertThat(again.lakehouse().hasBranch("tester.kept")).isTrue();
    }
  }
}
