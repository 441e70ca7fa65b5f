package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.ParsedResponse.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResponseParserTest {
  private final ResponseParser parser = new ResponseParser();

  static Stream<Arguments> good() {
    return Stream.of(
        Arguments.of(
            "canonical",
            "<reasoning>load it</reasoning>\n<packages>pandas, pyarrow</packages>\n<code>\nprint(1)\n</code>",
            Kind.PROPOSAL,
            "print(1)\n"),
        Arguments.of(
            "fenced python inside code",
            "<reasoning>r</reasoning><code>\n```python\nimport os\nprint(os.getcwd())\n```\n</code>",
            Kind.PROPOSAL,
            "import os\nprint(os.getcwd())\n"),
        Arguments.of(
            "bare fence inside code", "<code>```\nx = 1\n```</code>", Kind.PROPOSAL, "x = 1\n"),
        Arguments.of(
            "upper case tags and spaces",
            "<REASONING>r</REASONING>\n< Code >\nprint(2)\n</ CODE >",
            Kind.PROPOSAL,
            "print(2)\n"),
        Arguments.of(
            "prose around the tags",
            "Sure! Here is my plan.\n<reasoning>r</reasoning>\n<code>print(3)</code>\nLet me know.",
            Kind.PROPOSAL,
            "print(3)\n"),
        Arguments.of(
            "indentation kept",
            "<code>\nfor i in range(2):\n    print(i)\n</code>",
            Kind.PROPOSAL,
            "for i in range(2):\n    print(i)\n"),
        Arguments.of(
            "done", "<reasoning>all good</reasoning><done>3 tables merged</done>", Kind.DONE, null),
        Arguments.of(
            "self-closing done", "<reasoning>finished</reasoning><done/>", Kind.DONE, null),
        Arguments.of(
            "code and done together",
            "<code>print(4)</code><done>finished</done>",
            Kind.PROPOSAL_AND_DONE,
            "print(4)\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("good")
  void acceptsWhatModelsReallyWrite(String name, String response, Kind kind, String code) {
    ParsedResponse parsed = parser.parse(response);
    assertThat(parsed.error()).isNull();
    assertThat(parsed.kind()).isEqualTo(kind);
    assertThat(parsed.code()).isEqualTo(code);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "neither code nor done",
            "<reasoning>thinking</reasoning> I will load the data.",
            "neither a <code> block nor a <done> block"),
        Arguments.of(
            "fence without code tag",
            "<reasoning>r</reasoning>\n```python\nprint(1)\n```",
            "code fence but no <code> block"),
        Arguments.of("unclosed code", "<reasoning>r</reasoning><code>print(1)", "not closed"),
        Arguments.of(
            "two code blocks", "<code>a=1</code> and <code>b=2</code>", "Found 2 <code> blocks"),
        Arguments.of(
            "empty code", "<reasoning>r</reasoning><code>\n```python\n```\n</code>", "empty"),
        Arguments.of("empty answer", "   ", "empty"),
        Arguments.of("unclosed done", "<done>finished", "<done> block is not closed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void explainsExactlyWhatIsWrong(String name, String response, String explanation) {
    ParsedResponse parsed = parser.parse(response);
    assertThat(parsed.kind()).isEqualTo(Kind.FORMAT_ERROR);
    assertThat(parsed.code()).isNull();
    assertThat(parsed.error()).contains(explanation);
  }

  @Test
  void readsReasoningPackagesAndDoneSummary() {
    ParsedResponse p =
        parser.parse(
            "<reasoning>\n  Import then audit.\n</reasoning>\n<packages>pandas,pyarrow scikit-learn</packages>"
                + "<code>print(1)</code>");
    assertThat(p.reasoning()).isEqualTo("Import then audit.");
    assertThat(p.packages()).containsExactly("pandas", "pyarrow", "scikit-learn");
    assertThat(parser.parse("<done>\n 5 tables on main \n</done>").done())
        .isEqualTo("5 tables on main");
  }

  @Test
  void packagesNoneMeansNoPackages() {
    assertThat(parser.parse("<packages>none</packages><code>x=1</code>").packages()).isEmpty();
  }
}
