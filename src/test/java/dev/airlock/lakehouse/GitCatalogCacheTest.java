package dev.airlock.lakehouse;

import static dev.airlock.lakehouse.LakehouseFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog caches what it read, within a bound: each import makes its table's document one data
 * file longer, and the agent's code can import as often as it likes.
 */
class GitCatalogCacheTest {
  @TempDir Path home;

  private static TableDocument table(int files) {
    List<TableDocument.DataFile> data = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      data.add(new TableDocument.DataFile("t/" + i + ".parquet", 1, 100));
    }
    return new TableDocument(
        TableDocument.FORMAT_VERSION,
        "id-t",
        TableName.DEFAULT_NAMESPACE,
        "t",
        List.of(new TableDocument.Field("id", false, "long", "BIGINT")),
        data,
        files,
        new TableDocument.LineageDoc(List.of(), null, null));
  }

  @Test
  void theDocumentsOfEveryImportAreNotAllKept() throws Exception {
    try (GitCatalog catalog = new GitCatalog(home.resolve("catalog.git"), 100)) {
      ObjectId head = catalog.branchHead(RefName.MAIN);
      for (int files = 1; files <= 30; files++) {
        CatalogState next = catalog.read(head).with(table(files));
        head = catalog.writeCommit(next, List.of(head), ALICE, "import " + files);
        assertThat(
                catalog
                    .read(head)
                    .table(new TableName(TableName.DEFAULT_NAMESPACE, "t"))
                    .dataFiles())
            .hasSize(files);
        assertThat(catalog.docCacheFiles()).isLessThanOrEqualTo(100);
      }
    }
  }
}
