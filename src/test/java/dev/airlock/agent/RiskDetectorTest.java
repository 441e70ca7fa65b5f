package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskDetectorTest {
  private final RiskDetector detector = new RiskDetector();

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "client.merge_branch(source_ref=b, into_branch='main')|merge-into-main",
        "client.merge_branch(b, \"main\")|merge-into-main",
        "client.delete_branch('airlock.tmp')|delete-branch",
        "client.delete_table('payments', branch=b)|delete-table",
        "client.query('DROP TABLE payments', ref=b)|delete-table",
        "import subprocess|subprocess",
        "os.system('ls')|subprocess",
        "import requests|network",
        "from urllib.request import urlopen|network",
        "s = socket.socket()|network",
        "os.system('pip install pandas')|pip-install",
        "open('/etc/cron.d/x', 'w').write('')|write-outside-workspace",
        "shutil.rmtree('/usr/lib')|write-outside-workspace"
      })
  void flagsRiskyLines(String line, String rule) {
    List<Risk> risks = detector.scan("import bauplan\n" + line + "\n");
    assertThat(risks).extracting(Risk::rule).contains(rule);
    assertThat(risks)
        .filteredOn(r -> r.rule().equals(rule))
        .first()
        .satisfies(
            r -> {
              assertThat(r.line()).isEqualTo(2);
              assertThat(r.why()).isNotBlank();
            });
  }

  @Test
  void ordinaryEtlCodeIsNotRisky() {
    String code =
        """
        import bauplan, os
        client = bauplan.Client()
        client.create_branch('me.import', from_ref='main', if_not_exists=True)
        client.create_table('payments', 's3://bucket/payments.parquet', branch='me.import', replace=True)
        with open('/work/notes.txt', 'w') as f:
            f.write('ok')
        # client.merge_branch('me.import', 'main')   (a comment is not code)
        print(client.query('SELECT COUNT(*) FROM payments', ref='me.import').to_pylist())
        """;
    assertThat(detector.scan(code)).isEmpty();
  }

  @Test
  void aMergeIntoMainIsReportedOnceWithItsReason() {
    List<Risk> risks = detector.scan("client.merge_branch('b', into_branch='main')\n");
    assertThat(risks).singleElement().satisfies(r -> assertThat(r.why()).contains("published"));
  }

  /** Trojan Source (CVE-2021-42574): the comparison reads as a comment where it is code. */
  @Test
  void bidiControlsAndInvisibleCharactersAreFlaggedEvenInCommentsAndStrings() {
    String code =
        "access_level = 'user'\n"
            + "if access_level != 'none\u202e\u2066': # Check if admin \u2069\u2066' and"
            + " access_level != 'user\n"
            + "    print('You are an admin.')\n"
            + "# harmless \u200b comment\n"
            + "x\u0000 = 1\n";
    List<Risk> risks = detector.scan(code);
    assertThat(risks)
        .filteredOn(r -> r.rule().equals(RiskDetector.HIDDEN_CHARACTERS))
        .extracting(Risk::line)
        .containsExactly(2, 4, 5);
    Risk trojan = risks.get(0);
    assertThat(trojan.why()).contains("U+202E at column 25", "U+2066 at column 26");
    assertThat(trojan.excerpt())
        .startsWith("if access_level != 'none<U+202E><U+2066>'")
        .doesNotContain("\u202e");
  }

  @Test
  void linesAreNumberedAsPythonNumbersThem() {
    // A form feed and U+2028 do not end a line in Python: the os.system call is on line 2.
    String code = "a = 1\f\u2028b = 2\nos.system('ls')\n";
    assertThat(detector.scan(code))
        .filteredOn(r -> r.rule().equals("subprocess"))
        .extracting(Risk::line)
        .containsExactly(2);
  }

  @Test
  void tabsAndOrdinaryUnicodeAreNotHidden() {
    assertThat(detector.scan("s = '\tnaïve café — 東京'\nprint(s)\n")).isEmpty();
  }
}
