package dev.rapport.crm.limits;

import static dev.rapport.crm.testing.Fixtures.T0;
import static dev.rapport.crm.testing.Fixtures.customerIn;
import static dev.rapport.crm.testing.Fixtures.evidence;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.ledger;
import static dev.rapport.crm.testing.Fixtures.outreach;
import static dev.rapport.crm.testing.Fixtures.preferences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bounds of values ({@code RULES.md}, "Bounds of values"): the core refuses at construction
 * every value the wire format could not write and read back, and every value whose arithmetic
 * could overflow, with a message naming the value.
 */
final class BoundsAtConstructionTest {
  private static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");
  private static final Instant YEAR_MINUS_1 = Instant.parse("-0001-12-31T23:59:59Z");
  private static final String LONG = "x".repeat(Limits.MAX_STRING_LENGTH + 1);

  private static Arguments refused(String name, String message, Executable construction) {
    return Arguments.of(name, message, construction);
  }

  private static Purchased purchaseAt(Instant at) {
    return Purchased.builder().id("p1").at(at).channel(Channel.EMAIL).build();
  }

  private static CustomerProfile profileIn(ZoneId zone) {
    return CustomerProfile.of("c-1", Jurisdiction.of("GB"), zone);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        refused("a zone offset", "region-based IANA", () -> profileIn(ZoneOffset.UTC)),
        refused("GMT+1", "GMT+01:00", () -> profileIn(ZoneId.of("GMT+1"))),
        refused("UTC+01:00", "UTC+01:00", () -> profileIn(ZoneId.of("UTC+01:00"))),
        refused("EST through SHORT_IDS", "-05:00", () -> profileIn(ZoneId.of("EST", ZoneId.SHORT_IDS))),
        refused("an event after year 9999", "9999-12-31T23:59:59.999999999Z", () -> purchaseAt(YEAR_10000)),
        refused("an event at Instant.MAX", "at must be between", () -> purchaseAt(Instant.MAX)),
        refused("an event at Instant.MIN", "at must be between", () -> purchaseAt(Instant.MIN)),
        refused("an event before year 0", "at must be between", () -> purchaseAt(YEAR_MINUS_1)),
        refused("an expiry at Instant.MAX", "expiresAt must be between",
            () -> Granted.builder().id("g1").at(T0).addIntents(Intent.DEALS).addChannels(Channel.EMAIL)
                .evidence(evidence().build()).expiresAt(Instant.MAX).build()),
        refused("evidence captured after year 9999", "capturedAt must be between",
            () -> evidence().capturedAt(YEAR_10000).build()),
        refused("a customer id too long", "at most 256 characters",
            () -> CustomerProfile.of("c".repeat(257), Jurisdiction.of("GB"), ZoneId.of("Europe/London"))),
        refused("an event id too long", "at most 256 characters",
            () -> Purchased.builder().id("p".repeat(257)).at(T0).channel(Channel.EMAIL).build()),
        refused("a confirmed grant reference too long", "at most 256 characters",
            () -> Confirmed.builder().id("c1").at(T0).grant("g".repeat(257)).evidence(evidence().build()).build()),
        refused("a detail too long", "at most 4096 characters", () -> evidence().putDetails("note", LONG).build()),
        refused("a notice too long", "at most 4096 characters", () -> evidence().notice(LONG).build()),
        refused("an entity too long", "at most 4096 characters",
            () -> Purchased.builder().id("p1").at(T0).channel(Channel.EMAIL).entity(LONG).build()),
        refused("an unpaired surrogate", "unpaired surrogate", () -> evidence().putDetails("note", "a\uD800b").build()),
        refused("too many details", "at most 64 entries", () -> {
          var builder = evidence();
          for (int i = 0; i <= 64; i++) {
            builder.putDetails("k" + i, "v");
          }
          builder.build();
        }),
        refused("quiet hours with seconds, which the wire format (HH:mm) cannot hold", "whole minutes",
            () -> QuietHours.of(LocalTime.of(21, 0, 30), LocalTime.of(8, 0))),
        refused("a cool-off that overflows", "at most PT876000H",
            () -> Preferences.builder().coolOffAfterPurchase(Duration.parse("P106751991167300D")).build()),
        refused("a cap window past the bound", "at most PT876000H",
            () -> FrequencyCap.builder().addPurposes(Purpose.OFFER).max(1).per(Duration.parse("P400000000000D")).build()),
        refused("a reply window past the bound", "at most PT876000H",
            () -> PolicyOptions.builder().replyWindow(Duration.ofDays(36_501)).build()),
        refused("an outreach at Instant.MAX", "at must be between",
            () -> outreach(Purpose.OFFER, Channel.EMAIL, Instant.MAX)),
        refused("an outreach at Instant.MIN", "at must be between",
            () -> outreach(Purpose.OFFER, Channel.EMAIL, Instant.MIN)),
        refused("a history entry after year 9999", "at must be between",
            () -> HistoryEntry.of(YEAR_10000, Purpose.OFFER, Channel.EMAIL)),
        refused("an outreach topic too long", "at most 4096 characters",
            () -> Outreach.builder().from(outreach(Purpose.OFFER, Channel.EMAIL, T0)).topic(LONG).build()));
  }

  @ParameterizedTest(name = "{0} is refused")
  @MethodSource("refusals")
  void aValueOutsideTheBoundsIsRefusedAtConstruction(String name, String message, Executable construction) {
    assertThatThrownBy(construction::execute)
        .as(name)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void theBoundsThemselvesAreAccepted() {
    assertThatCode(
            () -> {
              purchaseAt(Limits.MIN_INSTANT);
              purchaseAt(Limits.MAX_INSTANT);
              profileIn(ZoneId.of("Etc/GMT-1"));
              profileIn(ZoneId.of("UTC"));
              Preferences.builder().coolOffAfterPurchase(Limits.MAX_DURATION).build();
              FrequencyCap.builder().addPurposes(Purpose.OFFER).max(1).per(Limits.MAX_DURATION).build();
              PolicyOptions.builder().replyWindow(Limits.MAX_DURATION).build();
              evidence().putDetails("note", "x".repeat(Limits.MAX_STRING_LENGTH)).build();
              CustomerProfile.of("c".repeat(Limits.MAX_ID_LENGTH), Jurisdiction.of("GB"), ZoneId.of("Europe/London"));
            })
        .doesNotThrowAnyException();
  }

  /**
   * RULES.md, "Bounds of values": a deferral that would end after {@link Limits#MAX_INSTANT}
   * finds no free instant on the time line, so the outreach is denied with the deferring rules'
   * codes, as when the daily windows leave no free minute.
   */
  @Test
  void aDeferralPastTheLastInstantIsADenyWithTheTimingCodes() {
    // Quiet from 01:00 to midnight UTC: on the last day the next free minute is in year 10000.
    Preferences quiet = Preferences.builder().quietHours(QuietHours.of(LocalTime.of(1, 0), LocalTime.MIDNIGHT)).build();
    Instant lastEvening = Instant.parse("9999-12-31T22:00:00Z");
    var ledger =
        Ledger.of(
            customerIn("AU", "Etc/UTC"),
            List.of(grant("g1", T0, Intent.DEALS, Channel.EMAIL), preferences("p1", T0, quiet)));

    Decision decision =
        PolicyEngine.withDefaults().decide(ledger, List.of(), outreach(Purpose.OFFER, Channel.EMAIL, lastEvening));

    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.deferUntil()).isEmpty();
    assertThat(decision.reasons()).extracting(r -> r.code()).contains(ReasonCode.QUIET_HOURS);
  }

  @Test
  void aDecisionAtTheBoundsOfTheTimeLineNeverThrows() {
    Preferences prefs =
        Preferences.builder()
            .coolOffAfterPurchase(Limits.MAX_DURATION)
            .addCaps(FrequencyCap.builder().addPurposes(Purpose.OFFER).max(1).per(Limits.MAX_DURATION).build())
            .build();
    var ledger =
        ledger(grant("g1", Limits.MIN_INSTANT, Intent.DEALS, Channel.EMAIL), preferences("p1", Limits.MIN_INSTANT, prefs));
    PolicyEngine engine =
        PolicyEngine.builder().options(PolicyOptions.builder().replyWindow(Limits.MAX_DURATION).build()).build();
    for (Instant at : List.of(Limits.MIN_INSTANT, Limits.MAX_INSTANT)) {
      List<HistoryEntry> history = List.of(HistoryEntry.of(at, Purpose.OFFER, Channel.EMAIL));
      for (Purpose purpose : Purpose.values()) {
        Decision decision = engine.decide(ledger, history, outreach(purpose, Channel.EMAIL, at));
        decision.deferUntil().ifPresent(until -> assertThat(Limits.isInRange(until)).as("%s", decision).isTrue());
      }
    }
  }
}
