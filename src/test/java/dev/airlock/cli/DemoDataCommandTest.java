package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void captureConsole() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreConsole() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  @Test
  void writesCsvFilesAndPrintsWhatItWrote(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("raw");
    int code =
        Main.execute(
            "demo-data", target.toString(), "--rows", "2500", "--seed", "9", "--format", "csv");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(target.resolve("payments.csv"))).hasSize(2_501);
    assertThat(target.toFile().list())
        .containsExactlyInAnyOrder(
            "payments.csv",
            "acquirer_countries.csv",
            "merchant_category_codes.csv",
            "merchant_data.csv",
            "fees.csv");
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains(target.toAbsolutePath().toString())
        .contains("payments.csv")
        .contains("2,500 rows")
        .contains(String.format("%,d bytes", Files.size(target.resolve("payments.csv"))))
        .contains("fees.csv");
  }

  @Test
  void defaultsToParquet(@TempDir Path dir) {
    assertThat(Main.execute("demo-data", dir.toString(), "--rows", "100")).isZero();
    assertThat(dir.resolve("payments.parquet")).exists();
    assertThat(dir.resolve("fees.parquet")).exists();
  }

  @Test
  void anUnknownFormatIsAUsageErrorThatSaysWhatIsAccepted(@TempDir Path dir) {
    int code = Main.execute("demo-data", dir.toString(), "--format", "xml");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("'xml'")
        .contains("parquet, csv or json");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void aZeroRowCountIsAUsageError(@TempDir Path dir) {
    assertThat(Main.execute("demo-data", dir.toString(), "--rows", "0")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("between 1 and");
  }

  @Test
  void aFileInPlaceOfTheFolderFailsNamingIt(@TempDir Path dir) throws Exception {
    Path blocker = Files.writeString(dir.resolve("taken"), "x");
    assertThat(Main.execute("demo-data", blocker.toString(), "--rows", "10"))
        .isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(blocker.toString());
  }

  @Test
  void isListedInTheHelp() {
    Main.execute("--help");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo-data");
  }
}
