package dev.rapport.crm.internal;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import org.jspecify.annotations.Nullable;

/**
 * What one package of crm-core opens to another without making it part of the public API, in
 * the manner of the JDK's {@code SharedSecrets}: the package that owns the answer registers it
 * once, from its class's static initializer; the package that needs it asks here. The module
 * does not export this package, so no user reaches it. Typed by a class token, so that this
 * package names no type of the packages above it.
 */
public final class Access {
  private static volatile @Nullable Registered<?> engine;

  private Access() {}

  /**
   * What the engine's package ({@code policy}) opens to the campaign gate ({@code campaign}).
   *
   * @param <E> the engine's type
   */
  public interface Engine<E> {
    /**
     * Whether a team added rules or jurisdiction packs to {@code engine}: a campaign's compiled
     * form decides only with the built-in ones.
     */
    boolean hasTeamRulesOrPacks(E engine);
  }

  /** Registers the engine's door; called once, by the engine's class as it is initialized. */
  public static <E> void setEngine(Class<E> type, Engine<E> door) {
    checkState(engine == null, "the engine's door is already registered");
    engine = new Registered<>(checkNotNull(type, "type"), checkNotNull(door, "door"));
  }

  /** The engine's door, its class initialized first if need be. */
  @SuppressWarnings("unchecked") // checked against the registered class token
  public static <E> Engine<E> engine(Class<E> type) {
    Registered<?> registered = engine;
    if (registered == null) {
      initialize(type);
      registered = engine;
    }
    checkState(registered != null && registered.type == type, "no door registered for %s", type);
    return (Engine<E>) registered.door;
  }

  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot initialize " + type, e);
    }
  }

  private static final class Registered<E> {
    final Class<E> type;
    final Engine<E> door;

    Registered(Class<E> type, Engine<E> door) {
      this.type = type;
      this.door = door;
    }
  }
}
