package dev.rapport.crm.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.core.Version;
import tools.jackson.core.util.VersionUtil;

/** The module as Jackson sees it: its name and its version, which come from the build. */
final class RapportModuleTest {
  @Test
  void versionIsTheVersionOfThePom() {
    String pomVersion = System.getProperty("rapport.project.version");
    assertThat(pomVersion).as("set by crm-jackson/pom.xml for surefire").isNotBlank();

    Version version = new RapportModule().version();

    assertThat(version.isUnknownVersion()).isFalse();
    assertThat(version)
        .isEqualTo(VersionUtil.parseVersion(pomVersion, "dev.rapport", "crm-jackson"));
    assertThat(version.getGroupId()).isEqualTo("dev.rapport");
    assertThat(version.getArtifactId()).isEqualTo("crm-jackson");
  }

  @Test
  void nameIsStable() {
    assertThat(new RapportModule().getModuleName()).isEqualTo("RapportModule");
  }
}
