package dev.rapport.crm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.customer.Jurisdiction;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in law reaches the engine as a service of crm-core's own module ({@code RULES.md},
 * The law): every jurisdiction with a built-in pack is governed by exactly one of them, and a
 * jurisdiction without one by none (the model alone).
 */
final class BuiltInPacksTest {
  @ParameterizedTest(name = "{0} is governed by {1} built-in pack(s)")
  @CsvSource({
    "DE, 1", "FR, 1", "GB, 1", "NO, 1", "CA, 1", "CA-QC, 1",
    "US-FL, 1", "US-OK, 1", "US-MD, 1", "US-NY, 1", "US, 1",
    "AU, 0", "JP, 0",
  })
  void eachJurisdictionHasAtMostOneBuiltInPack(String code, int packs) {
    Jurisdiction jurisdiction = Jurisdiction.of(code);
    List<JurisdictionPack> builtIn = JurisdictionPack.builtIn();

    assertThat(builtIn.stream().filter(pack -> pack.governs(jurisdiction)).count()).isEqualTo(packs);
  }

  @ParameterizedTest(name = "the built-in packs are read once: {0}")
  @CsvSource({"first read", "second read"})
  void theBuiltInPacksAreTheSameEveryTime(String read) {
    assertThat(JurisdictionPack.builtIn()).hasSize(7).isSameAs(JurisdictionPack.builtIn());
  }
}
