package dev.airlock.lakehouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A source imports whole or not at all. DuckDB's readers are lenient where a silent partial import
 * would follow: a JSON array cut off after its first object reads as one row, a 0-byte file as a
 * one-column table, and a CSV whose lines have different numbers of fields is sniffed as a single
 * column of whole lines. These checks turn each into an error naming the file and the line.
 */
final class WholeSources {
  private static final String DELIMITERS = ",;\t|";

  private WholeSources() {}

  /** Before reading: no empty file, and every JSON file parses to its end. */
  static void checkFiles(List<Path> files) {
    for (Path file : files) {
      try {
        if (Files.size(file) == 0) {
          throw notWhole(file, "the file is empty (0 bytes): there is no header or row to import");
        }
        if (isJson(file)) {
          checkJson(file);
        }
      } catch (IOException e) {
        throw notWhole(file, "it cannot be read (" + e.getMessage() + ")");
      }
    }
  }

  /**
   * After DuckDB sniffed the columns: a CSV read as one column whose name holds a delimiter, where
   * some line has a different number of fields than the header, is a ragged file, not one column.
   */
  static void checkColumns(List<TableDocument.Field> fields, List<Path> files) {
    if (fields.size() != 1) {
      return;
    }
    String name = fields.get(0).name();
    for (char delimiter : DELIMITERS.toCharArray()) {
      if (name.indexOf(delimiter) < 0) {
        continue;
      }
      for (Path file : files) {
        if (isCsv(file)) {
          raggedLine(file, delimiter);
        }
      }
    }
  }

  /**
   * Column names come from the source's header or keys, which the agent's code writes: a name with
   * a control character (a newline, an escape) would print as extra lines in the merge review and
   * every listing of the table, so such a source is refused, naming the column.
   */
  static void checkColumnNames(List<TableDocument.Field> fields, String uri) {
    for (TableDocument.Field field : fields) {
      if (field.name().chars().anyMatch(Character::isISOControl)) {
        StringBuilder shown = new StringBuilder();
        field
            .name()
            .chars()
            .forEach(
                c ->
                    shown.append(
                        Character.isISOControl(c)
                            ? String.format("\\u%04x", c)
                            : String.valueOf((char) c)));
        throw SourceResolver.failed(
            uri,
            "column name \""
                + shown
                + "\" has a control character"
                + " (a newline, tab or escape): rename the column in the source");
      }
    }
  }

  private static void checkJson(Path file) throws IOException {
    try (InputStream in = open(file);
        JsonParser parser = new JsonFactory().createParser(in)) {
      while (parser.nextToken() != null) {
        parser.skipChildren();
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw notWhole(
          file,
          "it is not complete, valid JSON"
              + where
              + " ("
              + e.getOriginalMessage().replaceAll("\\s+", " ")
              + ")");
    }
  }

  /** Throws naming the first line whose field count differs from the header's. */
  private static void raggedLine(Path file, char delimiter) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
      int header = -1;
      long line = 0;
      int fields = 1;
      boolean quoted = false;
      boolean any = false;
      int c;
      while ((c = in.read()) >= 0) {
        if (c == '"') {
          quoted = !quoted;
        } else if (c == delimiter && !quoted) {
          fields++;
        } else if (c == '\n' && !quoted) {
          line++;
          if (any) {
            header = check(file, delimiter, header, fields, line);
          }
          fields = 1;
          any = false;
          continue;
        }
        if (c != '\r') {
          any = true;
        }
      }
      if (any) {
        check(file, delimiter, header, fields, line + 1);
      }
    } catch (IOException e) {
      throw notWhole(file, "it cannot be read (" + e.getMessage() + ")");
    }
  }

  private static int check(Path file, char delimiter, int header, int fields, long line) {
    if (header < 0) {
      return fields;
    }
    if (fields != header) {
      throw notWhole(
          file,
          "line "
              + line
              + " has "
              + fields
              + " fields but the header (line 1) has "
              + header
              + " ('"
              + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter))
              + "'-separated): every line of a CSV file must have as many fields as its header");
    }
    return header;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
        ? new GZIPInputStream(in)
        : in;
  }

  private static boolean isJson(Path file) {
    String ext = DuckEngine.extension(file);
    return ext.equals("json") || ext.equals("jsonl") || ext.equals("ndjson");
  }

  private static boolean isCsv(Path file) {
    String ext = DuckEngine.extension(file);
    return ext.equals("csv") || ext.equals("tsv") || ext.equals("txt");
  }

  private static LakehouseException notWhole(Path file, String why) {
    return new LakehouseException(
        ErrorType.IMPORT_FAILED,
        "Cannot import "
            + file
            + ": "
            + why
            + ". Nothing was imported: fix the file and import it again.",
        Map.of());
  }
}
