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

  /**
   * crm-jackson/README.md, "Strict reading": a repeated field is refused, on a user's own mapper
   * too, by the module's readers themselves: the mapper's features are left as they were.
   */
  @Test
  void aMapperWithTheModuleRefusesARepeatedFieldAtItsName() {
    JsonMapper mapper = JsonMapper.builder().addModule(new RapportModule()).build();
    String json =
        "{ \"source\": \"WEB_FORM\", \"actor\": \"CUSTOMER\",\n  \"actor\": \"SYSTEM\" }";

    assertThat(mapper.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)).isFalse();
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

  /** crm-jackson/README.md, "Strict reading": a repeated field whose second value is null. */
  @Test
  void aFieldRepeatedWithNullIsRefusedToo() {
    JsonMapper mapper = JsonMapper.builder().addModule(new RapportModule()).build();
    String json = "{ \"source\": \"WEB_FORM\", \"actor\": \"CUSTOMER\", \"actor\": null }";

    assertThatThrownBy(() -> mapper.readValue(json, Evidence.class))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> {
              assertThat(e.path()).isEqualTo("$.actor");
              assertThat(e.problem()).isEqualTo("duplicate field \"actor\"");
              assertThat(e.column()).hasValue(46); // the repeated name's opening quote
            });
  }

  /** A parser made by a mapper without the module still has repeated fields refused. */
  @Test
  void aParserOfAnotherMapperHasRepeatedFieldsRefusedToo() {
    JsonMapper plain = JsonMapper.builder().build();
    JsonMapper mapper = JsonMapper.builder().addModule(new RapportModule()).build();
    String json = "{ \"source\": \"WEB_FORM\", \"details\": { \"ip\": \"a\", \"ip\": \"b\" } }";

    assertThatThrownBy(
            () -> {
              try (JsonParser parser = plain.createParser(json)) {
                mapper.readValue(parser, Evidence.class);
              }
            })
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> {
              assertThat(e.path()).isEqualTo("$.details.ip");
              assertThat(e.problem()).isEqualTo("duplicate field \"ip\"");
              assertThat(e.column()).hasValue(49);
            });
  }

  @Test
  void nameIsStable() {
    assertThat(new RapportModule().getModuleName()).isEqualTo("RapportModule");
  }
}
