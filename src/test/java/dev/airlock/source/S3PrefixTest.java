package dev.airlock.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Prefixes compare by bucket and whole key segments, never as strings. */
class S3PrefixTest {
  private static S3Location at(String uri) throws SourceException {
    return S3Location.parse(uri);
  }

  @Test
  void containsKeysAtOrBelowItsFolderInItsBucketOnly() throws Exception {
    S3Prefix raw = S3Prefix.parse("s3://raw/dabstep");

    assertThat(raw.uri()).isEqualTo("s3://raw/dabstep/");
    assertThat(S3Prefix.parse("s3://raw/dabstep/")).isEqualTo(raw);
    assertThat(raw.contains(at("s3://raw/dabstep/fees.csv"))).isTrue();
    assertThat(raw.contains(at("s3://raw/dabstep/2024/*.parquet"))).isTrue();
    assertThat(raw.contains(at("s3://raw/dabstep"))).isTrue();
    assertThat(raw.contains(at("s3://raw-evil/dabstep/fees.csv"))).isFalse();
    assertThat(raw.contains(at("s3://ra/dabstep/fees.csv"))).isFalse();
    assertThat(raw.contains(at("s3://raw/dabstep-private/fees.csv"))).isFalse();
    assertThat(raw.contains(at("s3://raw/dabstep../fees.csv"))).isFalse();
    assertThat(raw.contains(at("s3://raw/dab*/fees.csv"))).isFalse();
    assertThat(raw.contains(at("s3://raw/fees.csv"))).isFalse();
    assertThat(S3Prefix.parse("s3://raw").contains(at("s3://raw/any/key.csv"))).isTrue();
  }

  @Test
  void aRawGlobAllowsTheFolderBeforeItsFirstWildcard() throws Exception {
    assertThat(S3Prefix.enclosing("s3://raw/dabstep/*.csv").uri()).isEqualTo("s3://raw/dabstep/");
    assertThat(S3Prefix.enclosing("s3://raw/dab*/x/*.csv").uri()).isEqualTo("s3://raw/");
    assertThat(S3Prefix.enclosing("s3://raw/dabstep/payments.csv").uri())
        .isEqualTo("s3://raw/dabstep/payments.csv/");
    assertThatThrownBy(() -> S3Prefix.parse("s3://raw/dabstep/*.csv"))
        .hasMessageContaining("is a pattern, not a prefix")
        .hasMessageContaining("s3://raw/dabstep/");
  }

  @Test
  void prefixesAreParsedAsStrictlyAsLocations() {
    for (String bad :
        new String[] {
          "s3://",
          "s3:///x",
          "s3://a@raw/x",
          "s3://raw:9000/x",
          "s3://raw/a/../b",
          "s3://raw//a",
          "s3://raw/a%2f..",
          "s3://raw/a\\b",
          "gs://raw/a",
          "https://raw/a"
        }) {
      assertThatThrownBy(() -> S3Prefix.parse(bad)).as(bad).isInstanceOf(SourceException.class);
    }
  }

  @Test
  void locationsRefuseSegmentsAndCharactersThatCouldResolveElsewhere() throws Exception {
    for (String bad :
        new String[] {
          "s3://raw/a/../b.csv",
          "s3://raw/a/./b.csv",
          "s3://raw/a//b.csv",
          "s3://raw//b.csv",
          "s3://raw/..",
          "s3://raw/a/%2e%2e/b.csv",
          "s3://raw/a\\..\\b.csv",
          "s3://raw/a.csv#x",
          "s3://raw/a\n.csv",
          "s3://raw/a\u0085.csv",
          "s3://u@raw/a.csv",
          "s3://raw:443/a.csv",
          "s3://raw?x=1/a.csv",
          "s3://-raw/a.csv",
          "s3://../a.csv",
          "S3://raw/a.csv",
          "s3a://raw/a.csv"
        }) {
      assertThatThrownBy(() -> S3Location.parse(bad)).as(bad).isInstanceOf(SourceException.class);
    }
    S3Location spaced = S3Location.parse("s3://raw/march 2023+extra (1).csv");
    assertThat(S3Location.parse(spaced.uri())).isEqualTo(spaced);
    assertThat(S3Location.parse("s3://raw/a..b/c.csv").key()).isEqualTo("a..b/c.csv");
  }
}
