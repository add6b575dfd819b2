package dev.rapport.crm.internal;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.time.Instant;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What one package of crm-core opens to another without making it part of the public API, in
 * the manner of the JDK's {@code SharedSecrets}: the package that owns the answer registers it
 * once, from its class's static initializer; the package that needs it asks here. The module
 * does not export this package, so no user reaches it. Typed by a class token, so that this
 * package names no type of the packages above it.
 */
public final class Access {
  private static final Door ENGINE = new Door("the engine's");
  private static final Door READINGS = new Door("the ledger's");

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
    ENGINE.register(type, door);
  }

  /** The engine's door, its class initialized first if need be. */
  @SuppressWarnings("unchecked") // checked against the registered class token
  public static <E> Engine<E> engine(Class<E> type) {
    return (Engine<E>) ENGINE.open(type);
  }

  /**
   * What the ledger's package ({@code ledger}) opens to the engine ({@code policy}): a reader's
   * own form of a ledger's standing, made once per ledger state and kept with the ledger.
   *
   * @param <L> the ledger's type
   * @param <S> the standing's type
   */
  public interface Readings<L, S> {
    /**
     * The form {@code derive} makes of the standing of {@code ledger} at {@code at}: where no
     * event lies after {@code at}, made once per ledger state and kept with the ledger; else made
     * anew from the standing at {@code at}. {@code derive} must be a pure function of the
     * standing; one form is kept per ledger.
     */
    <T> T reading(L ledger, Instant at, Class<T> type, Function<? super S, ? extends T> derive);
  }

  /** Registers the ledger's door; called once, by the ledger's class as it is initialized. */
  public static <L> void setReadings(Class<L> type, Readings<L, ?> door) {
    READINGS.register(type, door);
  }

  /**
   * The ledger's door, its class initialized first if need be. {@code S} is the type the ledger's
   * class registered its door with: the engine names the standing's type it reads.
   */
  @SuppressWarnings("unchecked") // the ledger is checked against the registered class token
  public static <L, S> Readings<L, S> readings(Class<L> type) {
    return (Readings<L, S>) READINGS.open(type);
  }

  /** One door: registered once by its owner's class, opened by the class token it was registered with. */
  private static final class Door {
    private final String owner;
    private volatile @Nullable Registration registration;

    Door(String owner) {
      this.owner = owner;
    }

    void register(Class<?> type, Object door) {
      checkState(registration == null, "%s door is already registered", owner);
      registration = new Registration(checkNotNull(type, "type"), checkNotNull(door, "door"));
    }

    /** The registered door, {@code type}'s class initialized first if need be. */
    Object open(Class<?> type) {
      Registration registered = registration;
      if (registered == null) {
        initialize(type);
        registered = registration;
      }
      checkState(registered != null && registered.type() == type, "no door registered for %s", type);
      return registered.door();
    }
  }

  private record Registration(Class<?> type, Object door) {}

  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot initialize " + type, e);
    }
  }
}
