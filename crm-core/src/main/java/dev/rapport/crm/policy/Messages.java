package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkNotNull;
import static java.util.stream.Collectors.joining;

import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The sentences of built-in reasons. Each cites the customer's own declaration (its local
 * date, source and notice) or the rule with its citation. Ids, codes and dates only, never
 * personal data.
 */
final class Messages {
  private final State state;
  private final Outreach outreach;
  private final JurisdictionPack pack;

  Messages(State state, Outreach outreach, JurisdictionPack pack) {
    this.state = state;
    this.outreach = outreach;
    this.pack = pack;
  }

  private String cite(Granted grant) {
    return Wording.cite(state.customer().zone(), grant);
  }

  private String date(LedgerEvent event) {
    return date(event.at());
  }

  private String date(Instant instant) {
    return Wording.date(state.customer().zone(), instant);
  }

  private String local(Instant instant) {
    return Wording.localTime(state.customer().zone(), instant);
  }

  private static String kind(LedgerEvent event) {
    return Wording.kind(event);
  }

  private static String names(Collection<? extends Enum<?>> values) {
    return Wording.names(values);
  }

  private static String entityName(Optional<String> entity) {
    return Wording.entityName(entity);
  }

  private static String duration(Duration duration) {
    return Wording.duration(duration);
  }

  static String unknownCustomer(String customerId, Outreach outreach) {
    return "No customer " + customerId + " is known; " + outreach.purpose()
        + " is denied (fail closed, model 5.1).";
  }

  Reason erased(Erased erased) {
    return reason(ReasonCode.ERASED, erased, () ->
        "Customer " + state.customer().id() + " was erased on " + date(erased)
            + "; only a suppression tombstone remains and nothing may be sent.");
  }

  Reason transactional() {
    return byId(ReasonCode.TRANSACTIONAL, null, () ->
        "TRANSACTIONAL needs no declared intent and survives withdrawal and objection.");
  }

  Reason replyToCustomer(Inquired inquiry) {
    return reason(ReasonCode.REPLY_TO_CUSTOMER, inquiry, () ->
        "The customer got in touch by " + inquiry.channel() + " on " + date(inquiry)
            + "; a reply is inside the reply window.");
  }

  Reason noOpenInquiry(Duration replyWindow) {
    return byId(ReasonCode.NO_OPEN_INQUIRY, null, () ->
        "No inquiry by " + outreach.channel() + " in the reply window of "
            + duration(replyWindow) + "; a REPLY answers only a contact the customer started.");
  }

  /**
   * The sentences of a reason that rests on an event take the event and its id apart: the id is
   * read where the event need not be (a key's flat fold), the event only when the sentence is
   * written. {@code grantId} is the grant's id.
   */
  Reason declaredIntent(Granted grant, @Nullable String grantId, Purpose purpose) {
    return byId(ReasonCode.DECLARED_INTENT, grantId, () -> declaredIntentSentence(grant, purpose));
  }

  /**
   * The declared intent of the grant standing on the business key of {@code slot}, whose id and
   * sentence are both read from the key when first asked for.
   */
  Reason declaredIntent(Facts facts, int slot, Purpose purpose) {
    return Reason.explainedLater(
        ReasonCode.DECLARED_INTENT,
        () -> checkNotNull(facts.businessKey(slot)).grantId,
        () -> declaredIntentSentence(checkNotNull(checkNotNull(facts.businessKey(slot)).grant), purpose));
  }

  private String declaredIntentSentence(Granted grant, Purpose purpose) {
    return "Declared " + names(grant.intents()) + " on " + names(grant.channels())
        + entityPart(grant.entity()) + " (" + cite(grant) + "); " + purpose + " on "
        + outreach.channel() + " is inside it.";
  }

  Reason impliedConsent(LedgerEvent basis, Purpose purpose) {
    return reason(ReasonCode.IMPLIED_CONSENT, basis, () ->
        "No declaration covers " + purpose + ", but the " + kind(basis) + " of " + date(basis)
            + " implies consent in " + state.customer().jurisdiction() + " (implied consent is on).");
  }

  Reason withdrawn(Withdrawn withdrawal, String id, Intent intent, Channel channel) {
    return byId(ReasonCode.WITHDRAWN, id, () ->
        "Withdrew " + (withdrawal.allIntents() ? "every intent" : names(withdrawal.intents()))
            + " on " + (withdrawal.allChannels() ? "every channel" : names(withdrawal.channels()))
            + " (" + date(withdrawal) + ", " + Wording.evidence(withdrawal.evidence()) + "); " + intent
            + " on " + channel + " is closed until the customer declares it again.");
  }

  Reason expired(Granted grant, String id) {
    return byId(ReasonCode.EXPIRED, id, () ->
        "Declared " + names(grant.intents()) + " on " + names(grant.channels()) + " ("
            + cite(grant) + ") until " + grant.expiresAt().map(this::date).orElse("?")
            + "; it has expired.");
  }

  Reason awaitingConfirmation(Granted grant, String id, Channel channel) {
    return byId(ReasonCode.AWAITING_CONFIRMATION, id, () ->
        "Declared " + names(grant.intents()) + " on " + names(grant.channels()) + " ("
            + cite(grant) + ") is not yet confirmed on " + channel
            + pack.doubleOptInCitation(channel).map(c -> " (double opt-in, " + c + ")").orElse(" (double opt-in)")
            + ".");
  }

