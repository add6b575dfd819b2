package dev.rapport.crm.store;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Strings by Unicode code point, the order of UTF-8 bytes (PostgreSQL's {@code "C"} collation
 * on a UTF-8 database). {@link String#compareTo} compares UTF-16 units instead, which puts
 * characters from U+E000 to U+FFFF after those beyond U+FFFF.
 */
final class CodePointOrder implements Comparator<String>, Serializable {
  private static final long serialVersionUID = 1L;

  static final CodePointOrder INSTANCE = new CodePointOrder();

  private CodePointOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "CodePointOrder";
  }
}
