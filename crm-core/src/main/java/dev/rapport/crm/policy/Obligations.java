package dev.rapport.crm.policy;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.relationship.Profiling;
import org.jspecify.annotations.Nullable;

/**
 * The obligations of an allowed outreach ({@code RULES.md} 5), made once for every combination:
 * a set of codes without detail, in the order of {@link ObligationCode}, then {@code
 * LIMIT_PERSONALIZATION} with the allowed profiling level where personalization must be limited.
 * An {@code ALLOW} then carries a shared list instead of building its own.
 */
final class Obligations {
  private static final ObligationCode[] CODES = ObligationCode.values();
  private static final Profiling[] LEVELS = Profiling.values();
  /** Per set of codes (bits by ordinal) and limit (0 none, else the level's ordinal + 1). */
  private static final ImmutableList<Obligation>[] LISTS = lists();

  private Obligations() {}

  /** The bit of {@code code} in a set of codes. */
  static int bit(ObligationCode code) {
    return 1 << code.ordinal();
  }

  /**
   * The obligations {@code codes} (bits of codes without detail), then {@code
   * LIMIT_PERSONALIZATION} to {@code limit} if it is not null.
   */
  static ImmutableList<Obligation> of(int codes, @Nullable Profiling limit) {
    return LISTS[codes * (LEVELS.length + 1) + (limit == null ? 0 : limit.ordinal() + 1)];
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // an array of generic lists is created raw
  private static ImmutableList<Obligation>[] lists() {
    int sets = 1 << CODES.length;
    ImmutableList<Obligation>[] lists = new ImmutableList[sets * (LEVELS.length + 1)];
    for (int codes = 0; codes < sets; codes++) {
      for (int limit = 0; limit <= LEVELS.length; limit++) {
        ImmutableList.Builder<Obligation> obligations = ImmutableList.builder();
        for (ObligationCode code : CODES) {
          if ((codes & bit(code)) != 0) {
            obligations.add(Obligation.of(code));
          }
        }
        if (limit > 0) {
          obligations.add(Obligation.of(ObligationCode.LIMIT_PERSONALIZATION, LEVELS[limit - 1].name()));
        }
        lists[codes * (LEVELS.length + 1) + limit] = obligations.build();
      }
    }
    return lists;
  }
}
