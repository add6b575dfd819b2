package dev.rapport.crm.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Purchased;
import org.junit.jupiter.api.Test;

/**
 * Values that repeat across many events (a legal entity, a staff member, a notice's version) are
 * read as one instance, so that a large journal keeps one copy of each; other values are read
 * as they are.
 */
final class SharedValuesTest {
  private static String purchase(String id, String entity) {
    return "{\"id\":\"" + id + "\",\"type\":\"purchased\",\"at\":\"2026-03-02T10:00:00Z\",\"entity\":\"" + entity + "\"}";
  }

  private static String grant(String id, String staff, String notice) {
    return "{\"id\":\"" + id + "\",\"type\":\"granted\",\"at\":\"2026-03-02T10:00:00Z\","
        + "\"intents\":[\"ONE_TO_ONE\"],\"channels\":[\"EMAIL\"],\"staff\":\"" + staff + "\","
        + "\"evidence\":{\"source\":\"WEB_FORM\",\"actor\":\"CUSTOMER\",\"staff\":\"" + staff
        + "\",\"notice\":\"" + notice + "\"}}";
  }

  @Test
  void anEntityReadTwiceIsOneInstance() {
    Purchased first = RapportJson.read(purchase("e1", "acme-retail"), Purchased.class);
    Purchased second = RapportJson.read(purchase("e2", "acme-retail"), Purchased.class);

    assertThat(second.entity().orElseThrow()).isEqualTo("acme-retail").isSameAs(first.entity().orElseThrow());
    assertThat(second.id()).isNotSameAs(first.id());
  }

  @Test
  void staffAndNoticeReadTwiceAreOneInstanceEach() {
    Granted first = RapportJson.read(grant("g1", "maria", "terms-v7"), Granted.class);
    Granted second = RapportJson.read(grant("g2", "maria", "terms-v7"), Granted.class);

    assertThat(second.staff().orElseThrow()).isSameAs(first.staff().orElseThrow());
    assertThat(second.evidence().staff().orElseThrow()).isSameAs(first.staff().orElseThrow());
    assertThat(second.evidence().notice().orElseThrow())
        .isEqualTo("terms-v7")
        .isSameAs(first.evidence().notice().orElseThrow());
  }

  @Test
  void differentValuesStayDifferentAndLongValuesAreNotKept() {
    String longEntity = "e".repeat(65);
    Purchased a = RapportJson.read(purchase("e1", "acme-retail"), Purchased.class);
    Purchased b = RapportJson.read(purchase("e2", "acme-outlet"), Purchased.class);
    Purchased c = RapportJson.read(purchase("e3", longEntity), Purchased.class);
    Purchased d = RapportJson.read(purchase("e4", longEntity), Purchased.class);

    assertThat(a.entity()).hasValue("acme-retail");
    assertThat(b.entity()).hasValue("acme-outlet");
    assertThat(d.entity().orElseThrow()).isEqualTo(longEntity).isNotSameAs(c.entity().orElseThrow());
  }
}
