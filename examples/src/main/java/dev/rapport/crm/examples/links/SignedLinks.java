package dev.rapport.crm.examples.links;

import static com.google.common.base.Preconditions.checkArgument;

import java.net.URI;

/**
 * The URLs of a sender's web endpoints, with signed tokens: {@code BASE/unsubscribe?t=TOKEN}
 * and {@code BASE/preferences?t=TOKEN}.
 *
 * <p>RFC 8058 asks for an HTTPS URI: the base must be {@code https://}.
 */
public final class SignedLinks {
  /** Where the one-click unsubscribe endpoint listens. */
  public static final String UNSUBSCRIBE_PATH = "/unsubscribe";
  /** Where the preference page listens. */
  public static final String PREFERENCES_PATH = "/preferences";

  private final String base;
  private final LinkSigner signer;

  /** Links under {@code base} (such as {@code https://mail.example.com}) signed by {@code signer}. */
  public SignedLinks(String base, LinkSigner signer) {
    URI uri = URI.create(base);
    checkArgument("https".equals(uri.getScheme()), "RFC 8058 needs an HTTPS unsubscribe URI, got %s", base);
    checkArgument(uri.getRawPath() == null || uri.getRawPath().isEmpty(), "the base is scheme and host only, got %s", base);
    this.base = base;
    this.signer = signer;
  }

  /** The signer of the tokens. */
  public LinkSigner signer() {
    return signer;
  }

  /** The base URL, such as {@code https://mail.example.com}. */
  public String base() {
    return base;
  }

  /** The URL for {@code token}: the unsubscribe endpoint or the preference page, by its use. */
  public String url(LinkToken token) {
    String path = token.use() == LinkUse.UNSUBSCRIBE ? UNSUBSCRIBE_PATH : PREFERENCES_PATH;
    return base + path + "?t=" + signer.sign(token);
  }
}
