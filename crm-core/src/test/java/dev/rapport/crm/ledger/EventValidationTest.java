package dev.rapport.crm.ledger;

import static dev.rapport.crm.testing.Fixtures.T0;
import static dev.rapport.crm.testing.Fixtures.byCustomer;
import static dev.rapport.crm.testing.Fixtures.evidence;
import static dev.rapport.crm.testing.Fixtures.granted;
import static dev.rapport.crm.testing.Fixtures.withdrawn;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;
import static dev.rapport.crm.testing.RapportAssertions.assertThatThrownBy;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation of evidence and events at construction ({@code RULES.md} "The ledger", {@code crm-jackson/README.md}). */
final class EventValidationTest {

  @Test
  void evidenceWithAStaffActorNeedsTheStaffMembersId() {
    assertThatThrownBy(() -> Evidence.builder().source(Source.PHONE).actor(Actor.STAFF).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("evidence with actor STAFF needs the staff member's id ('staff')");
  }

  @Test
  void evidenceWithAStaffActorAndIdIsAccepted() {
    Evidence evidence = Evidence.builder().source(Source.PHONE).actor(Actor.STAFF).staff("jane").build();

    assertThat(evidence.staff()).contains("jane");
  }

  @Test
  void aGrantWithoutChannelsIsRefused() {
    assertThatThrownBy(() -> granted("g1", T0).addIntents(Intent.DEALS).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("granted event g1 names no channel");
  }

  @Test
  void aGrantWithoutIntentsIsRefused() {
    assertThatThrownBy(() -> granted("g1", T0).addChannels(Channel.EMAIL).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("granted event g1 names no intent");
  }

  @Test
  void aWithdrawalWithoutChannelsIsRefused() {
    assertThatThrownBy(() -> withdrawn("w1", T0).addIntents(Intent.DEALS).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("withdrawn event w1 names no channel (use all channels for ALL)");
  }

  @Test
  void aWithdrawalWithoutIntentsIsRefused() {
    assertThatThrownBy(() -> withdrawn("w1", T0).addChannels(Channel.EMAIL).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("withdrawn event w1 names no intent (use all intents for ALL)");
  }

  @ParameterizedTest(name = "expiresAt {0} after the grant is refused")
  @MethodSource("notAfterTheGrant")
  void aGrantMustExpireAfterItWasGranted(Duration offset) {
    var expiresAt = T0.plus(offset);

    assertThatThrownBy(
            () ->
                granted("g1", T0)
                    .addIntents(Intent.DEALS)
                    .addChannels(Channel.EMAIL)
                    .expiresAt(expiresAt)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "granted event g1 expires at " + expiresAt + ", not after it was granted at " + T0);
  }

  static Stream<Duration> notAfterTheGrant() {
    return Stream.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(-3));
  }

  @Test
  void aGrantExpiringOneSecondAfterItWasGrantedIsAccepted() {
    Granted grant =
        granted("g1", T0)
            .addIntents(Intent.DEALS)
            .addChannels(Channel.EMAIL)
            .expiresAt(T0.plusSeconds(1))
            .build();

    assertThat(grant.expiresAt()).contains(T0.plusSeconds(1));
  }

  @Test
  void aGrantNamingStaffWithoutOneToOneIsRefused() {
    assertThatThrownBy(
            () ->
                granted("g1", T0)
                    .addIntents(Intent.DEALS, Intent.PROMOTION)
                    .addChannels(Channel.EMAIL)
                    .staff("jane")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("granted event g1 names staff jane but no ONE_TO_ONE intent");
  }

  @Test
  void aOneToOneGrantMayNameItsStaffMember() {
    Granted grant =
        granted("g1", T0).addIntents(Intent.ONE_TO_ONE).addChannels(Channel.EMAIL).staff("jane").build();

    assertThat(grant.staff()).contains("jane");
  }

  @Test
  void aBlankEventIdIsRefusedNamingTheEventType() {
    assertThatThrownBy(() -> Objected.builder().id(" ").at(T0).evidence(byCustomer()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("objected event needs a non-blank id");
  }

  @Test
  void aWithdrawalWithoutEntityNamesTheKeyOfEveryEntity() {
    Withdrawn withdrawal = withdrawn("w1", T0).addIntents(Intent.DEALS).addChannels(Channel.EMAIL).build();

    assertThat(withdrawal.names(Intent.DEALS, Channel.EMAIL, java.util.Optional.empty())).isTrue();
    assertThat(withdrawal.names(Intent.DEALS, Channel.EMAIL, java.util.Optional.of("acme-bank"))).isTrue();
  }

  @Test
  void aWithdrawalForAnEntityNamesOnlyThatEntitysKey() {
    Withdrawn withdrawal =
        withdrawn("w1", T0).addIntents(Intent.DEALS).addChannels(Channel.EMAIL).entity("acme-bank").build();

    assertThat(withdrawal.names(Intent.DEALS, Channel.EMAIL, java.util.Optional.of("acme-bank"))).isTrue();
    assertThat(withdrawal.names(Intent.DEALS, Channel.EMAIL, java.util.Optional.empty())).isFalse();
  }

  @ParameterizedTest(name = "{0}: valid consent is {1}")
  @MethodSource("consentQuality")
  void evidenceIsValidConsentOnlyWhenModelSection4Holds(String what, boolean valid, Evidence evidence) {
    assertThat(evidence.isValidConsent()).as(what).isEqualTo(valid);
  }

  static Stream<Arguments> consentQuality() {
    return Stream.of(
        Arguments.of("the customer in the preference center", true, evidence().build()),
        Arguments.of("staff on the phone", true, evidence().actor(Actor.STAFF).staff("jane").source(Source.PHONE).build()),
        Arguments.of("staff in person", true, evidence().actor(Actor.STAFF).staff("jane").source(Source.IN_PERSON).build()),
        Arguments.of("staff on paper", true, evidence().actor(Actor.STAFF).staff("jane").source(Source.PAPER).build()),
        Arguments.of("staff through a web form", false, evidence().actor(Actor.STAFF).staff("jane").source(Source.WEB_FORM).build()),
        Arguments.of("staff through the API", false, evidence().actor(Actor.STAFF).staff("jane").source(Source.API).build()),
        Arguments.of("the system", false, evidence().actor(Actor.SYSTEM).build()),
        Arguments.of("a pre-ticked box", false, evidence().preTicked(true).build()),
        Arguments.of("no notice", false, evidence().notice(java.util.Optional.empty()).build()),
        Arguments.of("an import without capture time", false, evidence().source(Source.IMPORT).build()),
        Arguments.of("an import with capture time", true, evidence().source(Source.IMPORT).capturedAt(T0.minusSeconds(86_400)).build()));
  }
}
