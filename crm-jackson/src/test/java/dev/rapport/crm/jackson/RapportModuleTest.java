package dev.rapport.crm.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.ledger.Evidence;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.Version;
import tools.jackson.core.util.VersionUtil;
import tools.jackson.databind.json.JsonMapper;

/**
 * The module as Jackson sees it: its name, its version, which come from the build, and the
 * duplicate detection it turns on.
 */
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

  /** crm-jackson/README.md, "Strict reading": a repeated field is refused, on a user's own mapper too. */
  @Test
  void aMapperWithTheModuleRefusesARepeatedFieldThroughJacksonsDuplicateDetection() {
    JsonMapper mapper = JsonMapper.builder().addModule(new RapportModule()).build();
    String json =
        "{ \"source\": \"WEB_FORM\", \"actor\": \"CUSTOMER\",\n  \"actor\": \"SYSTEM\" }";

    assertThat(mapper.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)).isTrue();
    assertThatThrownBy(() -> mapper.readValue(json, Evidence.class))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> {
              assertThat(e.path()).isEqualTo("$.actor");
              assertThat(e.problem()).isEqualTo("duplicate field \"actor\"");
              assertThat(e.line()).hasValue(2);
              assertThat(e.column()).hasValue(3); // the repeated name's opening quote
            });
  }

  @Test
  void aParserThatCannotSeeRepeatedFieldsIsRefusedRatherThanReadBlind() {
    JsonMapper plain = JsonMapper.builder().build();
    JsonMapper mapper = JsonMapper.builder().addModule(new RapportModule()).build();
    String json = "{ \"source\": \"WEB_FORM\", \"actor\": \"CUSTOMER\" }";

    assertThatThrownBy(
            () -> {
              try (JsonParser parser = plain.createParser(json)) {
                mapper.readValue(parser, Evidence.class);
              }
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRICT_DUPLICATE_DETECTION");
  }

  @Test
  void nameIsStable() {
    assertThat(new RapportModule().getModuleName()).isEqualTo("RapportModule");
  }
}
