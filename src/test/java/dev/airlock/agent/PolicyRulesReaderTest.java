package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rules file is read once into checked rules; every mistake names the file, rule and fix. */
class PolicyRulesReaderTest {
  private static final String FILE = "proj/.airlock/policy.yaml";

  @Test
  void theReadmeExampleReadsAsWritten() throws Exception {
    PolicyRules rules =
        PolicyRulesReader.parse(
            """
            rules:
              - name: no-pip            # never allow pip
                when: {packages: any}
                then: reject
                message: nothing can be installed here
              - name: safe-code
                when: {risks: none}
                then: approve
              - name: merges-into-main
                when: {merge_into: main}
                then: ask
              - name: big-writes
                when: {rows_written_over: 100000}
                then: ask
            """,
            FILE);
    assertThat(rules.rules())
        .extracting(PolicyRule::name, PolicyRule::then)
        .containsExactly(
            tuple("no-pip", PolicyRule.Action.REJECT),
            tuple("safe-code", PolicyRule.Action.APPROVE),
            tuple("merges-into-main", PolicyRule.Action.ASK),
            tuple("big-writes", PolicyRule.Action.ASK));
    assertThat(rules.rules().get(0).message()).isEqualTo("nothing can be installed here");
    assertThat(rules.rules().get(3).when().rowsWrittenOver()).isEqualTo(100_000L);
    assertThat(rules.describe()).isEqualTo(FILE + " (4 rules)");
  }

  @Test
  void packagesMatchByNameAsPipComparesThem() throws Exception {
    PolicyRules rules =
        PolicyRulesReader.parse(
            "rules:\n  - {name: no-requests, when: {packages: [Requests]}, then: reject}\n", FILE);
    Proposal asks = new Proposal("r", 1, "", List.of("requests>=2.0"), "print(1)", List.of());
    Proposal other = new Proposal("r", 1, "", List.of("pandas"), "print(1)", List.of());
    assertThat(rules.forCode(asks).name()).isEqualTo("no-requests");
    assertThat(rules.forCode(other)).isNull();
  }

  @Test
  void aRejectedPackageIsMatchedHoweverTheRequirementIsSpelt() throws Exception {
    PolicyRules rules =
        PolicyRulesReader.parse(
            "rules:\n"
                + "  - {name: no-requests, when: {packages: [requests]}, then: reject}\n"
                + "  - {name: no-dateutil, when: {packages: [python-dateutil]}, then: reject}\n",
            FILE);
    // Each spelling names requests (or python-dateutil) to pip and to the sandbox's package check.
    for (String spelt :
        List.of("requests(>=2)", "requests\u00a0==2", "requests/", "requests#x", "requests:")) {
      Proposal p = new Proposal("r", 1, "", List.of(spelt), "print(1)", List.of());
      assertThat(rules.forCode(p)).as(spelt).isNotNull();
      assertThat(rules.forCode(p).name()).as(spelt).isEqualTo("no-requests");
    }
    for (String spelt : List.of("python__dateutil", "Python-_-DateUtil", "python.dateutil")) {
      Proposal p = new Proposal("r", 1, "", List.of(spelt), "print(1)", List.of());
      assertThat(rules.forCode(p)).as(spelt).isNotNull();
      assertThat(rules.forCode(p).name()).as(spelt).isEqualTo("no-dateutil");
    }
    Proposal other = new Proposal("r", 1, "", List.of("requests-oauthlib"), "print(1)", List.of());
    assertThat(rules.forCode(other)).isNull();
  }

  @Test
  void aSecondYamlDocumentIsRefusedNotDroppedWithItsRules() {
    // The second document's reject rule would be dropped unread: safe-code would approve pip.
    refused(
        "rules:\n  - {name: safe-code, when: {risks: none}, then: approve}\n"
            + "---\n"
            + "rules:\n  - {name: no-pip, when: {packages: any}, then: reject}\n",
        FILE + ": the file holds more than one YAML document");
  }

  @Test
  void oneDocumentMayStartWithItsMarker() throws Exception {
    PolicyRules rules =
        PolicyRulesReader.parse(
            "---\nrules:\n  - {name: no-pip, when: {packages: any}, then: reject}\n...\n", FILE);
    assertThat(rules.rules()).extracting(PolicyRule::name).containsExactly("no-pip");
  }

  @Test
  void mistakesAreNamedWithTheFileTheRuleAndTheFix() {
    refused(
        "rules:\n  - {name: a, when: {package: any}, then: reject}\n",
        FILE + ": rule 1 'a': unknown condition 'package'",
        "packages");
    refused(
        "rules:\n  - {name: a, when: {risks: none}, then: allow}\n",
        FILE + ": rule 1 'a': 'then' must be approve, ask or reject, not 'allow'");
    refused(
        "rules:\n  - {name: a, when: {risks: none}, then: approve}\n"
            + "  - {name: a, when: {packages: any}, then: reject}\n",
        FILE + ": rule 2 'a': the name is used by an earlier rule",
        "give each rule its own name");
    refused(
        "rules:\n  - {name: a, when: {risks: none}, then: approve, because: x}\n",
        FILE + ": rule 1 'a': unknown key 'because'",
        "name, when, then, message");
    refused(
        "rules:\n  - {name: a, when: {risks: [pip]}, then: reject}\n",
        "unknown risk 'pip'",
        "pip-install");
    refused(
        "rules:\n  - {name: a, when: {merge_into: main}, then: approve}\n",
        "a rule cannot approve merges",
        "--merge auto-if-green");
    refused(
        "rules:\n  - {name: a, when: {merge_into: main, risks: none}, then: ask}\n",
        "not both: split it into two rules");
    refused("rules:\n  - {name: a, when: {}, then: ask}\n", "'when' needs at least one condition");
    refused(
        "rules:\n  - {when: {risks: none}, then: ask}\n", FILE + ": rule 1: give the rule a name");
    refused(
        "rules:\n  - {name: a, when: {rows_written_over: lots}, then: ask}\n",
        "'rows_written_over' is a whole number of rows");
    refused("rule:\n  - {name: a}\n", FILE + ": unknown key 'rule'", "'rules:'");
    refused("", FILE + ": the file is empty");
    refused("rules: [\n", FILE + ": not valid YAML");
    refused(
        "rules:\n  - name: a\n    name: b\n    when: {risks: none}\n    then: ask\n",
        FILE + ": not valid YAML",
        "name");
  }

  @Test
  void typeTagsAndAliasesAreDataNotCode() {
    // A tag naming a class builds nothing: the value is read as text and refused for what it is.
    refused(
        "rules:\n  - name: a\n    when: {risks: none}\n"
            + "    then: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n",
        "'then' must be approve, ask or reject");
  }

  @Test
  void aMissingFileSaysWhichFlagNamedIt(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> PolicyRulesReader.read(dir.resolve("nope.yaml")))
        .isInstanceOf(PolicyRulesException.class)
        .hasMessageContaining("nope.yaml: no such file: check the path given to --policy");
    Path big = Files.writeString(dir.resolve("big.yaml"), "#".repeat(70_000));
    assertThatThrownBy(() -> PolicyRulesReader.read(big))
        .hasMessageContaining("big.yaml: the rules file is over 64 KB");
  }

  private static void refused(String yaml, String... parts) {
    assertThatThrownBy(() -> PolicyRulesReader.parse(yaml, FILE))
        .isInstanceOf(PolicyRulesException.class)
        .hasMessageContainingAll(parts);
  }
}
