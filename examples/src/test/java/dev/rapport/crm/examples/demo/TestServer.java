package dev.rapport.crm.examples.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The JDBC URL of the PostgreSQL server for the demo's tests, user and password in its query:
 * the local server of {@code .ci/postgres start} unless the system properties {@code
 * rapport.pg.url}, {@code rapport.pg.user} and {@code rapport.pg.password} (else the environment
 * variables {@code RAPPORT_PG_URL}, {@code RAPPORT_PG_USER}, {@code RAPPORT_PG_PASSWORD}) name
 * another. Without a server those tests fail with the store's message; they are never skipped.
 */
public final class TestServer {
  private TestServer() {}

  /** The URL with the user and password. */
  public static String jdbcUrl() {
    String url = setting("rapport.pg.url", "RAPPORT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/rapport_test");
    return url
        + (url.contains("?") ? "&" : "?")
        + "user="
        + encode(setting("rapport.pg.user", "RAPPORT_PG_USER", "rapport"))
        + "&password="
        + encode(setting("rapport.pg.password", "RAPPORT_PG_PASSWORD", "rapport"));
  }

  /** What to do when no server answers. */
  public static String howToStartOne() {
    return "these tests need a PostgreSQL server: start the local one with `sudo bash .ci/postgres"
        + " start`, or name another with RAPPORT_PG_URL, RAPPORT_PG_USER and RAPPORT_PG_PASSWORD";
  }

  private static String setting(String property, String variable, String fallback) {
    String value = System.getProperty(property, "");
    if (value.isEmpty()) {
      value = System.getenv().getOrDefault(variable, "");
    }
    return value.isEmpty() ? fallback : value;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
