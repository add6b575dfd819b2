package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).
import dev.rapport.crm.policy.EvidenceWords;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Wording;


import static java.util.stream.Collectors.joining;

import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Registered;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The sentences of built-in reasons. Each cites the customer's own declaration (its local
 * date, source and notice) or the rule with its citation. Ids, codes and dates only, never
 * personal data.
 */
final class Messages {
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final State state;
  private final Outreach outreach;

  Messages(State state, Outreach outreach) {
    this.state = state;
    this.outreach = outreach;
  }

  static String unknownCustomer(String customerId, Outreach outreach) {
    return "No customer " + customerId + " is known; " + outreach.purpose()
        + " is denied (fail closed, model 5.1).";
  }

  Reason erased(Erased erased) {
    return reason(ReasonCode.ERASED, erased,
        "Customer " + state.customer().id() + " was erased on " + date(erased)
            + "; only a suppression tombstone remains and nothing may be sent.");
  }

  Reason transactional() {
    return byId(ReasonCode.TRANSACTIONAL, null,
        "TRANSACTIONAL needs no declared intent and survives withdrawal and objection.");
  }

  Reason replyToCustomer(Inquired inquiry) {
    return reason(ReasonCode.REPLY_TO_CUSTOMER, inquiry,
        "The customer got in touch by " + inquiry.channel() + " on " + date(inquiry)
            + "; a reply is inside the reply window.");
  }

  Reason noOpenInquiry(Duration replyWindow) {
    return byId(ReasonCode.NO_OPEN_INQUIRY, null,
        "No inquiry by " + outreach.channel() + " in the reply window of "
            + duration(replyWindow) + "; a REPLY answers only a contact the customer started.");
  }

  Reason declaredIntent(Granted grant, Purpose purpose) {
    return reason(ReasonCode.DECLARED_INTENT, grant,
        "Declared " + names(grant.intents()) + " on " + names(grant.channels())
            + entityPart(grant.entity()) + " (" + cite(grant) + "); " + purpose + " on "
            + outreach.channel() + " is inside it.");
  }

  Reason impliedConsent(LedgerEvent basis, Purpose purpose) {
    return reason(ReasonCode.IMPLIED_CONSENT, basis,
        "No declaration covers " + purpose + ", but the " + kind(basis) + " of " + date(basis)
            + " implies consent in " + state.customer().jurisdiction() + " (implied consent is on).");
  }

  Reason withdrawn(Withdrawn withdrawal, Intent intent, Channel channel) {
    return reason(ReasonCode.WITHDRAWN, withdrawal,
        "Withdrew " + (withdrawal.allIntents() ? "every intent" : names(withdrawal.intents()))
            + " on " + (withdrawal.allChannels() ? "every channel" : names(withdrawal.channels()))
            + " (" + date(withdrawal) + ", " + EvidenceWords.summary(withdrawal.evidence()) + "); " + intent
            + " on " + channel + " is closed until the customer declares it again.");
  }

  Reason expired(Granted grant) {
    return reason(ReasonCode.EXPIRED, grant,
        "Declared " + names(grant.intents()) + " on " + names(grant.channels()) + " ("
            + cite(grant) + ") until " + grant.expiresAt().map(this::date).orElse("?")
            + "; it has expired.");
  }

  Reason awaitingConfirmation(Granted grant, Channel channel) {
    String rule = state.customer().jurisdiction().country().equals("DE")
        && channel == Channel.EMAIL ? " (double opt-in, " + EuropePack.DOUBLE_OPT_IN + ")" : " (double opt-in)";
    return reason(ReasonCode.AWAITING_CONFIRMATION, grant,
        "Declared " + names(grant.intents()) + " on " + names(grant.channels()) + " ("
            + cite(grant) + ") is not yet confirmed on " + channel + rule + ".");
  }

  Reason senderNotPermitted(Granted grant, Optional<String> sender) {
    String who = sender.map(s -> "staff " + s).orElse("the brand");
    String allowed = grant.staff().map(s -> "staff " + s + " only").orElse("a member of staff");
    return reason(ReasonCode.SENDER_NOT_PERMITTED, grant,
        "Declared ONE_TO_ONE (" + cite(grant) + ") with " + allowed + "; PERSONAL from " + who
            + " is not permitted.");
  }

