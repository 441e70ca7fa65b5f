package dev.airlock.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.QueryCancel;
import dev.airlock.lakehouse.TableInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer's paging and words, toolkit-free, on a real embedded lakehouse. */
class ExplorerModelTest {
  @TempDir Path dir;
  ExplorerData data;

  @BeforeEach
  void open() throws Exception {
    ExplorerFixture.fill(dir.resolve("lake"), dir.resolve("raw"));
    data = ExplorerData.open(dir.resolve("lake"), "tester");
  }

  @AfterEach
  void close() {
    data.close();
  }

  @Test
  void aTableIsReadAPageAtATimeUntilItsLastRow() {
    TableInfo fees = data.tables("main").get(0);
    RowPages pages = new RowPages();
    List<Long> ids = new ArrayList<>();
    while (pages.startFetch()) {
      RowPages.Page page = data.tablePage("main", fees, pages.nextOffset(), new QueryCancel());
      assertThat(page.rows().size()).isLessThanOrEqualTo(PageSql.PAGE_ROWS);
      page.rows().forEach(r -> ids.add(((Number) r.get(0)).longValue()));
      pages.add(page);
    }
    assertThat(pages.held()).isEqualTo(ExplorerFixture.ROWS);
    assertThat(ids).hasSize(ExplorerFixture.ROWS).doesNotHaveDuplicates();
    assertThat(ids.get(0)).isEqualTo(1L);
    assertThat(ids.get(ExplorerFixture.ROWS - 1)).isEqualTo((long) ExplorerFixture.ROWS);
    assertThat(pages.columns()).containsExactly("id", "note");
  }

  @Test
  void aQueryIsPagedAsASubqueryAndAStatementThatCannotBeRunsWhole() {
    String sql = "SELECT id FROM fees WHERE id > 100 ORDER BY id DESC;";
    RowPages.Page first = data.queryPage("main", sql, 0, new QueryCancel());
    assertThat(first.rows()).hasSize(PageSql.PAGE_ROWS);
    assertThat(first.more()).isTrue();
    assertThat(first.rows().get(0)).containsExactly(450L);
    RowPages.Page second = data.queryPage("main", sql, 200, new QueryCancel());
    assertThat(second.rows()).hasSize(150);
    assertThat(second.more()).isFalse();
    assertThat(second.rows().get(149)).containsExactly(101L);

    RowPages.Page commented =
        data.queryPage("main", "SELECT id FROM fees; -- all of them", 0, new QueryCancel());
    assertThat(commented.rows()).hasSize(ExplorerFixture.ROWS);
    RowPages.Page describe = data.queryPage("main", "DESCRIBE fees", 0, new QueryCancel());
    assertThat(describe.rows()).hasSize(2);
    assertThat(describe.more()).isFalse();
  }

  @Test
  void writesAreRefusedWithTheEnginesMessageOnOneLine() {
    for (String write : List.of("DELETE FROM fees", "COPY fees TO 'out.csv'")) {
      try {
        data.queryPage("main", write, 0, new QueryCancel());
        throw new AssertionError(write + " ran");
      } catch (LakehouseException e) {
        assertThat(ExplorerText.error(e)).startsWith("Query on main refused").doesNotContain("\n");
      }
    }
  }

  @Test
  void rowPagesAskForTheNextPageOnlyNearTheEndAndOneAtATime() {
    RowPages pages = new RowPages();
    assertThat(pages.wants(0)).isTrue();
    assertThat(pages.startFetch()).isTrue();
    assertThat(pages.startFetch()).as("a second fetch while one runs").isFalse();
    pages.add(new RowPages.Page(List.of("a"), List.of("long"), rows(200), true));
    assertThat(pages.wants(20)).isFalse();
    assertThat(pages.wants(200 - RowPages.AHEAD)).isTrue();
    pages.stop();
    assertThat(pages.wants(199)).as("after a failure or a stop").isFalse();
  }

  @Test
  void pageSqlWrapsQueriesAndQuotesNames() {
    assertThat(PageSql.table("bauplan", "we\"ird", 400, 200))
        .isEqualTo("SELECT * FROM \"bauplan\".\"we\"\"ird\" LIMIT 201 OFFSET 400");
    assertThat(PageSql.query("SELECT 1 -- one;\n;", 0, 200))
        .isEqualTo("SELECT * FROM (\nSELECT 1 -- one\n) LIMIT 201");
    assertThat(PageSql.pageable("  /* c */ with x as (select 1) select * from x")).isTrue();
    assertThat(PageSql.pageable("(SELECT 1)")).isTrue();
    assertThat(PageSql.pageable("EXPLAIN SELECT 1")).isFalse();
    assertThat(PageSql.pageable("SUMMARIZE fees")).isFalse();
  }

  @Test
  void valuesFromTheAgentAreShownOnOneLineEscaped() {
    assertThat(ExplorerText.cell(null)).isEqualTo("NULL");
    assertThat(ExplorerText.cell("a\nb\u001b[31m\u202e")).isEqualTo("a\\nb\\u001b[31m\\u202e");
    // Every bidi control, not just the override: an embedding or an isolate reorders a cell, a
    // commit message or a run id as much; a line separator breaks the one line.
    assertThat(ExplorerText.cell("x\u202bfdp.exe\u2067y\u2069\u200f\u061c\u2028z"))
        .isEqualTo("x\\u202bfdp.exe\\u2067y\\u2069\\u200f\\u061c\\u2028z");
    assertThat(ExplorerText.cell("x".repeat(1000))).hasSize(ExplorerText.CELL_CHARS + 1);
  }

  @Test
  void aPageIsFormattedAndMeasuredBeforeTheFxThreadSeesIt() {
    RowPages.Page page =
        new RowPages.Page(
            List.of("id", "merchant", "note"),
            List.of("INT", "VARCHAR", "VARCHAR"),
            List.of(
                List.of(1L, "Harbour_Bikes", "x".repeat(500)),
                Arrays.asList(2L, null, "a\nb\u202e")),
            false);
    ShownPage shown = ShownPage.of(page);
    assertThat(shown.rows().get(0).get(0)).isEqualTo("1");
    assertThat(shown.rows().get(1)).containsExactly("2", "NULL", "a\\nb\\u202e");
    assertThat(shown.rows().get(0).get(2)).hasSize(ExplorerText.CELL_CHARS + 1);
    // id: as wide as its type's name; merchant: as wide as "Harbour_Bikes"; note: capped.
    assertThat(shown.widths().get(0)).isEqualTo(ShownPage.MIN_WIDTH);
    assertThat(shown.widths().get(1)).isEqualTo(ShownPage.width("Harbour_Bikes".length()));
    assertThat(shown.widths().get(2)).isEqualTo(ShownPage.width(ShownPage.WIDEST_VALUE_CHARS));
    assertThat(shown.widths().get(1)).isGreaterThan(shown.widths().get(0));
  }

  private static List<List<Object>> rows(int n) {
    return IntStream.range(0, n).mapToObj(i -> List.<Object>of(i)).toList();
  }
}
