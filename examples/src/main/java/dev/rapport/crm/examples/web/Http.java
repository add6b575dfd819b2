package dev.rapport.crm.examples.web;

import com.google.common.html.HtmlEscapers;
import com.sun.net.httpserver.HttpExchange;
import dev.rapport.crm.examples.links.BadLinkException;
import dev.rapport.crm.examples.preferences.PreferenceCenter;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.RejectedEventException;
import dev.rapport.crm.store.VersionConflictException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers over the JDK's HTTP exchange: forms, cookies, pages. */
final class Http {
  static final int MAX_BODY = 16 * 1024;
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern PART_NAME = Pattern.compile("(?i)content-disposition:[^\\r\\n]*\\bname=\"([^\"]*)\"");

  private Http() {}

  /** The query parameters of the request. */
  static Map<String, String> query(HttpExchange exchange) throws HttpProblem {
    String raw = exchange.getRequestURI().getRawQuery();
    return raw == null ? Map.of() : urlEncoded(raw);
  }

  /**
   * The form fields of a POST: {@code application/x-www-form-urlencoded} or {@code
   * multipart/form-data} (both allowed by RFC 8058 section 3.1), at most {@value #MAX_BODY} bytes.
   */
  static Map<String, String> form(HttpExchange exchange) throws HttpProblem, IOException {
    String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    byte[] body = body(exchange);
    String text = new String(body, StandardCharsets.UTF_8);
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.startsWith("application/x-www-form-urlencoded")) {
      return urlEncoded(text.strip());
    }
    if (lower.startsWith("multipart/form-data")) {
      Matcher boundary = BOUNDARY.matcher(type);
      if (!boundary.find()) {
        throw new HttpProblem(400, "a multipart/form-data body needs a boundary");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (String part : text.split("--" + Pattern.quote(boundary.group(1)))) {
        int blank = part.indexOf("\r\n\r\n");
        Matcher name = PART_NAME.matcher(part);
        if (blank > 0 && name.find() && name.start() < blank) {
          String value = part.substring(blank + 4);
          fields.put(name.group(1), value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
        }
      }
      return fields;
    }
    throw new HttpProblem(415, "send the form as application/x-www-form-urlencoded or multipart/form-data, not '" + type + "'");
  }

  private static byte[] body(HttpExchange exchange) throws HttpProblem, IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new HttpProblem(413, "the form is larger than " + MAX_BODY + " bytes");
      }
      return bytes;
    }
  }

  private static Map<String, String> urlEncoded(String raw) throws HttpProblem {
    Map<String, String> fields = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return fields;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (fields.put(name, value) != null) {
          throw new HttpProblem(400, "the field '" + name + "' is given twice");
        }
      } catch (IllegalArgumentException e) {
        throw new HttpProblem(400, "a field is not URL-encoded: " + e.getMessage());
      }
    }
    return fields;
  }

  /** The value of the cookie {@code name}, if the request carries it. */
  static Optional<String> cookie(HttpExchange exchange, String name) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
          return Optional.of(pair.substring(eq + 1).trim());
        }
      }
    }
    return Optional.empty();
  }

  /** What an endpoint does for one method. */
  @FunctionalInterface
  interface Action {
    void run(HttpExchange exchange) throws IOException, HttpProblem, BadLinkException;
  }

  /**
   * Runs {@code get} for GET, {@code post} for POST; answers a refused request with
   * its status and a page that says why, and any other method with 405.
   */
  static void dispatch(HttpExchange exchange, Action get, Action post) throws IOException {
    try (exchange) {
      try {
        switch (exchange.getRequestMethod()) {
          case "GET":
            get.run(exchange);
            break;
          case "POST":
            post.run(exchange);
            break;
          default:
            exchange.getResponseHeaders().set("Allow", "GET, POST");
            throw new HttpProblem(405, "this page answers GET and POST only");
        }
      } catch (BadLinkException e) {
        problem(exchange, e.problem().status(), e.getMessage());
      } catch (HttpProblem e) {
        problem(exchange, e.status(), e.getMessage());
      }
    }
  }

  /**
   * Records what {@code change} builds through the preference center, turning its failures into
   * answers: an unknown customer is 404, a refused event 409, a race lost every time 503.
   */
  static Ledger record(PreferenceCenter center, String customerId, Function<Ledger, List<? extends LedgerEvent>> change)
      throws HttpProblem {
    try {
      return center.record(customerId, change);
    } catch (NoSuchElementException e) {
      throw new HttpProblem(404, "we have no customer " + customerId + " on file");
    } catch (RejectedEventException e) {
      throw new HttpProblem(409, "this change cannot be recorded: " + e.getMessage());
    } catch (VersionConflictException e) {
      throw new HttpProblem(503, "your record kept changing while we saved; please try again");
    }
  }

  static String escape(String text) {
    return HtmlEscapers.htmlEscaper().escape(text);
  }

  /** A whole page: no script, no external asset, readable without CSS. */
  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + escape(title) + "</title><style>"
        + "body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d2733}"
        + "fieldset{border:1px solid #c9d1da;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}"
        + "legend{font-weight:600}label{margin-left:.4rem}.choice{margin:.35rem 0}"
        + "button{font-size:1rem;padding:.5rem 1.2rem;border-radius:6px;border:1px solid #2b5797;background:#2b5797;color:#fff}"
        + ".note{background:#eef6ee;border-left:4px solid #2e7d32;padding:.5rem 1rem}"
        + ".onfile li{margin:.2rem 0}small{color:#56606b}"
        + "</style></head><body>\n" + body + "\n</body></html>\n";
  }

  /** Answers {@code status} with the HTML {@code html}. */
  static void send(HttpExchange exchange, int status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Answers a refused request: its status and a page that says why. */
  static void problem(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, page("Sorry", "<h1>We could not do that</h1><p>" + escape(message) + "</p>"));
  }
}
