package dev.rapport.crm.examples.serve;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a received message's raw text, as a mail provider would: headers, unfolded, and links. */
final class Mail {
  private static final Pattern ANGLE = Pattern.compile("<([^>]+)>");
  private final String text;

  Mail(byte[] raw) {
    this.text = new String(raw, StandardCharsets.ISO_8859_1);
  }

  String text() {
    return text;
  }

  /** The last header field named {@code name}, unfolded, without its name. */
  Optional<String> header(String name) {
    String head = text.substring(0, text.indexOf("\r\n\r\n"));
    String unfolded = head.replaceAll("\r\n[ \t]+", " ");
    Optional<String> found = Optional.empty();
    for (String line : unfolded.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        found = Optional.of(line.substring(colon + 1).trim());
      }
    }
    return found;
  }

  /** The URIs of {@code List-Unsubscribe}, in order. */
  List<String> listUnsubscribe() {
    List<String> uris = new ArrayList<>();
    Matcher matcher = ANGLE.matcher(header("List-Unsubscribe").orElse(""));
    while (matcher.find()) {
      uris.add(matcher.group(1));
    }
    return uris;
  }

  /** The body, with quoted-printable soft breaks and =3D undone. */
  String body() {
    String body = text.substring(text.indexOf("\r\n\r\n") + 4);
    return body.replace("=\r\n", "").replace("=3D", "=");
  }
}
