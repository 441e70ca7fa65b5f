package dev.airlock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackageNamesTest {

  @Test
  void mapsPipNamesToTheModulesTheyInstall() {
    assertThat(PackageNames.importName("scikit-learn")).isEqualTo("sklearn");
    assertThat(PackageNames.importName("PyYAML")).isEqualTo("yaml");
    assertThat(PackageNames.importName("beautifulsoup4")).isEqualTo("bs4");
    assertThat(PackageNames.importName("python-dateutil")).isEqualTo("dateutil");
    assertThat(PackageNames.importName("Pillow")).isEqualTo("PIL");
    assertThat(PackageNames.importName("pandas")).isEqualTo("pandas");
  }

  @Test
  void ignoresVersionsExtrasAndTheInterpreterItself() {
    assertThat(PackageNames.importName("pandas>=2.0")).isEqualTo("pandas");
    assertThat(PackageNames.importName(" scikit-learn==1.3 ")).isEqualTo("sklearn");
    assertThat(PackageNames.importName("requests[socks]")).isEqualTo("requests");
    assertThat(PackageNames.importName("typing-extensions")).isEqualTo("typing_extensions");
    assertThat(PackageNames.importName("python")).isNull();
    assertThat(PackageNames.importName("'; import os")).isNull();
  }
}
