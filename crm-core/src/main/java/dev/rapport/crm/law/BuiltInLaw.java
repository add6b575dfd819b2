package dev.rapport.crm.law;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.policy.JurisdictionPack;
import java.util.List;

/**
 * The packs every engine knows without being told, handed to the engine as a service of
 * crm-core's own module ({@code provides} in {@code module-info.java}, {@code
 * META-INF/services} on the class path), so that {@code policy} needs none of this package's
 * classes. Not API: the engine reads them through {@link JurisdictionPack#builtIn()}.
 */
public final class BuiltInLaw implements JurisdictionPack.Library {
  private static final ImmutableList<JurisdictionPack> ALL =
      ImmutableList.of(
          EuropePack.GERMANY,
          EuropePack.EUROPE,
          CanadaPack.INSTANCE,
          UnitedStatesPack.FLORIDA,
          UnitedStatesPack.OKLAHOMA,
          UnitedStatesPack.MARYLAND,
          UnitedStatesPack.FEDERAL);

  /** The service loader's constructor. */
  public BuiltInLaw() {}

  @Override
  public List<JurisdictionPack> packs() {
    return ALL;
  }
}
