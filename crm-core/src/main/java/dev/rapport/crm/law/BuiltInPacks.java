package dev.rapport.crm.law;

import com.google.common.collect.ImmutableList;

/** The packs the engine knows without being told. */
final class BuiltInPacks {
  static final ImmutableList<JurisdictionPack> ALL =
      ImmutableList.of(
          EuropePack.GERMANY,
          EuropePack.EUROPE,
          CanadaPack.INSTANCE,
          UnitedStatesPack.FLORIDA,
          UnitedStatesPack.OKLAHOMA,
          UnitedStatesPack.MARYLAND,
          UnitedStatesPack.FEDERAL);

  private BuiltInPacks() {}
}
