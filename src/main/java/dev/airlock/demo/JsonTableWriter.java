package dev.airlock.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a table as one JSON array of objects, one object a line, nulls and empty lists kept (as in
 * DABStep's fees.json and merchant_data.json). Streams, so the payments never sit in memory.
 */
final class JsonTableWriter {
  private final JsonFactory factory = new JsonFactory();

  long write(DemoTable table, Path file) throws IOException {
    long[] count = {0};
    List<Column> columns = table.columns();
    try (JsonGenerator json = factory.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      json.setPrettyPrinter(new OneRowPerLine());
      json.writeStartArray();
      try {
        table.forEachRow(
            row -> {
              writeRow(json, columns, row);
              count[0]++;
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      json.writeEndArray();
      json.writeRaw('\n');
    }
    return count[0];
  }

  /** Line breaks between the top-level array's objects only, so a line is a row. */
  private static final class OneRowPerLine extends MinimalPrettyPrinter {
    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw(g.getOutputContext().getParent().inRoot() ? "[\n" : "[");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(g.getOutputContext().getParent().inRoot() ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      g.writeRaw(g.getOutputContext().getParent().inRoot() ? "\n]" : "]");
    }
  }

  private static void writeRow(JsonGenerator json, List<Column> columns, Object[] row) {
    try {
      json.writeStartObject();
      for (int i = 0; i < row.length; i++) {
        json.writeFieldName(columns.get(i).name());
        writeValue(json, row[i]);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Long l) {
      json.writeNumber(l);
    } else if (value instanceof Double d) {
      json.writeNumber(d);
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        writeValue(json, item);
      }
      json.writeEndArray();
    } else {
      json.writeString(value.toString());
    }
  }
}
