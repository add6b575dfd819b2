package dev.rapport.crm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's words for evidence ({@code RULES.md} "Evidence and valid consent"): the reason an
 * invalid grant gives names a failed condition exactly when {@link Evidence#isValidConsent()} is
 * false, over every combination of source, actor, pre-ticked box, notice and capture time.
 */
final class WordingTest {
  @Test
  void invalidityNamesAConditionExactlyWhenTheEvidenceIsNoValidConsent() {
    List<String> disagreements = new ArrayList<>();
    int combinations = 0;
    for (Source source : Source.values()) {
      for (Actor actor : Actor.values()) {
        for (boolean preTicked : new boolean[] {false, true}) {
          for (boolean notice : new boolean[] {false, true}) {
            for (boolean captured : new boolean[] {false, true}) {
              Evidence.Builder builder = Evidence.builder().source(source).actor(actor).preTicked(preTicked);
              if (actor == Actor.STAFF) {
                builder.staff("jane");
              }
              if (notice) {
                builder.notice("prefs-v3");
              }
              if (captured) {
                builder.capturedAt(Instant.parse("2025-01-01T00:00:00Z"));
              }
              Evidence evidence = builder.build();
              combinations++;
              if (Wording.invalidity(evidence).isEmpty() != evidence.isValidConsent()) {
                disagreements.add(evidence + " -> " + Wording.invalidity(evidence));
              }
            }
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(Source.values().length * Actor.values().length * 8);
    assertThat(disagreements).isEmpty();
  }

  @Test
  void staffEnteringAWebFormIsNamedWithTheSourceInWords() {
    Evidence evidence =
        Evidence.builder().source(Source.WEB_FORM).actor(Actor.STAFF).staff("jane").notice("n-1").build();

    assertThat(Wording.invalidity(evidence))
        .hasValue("entered by staff through web form, not recorded from the customer's own words");
  }

  @Test
  void evidenceIsSummedUpByIdsOnly() {
    Evidence evidence =
        Evidence.builder()
            .source(Source.PREFERENCE_CENTER)
            .actor(Actor.STAFF)
            .staff("jane")
            .notice("prefs-v3")
            .putDetails("email", "ada@example.com")
            .build();

    assertThat(Wording.evidence(evidence)).isEqualTo("preference center, staff jane, notice prefs-v3");
  }
}