  Reason invalidConsent(Granted grant) {
    return reason(ReasonCode.INVALID_CONSENT, grant,
        "The grant of " + names(grant.intents()) + " on " + names(grant.channels()) + " ("
            + cite(grant) + ") is no valid consent: "
            + EvidenceWords.invalidity(grant.evidence()).orElse("it cannot be proven")
            + " (GDPR Art. 7(1), CASL s.13: the sender must prove consent).");
  }

  Reason otherEntity(Granted grant, Intent intent, Channel channel, Optional<String> entity) {
    return reason(ReasonCode.OTHER_ENTITY, grant,
        "Declared " + intent + " on " + channel + " for " + entityName(grant.entity()) + " ("
            + cite(grant) + "); this outreach is from " + entityName(entity) + ".");
  }

  Reason channelNotDeclared(Granted grant, Intent intent, Channel channel) {
    return reason(ReasonCode.CHANNEL_NOT_DECLARED, grant,
        "Declared " + intent + " on " + names(grant.channels()) + " only (" + cite(grant) + "); "
            + channel + " is not among them.");
  }

  Reason objected(Objected objection) {
    return reason(ReasonCode.OBJECTED, objection,
        "Objected to all direct marketing (" + date(objection) + ", "
            + EvidenceWords.summary(objection.evidence()) + "); " + outreach.purpose()
            + " is direct marketing (GDPR Art. 21(2)-(3)).");
  }

  Reason beyondDeclaredRelationship(List<Granted> live, Purpose purpose) {
    Granted latest = live.get(live.size() - 1);
    TreeSet<Intent> intents = new TreeSet<>();
    live.forEach(g -> intents.addAll(g.intents()));
    return reason(ReasonCode.BEYOND_DECLARED_RELATIONSHIP, latest,
        "Declared " + names(intents) + " only (" + cite(latest) + "); " + purpose
            + " is beyond it.");
  }

  Reason noDeclaredRelationship(Purpose purpose) {
    return byId(ReasonCode.NO_DECLARED_RELATIONSHIP, null,
        "Nothing declared is live on " + state.localDate(state.at()) + "; " + purpose + " needs "
            + purpose.openedBy().stream().map(Intent::name).collect(joining(" or ")) + ".");
  }

  Reason noOptOutOffered(LedgerEvent event) {
    return reason(ReasonCode.NO_OPT_OUT_OFFERED, event,
        "The " + kind(event) + " of " + date(event) + " came without a marketing opt-out offer, so"
            + " it implies no consent (" + EuropePack.SOFT_OPT_IN + ").");
  }

  Reason impliedOtherEntity(LedgerEvent event, Optional<String> eventEntity, String citation) {
    return reason(ReasonCode.OTHER_ENTITY, event,
        "The " + kind(event) + " of " + date(event) + " was with " + entityName(eventEntity)
            + ", not " + entityName(outreach.entity()) + " (" + citation + ").");
  }

  Reason impliedExpired(LedgerEvent event, Period window, String citation) {
    return reason(ReasonCode.IMPLIED_CONSENT_EXPIRED, event,
        "The " + kind(event) + " of " + date(event) + " is not within " + period(window)
            + " before " + state.localDate(state.at()) + " (" + citation + ").");
  }

  Reason consentRequestIsMarketing() {
    return byId(ReasonCode.CONSENT_REQUEST_IS_MARKETING, null,
        "Asking for consent on " + outreach.channel() + " is itself marketing and nothing declared"
            + " or implied covers it (ICO fines against Honda and Flybe, 2017; CASL).");
  }