  Reason senderNotPermitted(Granted grant, Optional<String> sender) {
    return reason(ReasonCode.SENDER_NOT_PERMITTED, grant, () ->
        "Declared ONE_TO_ONE (" + cite(grant) + ") with "
            + grant.staff().map(s -> "staff " + s + " only").orElse("a member of staff")
            + "; PERSONAL from " + sender.map(s -> "staff " + s).orElse("the brand")
            + " is not permitted.");
  }

  Reason invalidConsent(Granted grant, String id) {
    return byId(ReasonCode.INVALID_CONSENT, id, () ->
        "The grant of " + names(grant.intents()) + " on " + names(grant.channels()) + " ("
            + cite(grant) + ") is no valid consent: "
            + Wording.invalidity(grant.evidence()).orElse("it cannot be proven")
            + " (GDPR Art. 7(1), CASL s.13: the sender must prove consent).");
  }

  Reason otherEntity(Granted grant, Intent intent, Channel channel, Optional<String> entity) {
    return reason(ReasonCode.OTHER_ENTITY, grant, () ->
        "Declared " + intent + " on " + channel + " for " + entityName(grant.entity()) + " ("
            + cite(grant) + "); this outreach is from " + entityName(entity) + ".");
  }

  Reason channelNotDeclared(Granted grant, Intent intent, Channel channel) {
    return reason(ReasonCode.CHANNEL_NOT_DECLARED, grant, () ->
        "Declared " + intent + " on " + names(grant.channels()) + " only (" + cite(grant) + "); "
            + channel + " is not among them.");
  }

  Reason objected(Objected objection, String id) {
    return byId(ReasonCode.OBJECTED, id, () ->
        "Objected to all direct marketing (" + date(objection) + ", "
            + Wording.evidence(objection.evidence()) + "); " + outreach.purpose()
            + " is direct marketing (GDPR Art. 21(2)-(3)).");
  }

  /** {@code live} is not changed afterwards: the sentence reads it when first asked for. */
  Reason beyondDeclaredRelationship(List<Granted> live, Purpose purpose) {
    Granted latest = live.get(live.size() - 1);
    return reason(ReasonCode.BEYOND_DECLARED_RELATIONSHIP, latest, () -> {
      TreeSet<Intent> intents = new TreeSet<>();
      live.forEach(g -> intents.addAll(g.intents()));
      return "Declared " + names(intents) + " only (" + cite(latest) + "); " + purpose
          + " is beyond it.";
    });
  }

  Reason noDeclaredRelationship(Purpose purpose) {
    return byId(ReasonCode.NO_DECLARED_RELATIONSHIP, null, () ->
        "Nothing declared is live on " + state.localDate(state.at()) + "; " + purpose + " needs "
            + purpose.openedBy().stream().map(Intent::name).collect(joining(" or ")) + ".");
  }

  Reason consentRequestIsMarketing() {
    return byId(ReasonCode.CONSENT_REQUEST_IS_MARKETING, null, () ->
        "Asking for consent on " + outreach.channel() + " is itself marketing and nothing declared"
            + " or implied covers it (ICO fines against Honda and Flybe, 2017; CASL).");
  }

  /** The customer's quiet hours, read from their preferences when the sentence is written. */
  Reason quietHours(@Nullable String preferencesEvent) {
    return byId(ReasonCode.QUIET_HOURS, preferencesEvent, () ->
        "The customer's quiet hours are " + state.preferences().quietHours().orElseThrow()
            + " local time (" + state.customer().zone() + ").");
  }

  Reason frequencyCap(FrequencyCap cap, Instant until, @Nullable String preferencesEvent) {
    return byId(ReasonCode.FREQUENCY_CAP, preferencesEvent, () ->
        (preferencesEvent == null ? "The business's cap" : "The customer's cap")
            + " allows at most " + cap.max() + " "
            + (cap.purposes().isEmpty() ? "outreach" : names(cap.purposes()))
            + (cap.channels().isEmpty() ? "" : " on " + names(cap.channels()))
            + " per " + duration(cap.per()) + "; the next slot opens at " + local(until) + ".");
  }

  /** The cool-off after the last purchase, both read from the standing when the sentence is written. */
  Reason coolOff() {
    Purchased purchase = state.lastPurchase().orElseThrow();
    return reason(ReasonCode.COOL_OFF, purchase, () ->
        "The customer asked for no marketing for "
            + duration(state.preferences().coolOffAfterPurchase().orElseThrow())
            + " after a purchase; the last was on " + date(purchase) + ".");
  }

  private Reason reason(ReasonCode code, @Nullable LedgerEvent event, Supplier<String> message) {
    return byId(code, event == null ? null : event.id(), message);
  }

  /** A reason whose sentence is written when first read ({@link Reason#message()}). */
  private static Reason byId(ReasonCode code, @Nullable String eventId, Supplier<String> message) {
    return Reason.explained(code, eventId, message);
  }

  private static String entityPart(Optional<String> entity) {
    return entity.map(e -> " for " + e).orElse("");
  }

  /** A duration in words: whole days, else whole hours, else minutes. */
}
