package dev.rapport.crm.examples.guide;

import static dev.rapport.crm.policy.ObligationCode.NO_TRACKING;
import static dev.rapport.crm.policy.ReasonCode.BEYOND_DECLARED_RELATIONSHIP;
import static dev.rapport.crm.policy.ReasonCode.DECLARED_INTENT;
import static dev.rapport.crm.policy.ReasonCode.QUIET_HOURS;
import static dev.rapport.crm.policy.ReasonCode.WITHDRAWN;
import static dev.rapport.crm.relationship.Channel.EMAIL;
import static dev.rapport.crm.relationship.Intent.DEALS;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.testing.LedgerStory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Testing your own rules", line for line; the last test keeps the two in step. */
final class TestingGuideTest {

  @Test
  void the_readme_testing_snippet_compiles_and_passes() {
    // --- README: testing your own rules ----------------------------------------------------
    CustomerProfile customer = CustomerProfile.of("c-0101", Jurisdiction.of("GB"), ZoneId.of("Europe/London"));
    Ledger ledger = LedgerStory.of(customer)
        .granted(DEALS).on(EMAIL).on("2026-03-02").atThe(Source.CHECKOUT)
        .keepsQuietHours("21:00", "08:00").on("2026-03-02")
        .ledger();
    PolicyEngine engine = PolicyEngine.withDefaults();
    Outreach offer = Outreach.builder()
        .purpose(Purpose.OFFER).channel(EMAIL).tracking(true).at(Instant.parse("2026-03-10T17:00:00Z")).build();

    assertThat(engine.decide(ledger, List.of(), offer))
        .isAllowed().hasReason(DECLARED_INTENT).citesEvent(DECLARED_INTENT, "g1").hasObligation(NO_TRACKING);

    Outreach lateOffer = Outreach.builder().from(offer).at(Instant.parse("2026-03-10T22:00:00Z")).build();
    assertThat(engine.decide(ledger, List.of(), lateOffer))
        .isDeferredUntil(Instant.parse("2026-03-11T08:00:00Z")).hasReason(QUIET_HOURS);

    Outreach promotion = Outreach.builder().from(offer).purpose(Purpose.PROMOTION).build();
    assertThat(engine.decide(ledger, List.of(), promotion)).isDenied().hasOnlyReasons(BEYOND_DECLARED_RELATIONSHIP);

    Ledger withdrawn = LedgerStory.of(customer)
        .granted(DEALS).on(EMAIL).on("2026-03-02").atThe(Source.CHECKOUT)
        .withdrew(DEALS).on(EMAIL).on("2026-03-05")
        .ledger();
    assertThat(engine.decide(withdrawn, List.of(), offer))
        .isDenied().hasOnlyReasons(WITHDRAWN).citesEvent(WITHDRAWN, "w1");
    // --- end of the README's code ----------------------------------------------------------
  }

  @Test
  void the_readme_shows_this_tests_code() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher block =
        Pattern.compile("## Testing your own rules.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("README.md has a java block under 'Testing your own rules'").isTrue();
    String source = Files.readString(Path.of("src/test/java", getClass().getName().replace('.', '/') + ".java"));
    for (String line : block.group(1).split("\n")) {
      if (!line.isBlank() && !line.startsWith("//")) {
        assertThat(source).as("README line is in %s", getClass().getSimpleName()).contains(line.strip());
      }
    }
  }
}
