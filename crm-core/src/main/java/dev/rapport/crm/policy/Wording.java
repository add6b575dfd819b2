package dev.rapport.crm.policy;

import static java.util.stream.Collectors.joining;

import dev.rapport.crm.internal.Words;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Source;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Optional;

/**
 * How reasons name things, shared by the engine and the jurisdiction packs so that every
 * sentence reads alike: local dates and times in the customer's zone, a grant cited by its date
 * and evidence, an event by its kind, an entity by its id. Ids, codes and dates only, never
 * personal data.
 */
public final class Wording {
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Wording() {}

  /** The local date of {@code instant} in {@code zone}, such as {@code 2026-03-10}. */
  public static String date(ZoneId zone, Instant instant) {
    return instant.atZone(zone).toLocalDate().toString();
  }

  /** The local date and time of {@code instant}, such as {@code 2026-03-10 17:00 local}. */
  public static String localTime(ZoneId zone, Instant instant) {
    return LOCAL_TIME.format(instant.atZone(zone)) + " local";
  }

  /** A grant cited by its local date and evidence, such as {@code 2026-03-02, web form, notice v3}. */
  public static String cite(ZoneId zone, Granted grant) {
    return date(zone, grant.at()) + ", " + evidence(grant.evidence());
  }

  /**
   * A short account of evidence, such as {@code preference center, notice prefs-v3}: where, the
   * staff member's id, whether the system acted, and the notice. Ids only, never personal data.
   */
  static String evidence(Evidence evidence) {
    StringBuilder summary = new StringBuilder(Words.of(evidence.source()));
    evidence.staff().ifPresent(s -> summary.append(", staff ").append(s));
    if (evidence.actor() == Actor.SYSTEM) {
      summary.append(", by the system");
    }
    evidence.notice().ifPresent(n -> summary.append(", notice ").append(n));
    return summary.toString();
  }

  /**
   * Why evidence is no valid consent, in words: the first condition of {@link
   * Evidence#isValidConsent()} ({@code RULES.md} "Evidence and valid consent") it fails; empty
   * when it is valid.
   */
  static Optional<String> invalidity(Evidence evidence) {
    if (evidence.actor() == Actor.SYSTEM) {
      return Optional.of("recorded by the system, not the customer");
    }
    if (evidence.actor() == Actor.STAFF && !evidence.source().isStaffRecordable()) {
      return Optional.of("entered by staff through " + Words.of(evidence.source())
          + ", not recorded from the customer's own words");
    }
    if (evidence.preTicked()) {
      return Optional.of("the box was pre-ticked");
    }
    if (evidence.notice().isEmpty()) {
      return Optional.of("no notice was recorded");
    }
    if (evidence.source() == Source.IMPORT && evidence.capturedAt().isEmpty()) {
      return Optional.of("an import without its original capture time");
    }
    return Optional.empty();
  }

  /** What an event is in words: {@code purchase}, {@code inquiry}, {@code confirmation}, ... */
  public static String kind(LedgerEvent event) {
    if (event instanceof Purchased) {
      return "purchase";
    }
    if (event instanceof Inquired) {
      return "inquiry";
    }
    if (event instanceof Confirmed) {
      return "confirmation";
    }
    return Words.of(event.type()) + " event";
  }

  /** Enum constants by name, comma-separated. */
  public static String names(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).collect(joining(", "));
  }

  /** An entity in words: {@code entity acme-bank}, or the business itself for the empty entity. */
  public static String entityName(Optional<String> entity) {
    return entity.map(e -> "entity " + e).orElse("the business itself (no entity)");
  }

  /** A duration in words: whole days, else whole hours, else minutes. */
  public static String duration(Duration duration) {
    if (!duration.isZero() && duration.toHours() % 24 == 0 && duration.toSeconds() % 3600 == 0) {
      return plural(duration.toDays(), "day");
    }
    if (duration.toSeconds() % 3600 == 0) {
      return plural(duration.toHours(), "hour");
    }
    return plural(duration.toMinutes(), "minute");
  }

  /** A period of whole years or months in words, such as {@code 18 months}. */
  public static String period(Period period) {
    return period.getYears() > 0 ? period.getYears() + " years" : period.getMonths() + " months";
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
