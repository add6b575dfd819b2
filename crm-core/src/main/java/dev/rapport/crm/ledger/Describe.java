package dev.rapport.crm.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** Words for reason messages: ids and dates only, never personal data. */
final class Describe {
  private Describe() {}

  static String source(Source source) {
    return source.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String date(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
