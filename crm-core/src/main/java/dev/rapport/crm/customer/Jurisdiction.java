package dev.rapport.crm.customer;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A customer's jurisdiction: an ISO 3166-1 alpha-2 country code with an optional ISO 3166-2
 * subdivision, such as {@code GB}, {@code DE}, {@code US-FL} or {@code CA-ON} ({@code RULES.md}).
 * A subdivision inherits its country's rules.
 *
 * <p>A malformed code, or a country code that ISO 3166-1 does not assign, is rejected at
 * construction. A well-formed code for which Rapport has no jurisdiction pack is valid and gets
 * the model alone.
 */
public final class Jurisdiction {
  private static final Pattern FORMAT = Pattern.compile("([A-Z]{2})(?:-([A-Z0-9]{1,3}))?");
  private static final ImmutableSet<String> COUNTRIES =
      ImmutableSet.copyOf(Locale.getISOCountries());

  /** Codes in common use that ISO 3166-1 spells otherwise: the United Kingdom and Greece. */
  private static final ImmutableMap<String, String> LOOKALIKES =
      ImmutableMap.of("UK", "GB (ISO 3166-1 for the United Kingdom)", "EL", "GR (ISO 3166-1 for Greece)");

  /**
   * The jurisdictions parsed so far, by code, so that customers of one jurisdiction share one
   * value (the engine looks its law up by jurisdiction on every decision). Bounded: past {@link
   * #KNOWN_AT_MOST} codes a code is parsed into a value of its own, equal all the same.
   */
  private static final ConcurrentMap<String, Jurisdiction> KNOWN = new ConcurrentHashMap<>();
  /** ISO 3166-1 and 3166-2 name about 5,300 codes; the bound leaves room and stops a flood. */
  private static final int KNOWN_AT_MOST = 8_192;

  private final String country;
  private final @Nullable String subdivision;

  private Jurisdiction(String country, @Nullable String subdivision) {
    this.country = country;
    this.subdivision = subdivision;
  }

  /**
   * Parses a jurisdiction code such as {@code "US-FL"}.
   *
   * @throws IllegalArgumentException if the code is malformed or names no ISO 3166-1 country
   */
  public static Jurisdiction of(String code) {
    checkNotNull(code, "jurisdiction code");
    Jurisdiction known = KNOWN.get(code);
    if (known != null) {
      return known;
    }
    Jurisdiction parsed = parse(code);
    if (KNOWN.size() < KNOWN_AT_MOST) {
      known = KNOWN.putIfAbsent(code, parsed);
    }
    return known != null ? known : parsed;
  }

  private static Jurisdiction parse(String code) {
    var matcher = FORMAT.matcher(code);
    checkArgument(
        matcher.matches(),
        "malformed jurisdiction code '%s': expected an ISO 3166-1 alpha-2 country code with an"
            + " optional ISO 3166-2 subdivision, such as GB, DE, US-FL or CA-ON",
        code);
    String country = matcher.group(1);
    if (!COUNTRIES.contains(country)) {
      String suggestion = LOOKALIKES.get(country);
      throw new IllegalArgumentException(
          String.format(
              "unknown jurisdiction code '%s': '%s' is not an ISO 3166-1 alpha-2 country code%s",
              code,
              country,
              suggestion == null ? "" : "; did you mean " + suggestion + "?"));
    }
    return new Jurisdiction(matcher.group(1), matcher.group(2));
  }

  /** The ISO 3166-1 alpha-2 country code, such as {@code US}. */
  public String country() {
    return country;
  }

  /** The subdivision part of the code, such as {@code FL} for {@code US-FL}, if any. */
  public Optional<String> subdivision() {
    return Optional.ofNullable(subdivision);
  }

  /** The full code, such as {@code US-FL}. */
  public String code() {
    return subdivision == null ? country : country + "-" + subdivision;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return this == other
        || other instanceof Jurisdiction
        && ((Jurisdiction) other).country.equals(country)
        && Objects.equals(((Jurisdiction) other).subdivision, subdivision);
  }

  @Override
  public int hashCode() {
    // Objects.hash(country, subdivision), without its array.
    return 31 * (31 + country.hashCode()) + Objects.hashCode(subdivision);
  }

  /** The code, such as {@code US-FL}. */
  @Override
  public String toString() {
    return code();
  }
}
