package dev.airlock.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ref grammar: what a caller may name, and everything refused with INVALID_REF. */
class RefSpecTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "main",
        "alice.wap_payments",
        "x/y",
        "a/b/c",
        "a-b_c.d",
        "v1.0",
        "USER.airlock_1a2b",
        "refs/heads/main",
        "a.b/c",
        "a.locks/b"
      })
  void validNamesParseToThemselves(String text) {
    RefSpec ref = RefSpec.parse(text);
    assertThat(ref.name().value()).isEqualTo(text);
    assertThat(ref.pinned()).isFalse();
    assertThat(ref.toString()).isEqualTo(text);
    assertThat(RefName.parse(text, "branch").value()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"main@abcd", "x/y@0123456789abcdef0123456789abcdef01234567", "@ABCDEF12", "@0123"})
  void pinnedAndDetachedRefsKeepTheirHash(String text) {
    RefSpec ref = RefSpec.parse(text);
    assertThat(ref.pinned()).isTrue();
    assertThat(ref.hash().hex()).isEqualTo(text.substring(text.indexOf('@') + 1));
    assertThat(ref.name() == null).isEqualTo(text.startsWith("@"));
    assertThat(ref.toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "x/../main",
        "x/y/../../main",
        "x/./main",
        "..",
        "a..b",
        "x/../../tags/t",
        "a//b",
        "/main",
        "main/",
        "main.lock",
        "a.lock/b",
        "main.",
        "x/.hidden",
        ".main",
        "HEAD",
        "DETACHED",
        "main\n",
        "ma\tin",
        "ma\u0000in",
        "ma in",
        "main ",
        " main",
        "main@",
        "@",
        "main@xyz",
        "main@abc",
        "a@b@cdef",
        "main@{0}",
        "1abc",
        "-main",
        "_main",
        "main~1",
        "main^",
        "ma:in",
        "ma*in",
        "ma?in",
        "ma[in",
        "ma\\in",
        "m\u00e4in",
        "x/../main@abcd"
      })
  void everythingElseIsAnInvalidRef(String text) {
    assertThatThrownBy(() -> RefSpec.parse(text))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> {
              assertThat(e.errorType()).isEqualTo(ErrorType.INVALID_REF);
              assertThat(e.context()).containsEntry("input_ref", text);
            })
        .hasMessageContaining(text.isEmpty() ? "No ref given" : "'" + text + "'");
    if (!text.contains("@")) {
      assertThatThrownBy(() -> RefName.parse(text, "branch"))
          .isInstanceOfSatisfying(
              LakehouseException.class,
              e -> assertThat(e.errorType()).isEqualTo(ErrorType.INVALID_REF))
          .hasMessageStartingWith("Invalid branch name '" + text + "'");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"main@abcd", "@abcd"})
  void aPinnedRefIsNotAWriteTarget(String text) {
    assertThatThrownBy(() -> RefSpec.parse(text).unpinned(ErrorType.NOT_A_WRITE_BRANCH_REF))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.errorType()).isEqualTo(ErrorType.NOT_A_WRITE_BRANCH_REF))
        .hasMessageContaining("is a pinned ref, not a branch");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "xyz0", "0123 ", "0123456789abcdef0123456789abcdef012345678"})
  void aCommitHashIsHex(String text) {
    assertThatThrownBy(() -> new CommitHash(text))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.errorType()).isEqualTo(ErrorType.INVALID_REF))
        .hasMessageContaining("Invalid commit hash '" + text + "'");
  }
}
