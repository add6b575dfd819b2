package dev.rapport.crm.jackson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import tools.jackson.core.Version;
import tools.jackson.core.util.VersionUtil;

/**
 * The version of this artifact, as the build wrote it into {@code version.properties} (a
 * filtered resource of crm-jackson's pom), in the manner of the {@code PackageVersion} classes of
 * Jackson's own modules.
 */
final class PackageVersion {
  static final Version VERSION = read();

  private PackageVersion() {}

  private static Version read() {
    Properties properties = new Properties();
    try (InputStream in = PackageVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from crm-jackson's jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return VersionUtil.parseVersion(
        properties.getProperty("version"),
        properties.getProperty("groupId"),
        properties.getProperty("artifactId"));
  }
}
