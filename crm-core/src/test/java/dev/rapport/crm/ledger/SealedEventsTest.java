package dev.rapport.crm.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event types of {@code RULES.md} "The ledger" are a closed set, and the compiler holds it
 * closed: {@link LedgerEvent} is sealed down to the generated implementations, so an event of a
 * type Rapport does not know cannot be written, let alone appended (the ledger no longer needs
 * to refuse one at run time).
 */
final class SealedEventsTest {
  @Test
  void everyEventTypeHasExactlyOneFinalImplementationAndThereIsNoOther() {
    List<Class<?>> leaves = new ArrayList<>();
    collectLeaves(LedgerEvent.class, leaves);

    Map<EventType, Class<?>> byType = new EnumMap<>(EventType.class);
    for (Class<?> leaf : leaves) {
      assertThat(Modifier.isFinal(leaf.getModifiers())).as("%s is final", leaf).isTrue();
      EventType type = typeOf(leaf);
      assertThat(byType.put(type, leaf)).as("a second implementation of %s: %s", type, leaf).isNull();
    }
    assertThat(byType.keySet()).containsExactly(EventType.values());
  }

  @Test
  void theRelationshipEventsArePurchasedAndInquiredOnly() {
    assertThat(RelationshipEvent.class.isSealed()).isTrue();
    assertThat(RelationshipEvent.class.getPermittedSubclasses())
        .containsExactlyInAnyOrder(Purchased.class, Inquired.class);
  }

  /** Walks the sealed hierarchy; every type on the way must be sealed or final. */
  private static void collectLeaves(Class<?> type, List<Class<?>> leaves) {
    if (Modifier.isFinal(type.getModifiers())) {
      leaves.add(type);
      return;
    }
    assertThat(type.isSealed()).as("%s is sealed", type).isTrue();
    for (Class<?> permitted : type.getPermittedSubclasses()) {
      collectLeaves(permitted, leaves);
    }
  }

  /** The event type an implementation is of: the abstract event type it extends. */
  private static EventType typeOf(Class<?> leaf) {
    EventType type = TYPES.get(leaf.getSuperclass());
    assertThat(type).as("%s extends %s, which is no event type", leaf, leaf.getSuperclass()).isNotNull();
    return type;
  }

  private static final Map<Class<?>, EventType> TYPES =
      Map.of(
          Granted.class, EventType.GRANTED,
          Withdrawn.class, EventType.WITHDRAWN,
          Objected.class, EventType.OBJECTED,
          Confirmed.class, EventType.CONFIRMED,
          PreferencesChanged.class, EventType.PREFERENCES,
          Purchased.class, EventType.PURCHASED,
          Inquired.class, EventType.INQUIRED,
          Registered.class, EventType.REGISTERED,
          Erased.class, EventType.ERASED);
}