  Reason writtenConsentRequired(Collection<Granted> covering) {
    String basis = covering.isEmpty() ? "no grant covers it"
        : "the covering grant (" + cite(covering.iterator().next()) + ") is not a signed written agreement";
    return reason(ReasonCode.WRITTEN_CONSENT_REQUIRED, covering.isEmpty() ? null : covering.iterator().next(),
        "An automated " + outreach.channel() + " needs prior express written consent; " + basis
            + " (" + UnitedStatesPack.WRITTEN_CONSENT + ").");
  }

  Reason doNotCallRegistry(Registered registered) {
    return reason(ReasonCode.DO_NOT_CALL_REGISTRY, registered,
        "The number is on the national do-not-call registry (" + date(registered) + "); a marketing "
            + outreach.channel() + " needs written consent, a purchase within 18 months or an"
            + " inquiry within 3 months (" + UnitedStatesPack.DO_NOT_CALL + ").");
  }

  Reason quietHours(QuietHours quiet, @Nullable String preferencesEvent) {
    return byId(ReasonCode.QUIET_HOURS, preferencesEvent,
        "The customer's quiet hours are " + quiet + " local time (" + state.customer().zone() + ").");
  }

  Reason frequencyCap(FrequencyCap cap, Instant until, @Nullable String preferencesEvent) {
    String whose = preferencesEvent == null ? "The business's cap" : "The customer's cap";
    String what = cap.purposes().isEmpty() ? "outreach" : names(cap.purposes());
    return byId(ReasonCode.FREQUENCY_CAP, preferencesEvent,
        whose + " allows at most " + cap.max() + " " + what
            + (cap.channels().isEmpty() ? "" : " on " + names(cap.channels()))
            + " per " + duration(cap.per()) + "; the next slot opens at " + local(until) + ".");
  }

  Reason coolOff(Purchased purchase, Duration coolOff) {
    return reason(ReasonCode.COOL_OFF, purchase,
        "The customer asked for no marketing for " + duration(coolOff) + " after a purchase; the last was on "
            + date(purchase) + ".");
  }

  Reason callingHours(LocalTime from, LocalTime to, String citation) {
    return byId(ReasonCode.CALLING_HOURS, null,
        "Marketing calls and texts only " + from + "-" + to + " local time ("
            + state.customer().zone() + "; " + citation + ").");
  }

  Reason callLimit(String topic, Instant until, String citation) {
    return byId(ReasonCode.CALL_LIMIT, null,
        "At most 3 marketing calls on topic " + topic + " in any 24 hours; the next may go at "
            + local(until) + " (" + citation + ").");
  }

  private Reason reason(ReasonCode code, @Nullable LedgerEvent event, String message) {
    return byId(code, event == null ? null : event.id(), message);
  }

  private static Reason byId(ReasonCode code, @Nullable String eventId, String message) {
    return Reason.of(code, message, Optional.ofNullable(eventId));
  }

  private String cite(Granted grant) {
    return Wording.cite(state.customer().zone(), grant);
  }

  private String date(LedgerEvent event) {
    return date(event.at());
  }

  private String date(Instant instant) {
    return state.localDate(instant).toString();
  }

  private String local(Instant instant) {
    ZonedDateTime zoned = instant.atZone(state.customer().zone());
    return LOCAL_TIME.format(zoned) + " local";
  }

  private static String kind(LedgerEvent event) {
    return Wording.kind(event);
  }

  private static String names(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).collect(joining(", "));
  }

  private static String entityPart(Optional<String> entity) {
    return entity.map(e -> " for " + e).orElse("");
  }

  private static String entityName(Optional<String> entity) {
    return entity.map(e -> "entity " + e).orElse("the business itself (no entity)");
  }

  /** A duration in words: whole days, else whole hours, else minutes. */
  static String duration(Duration duration) {
    if (!duration.isZero() && duration.toHours() % 24 == 0 && duration.toSeconds() % 3600 == 0) {
      return plural(duration.toDays(), "day");
    }
    if (duration.toSeconds() % 3600 == 0) {
      return plural(duration.toHours(), "hour");
    }
    return plural(duration.toMinutes(), "minute");
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }

  private static String period(Period period) {
    return period.getYears() > 0 ? period.getYears() + " years" : period.getMonths() + " months";
  }
}
