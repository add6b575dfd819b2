package dev.rapport.crm.internal;

import java.util.Locale;

/**
 * Enum constants in running text, the one definition shared by the ledger's refusals and the
 * engine's reasons: {@code GRANTED} reads {@code granted}, {@code PREFERENCE_CENTER} reads
 * {@code preference center}.
 */
public final class Words {
  private Words() {}

  /** The constant's name in lower case, underscores as spaces. */
  public static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
