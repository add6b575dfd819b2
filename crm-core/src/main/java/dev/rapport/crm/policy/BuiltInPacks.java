package dev.rapport.crm.policy;

import com.google.common.collect.ImmutableList;
import java.security.CodeSource;
import java.util.List;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The built-in law, read once from the {@link JurisdictionPack.Library} that crm-core's own
 * {@code dev.rapport.crm.law} package provides: the engine depends on the pack interface, never
 * on the packs' classes. Fails closed: without the built-in law no engine is built, since an
 * engine without it would decide as if no jurisdiction had a law.
 */
final class BuiltInPacks {
  private static volatile @Nullable ImmutableList<JurisdictionPack> packs;

  private BuiltInPacks() {}

  static List<JurisdictionPack> all() {
    ImmutableList<JurisdictionPack> loaded = packs;
    if (loaded == null) {
      loaded = load();
      packs = loaded;
    }
    return loaded;
  }

  private static ImmutableList<JurisdictionPack> load() {
    List<ServiceLoader.Provider<JurisdictionPack.Library>> own =
        ServiceLoader.load(JurisdictionPack.Library.class, JurisdictionPack.class.getClassLoader())
            .stream()
            .filter(provider -> shippedWithCrmCore(provider.type()))
            .collect(ImmutableList.toImmutableList());
    if (own.size() != 1) {
      throw new IllegalStateException(
          "crm-core's built-in law was found "
              + own.size()
              + " times, expected once: the service "
              + JurisdictionPack.Library.class.getName()
              + " of crm-core's module-info.java and META-INF/services must reach the class path"
              + " or module path unchanged (a repackaged jar must merge service files)");
    }
    return ImmutableList.copyOf(own.get(0).get().packs());
  }

  /** Whether {@code type} comes from crm-core itself: its module, or on the class path its jar. */
  private static boolean shippedWithCrmCore(Class<?> type) {
    Module core = JurisdictionPack.class.getModule();
    if (core.isNamed()) {
      return type.getModule() == core;
    }
    CodeSource here = JurisdictionPack.class.getProtectionDomain().getCodeSource();
    CodeSource there = type.getProtectionDomain().getCodeSource();
    return here != null && there != null && here.getLocation().equals(there.getLocation());
  }
}
