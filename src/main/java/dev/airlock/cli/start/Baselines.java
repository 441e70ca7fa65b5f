package dev.airlock.cli.start;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.duckdb.DuckDBDriver;

/**
 * The baseline programs, compiled at bench time: a Java hello-world, and a program that opens
 * DuckDB through its JDBC driver and runs one query or one COPY. Each runs with its own small
 * classpath: its folder, plus DuckDB's JDBC jar for the DuckDB program.
 */
final class Baselines {
  private Baselines() {}

  static final String HELLO = "Hello";
  static final String DUCK = "DuckProgram";

  private static final String HELLO_SOURCE =
      """
      public class Hello {
        public static void main(String[] args) {
          System.out.println("hello");
        }
      }
      """;

  // query FILES_SQL_LIST SQL: a view named payments over the Parquet files, then the query,
  // every row printed. copy CSV PARQUET: DuckDB's CSV -> Parquet COPY with the read_csv options
  // and the compression Airlock's import uses.
  private static final String DUCK_SOURCE =
      """
      import java.sql.Connection;
      import java.sql.DriverManager;
      import java.sql.ResultSet;
      import java.sql.Statement;

      public class DuckProgram {
        public static void main(String[] args) throws Exception {
          try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
              Statement s = c.createStatement()) {
            if (args[0].equals("query")) {
              s.execute("CREATE VIEW payments AS SELECT * FROM read_parquet(" + args[1] + ")");
              try (ResultSet r = s.executeQuery(args[2])) {
                int columns = r.getMetaData().getColumnCount();
                StringBuilder out = new StringBuilder();
                while (r.next()) {
                  for (int i = 1; i <= columns; i++) {
                    out.append(r.getObject(i)).append(i < columns ? "  " : "\\n");
                  }
                }
                System.out.print(out);
              }
            } else {
              long rows = s.executeUpdate("COPY (SELECT * FROM read_csv('" + args[1]
                  + "', skip=0, strict_mode=true, null_padding=false, ignore_errors=false)) TO '"
                  + args[2] + "' (FORMAT parquet, COMPRESSION zstd)");
              System.out.println(rows + " rows");
            }
          }
        }
      }
      """;

  /** Compiles the two programs into {@code dir}. */
  static void compile(Path dir) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IOException(
          "the start figures compile their baselines, and this Java has no compiler: run airlock"
              + " with a JDK (JAVA=/path/to/jdk/bin/java)");
    }
    Path src = Files.createDirectories(dir.resolve("src"));
    List<String> args = new ArrayList<>(List.of("-d", dir.toString()));
    for (String[] program :
        List.of(new String[] {HELLO, HELLO_SOURCE}, new String[] {DUCK, DUCK_SOURCE})) {
      Path file = src.resolve(program[0] + ".java");
      Files.writeString(file, program[1]);
      args.add(file.toString());
    }
    if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IOException("cannot compile the baseline programs in " + src);
    }
  }

  /**
   * DuckDB's JDBC jar: the one on the classpath when Airlock runs from its dependencies, else
   * (inside airlock.jar) a jar of the driver's classes and this platform's native library, written
   * into {@code dir} with the same compression (deflate) as the published driver.
   */
  static Path duckdbJar(Path dir) throws IOException {
    Path source;
    try {
      source =
          Path.of(DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("cannot find DuckDB's JDBC driver: " + e.getMessage(), e);
    }
    if (source.getFileName().toString().startsWith("duckdb_jdbc")) {
      return source;
    }
    Path jar = dir.resolve("duckdb_jdbc.jar");
    String library = "libduckdb_java.so_" + platform();
    try (JarFile in = new JarFile(source.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/java.sql.Driver"));
      out.write((DuckDBDriver.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if ((name.startsWith("org/duckdb/") && !entry.isDirectory()) || name.equals(library)) {
          out.putNextEntry(new JarEntry(name));
          try (InputStream bytes = in.getInputStream(entry)) {
            bytes.transferTo(out);
          }
        }
      }
    }
    return jar;
  }

  /** The suffix DuckDB's driver gives this platform's library (linux_amd64, osx_universal...). */
  private static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    if (os.startsWith("mac")) {
      return "osx_universal";
    }
    String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
    return (os.startsWith("windows") ? "windows" : "linux") + "_" + cpu;
  }
}
