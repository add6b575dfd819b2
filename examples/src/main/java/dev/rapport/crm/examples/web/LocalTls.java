package dev.rapport.crm.examples.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway TLS identity for {@code 127.0.0.1}: a self-signed EC certificate made by the JDK's
 * own {@code keytool} into a temporary key store (deleted at once), valid for two days, with
 * {@code 127.0.0.1} and {@code localhost} as subject alternative names. It lets the local run
 * serve its links over HTTPS, as RFC 8058 asks; a client trusts it explicitly ({@link
 * #clientContext()}, or a browser given {@link #spkiSha256()}), never by turning checks off.
 */
public final class LocalTls {
  private static final String ALIAS = "rapport-local";

  private final SSLContext serverContext;
  private final SSLContext clientContext;
  private final X509Certificate certificate;

  private LocalTls(SSLContext serverContext, SSLContext clientContext, X509Certificate certificate) {
    this.serverContext = serverContext;
    this.clientContext = clientContext;
    this.certificate = certificate;
  }

  /** Makes a fresh key pair and certificate. */
  public static LocalTls create() throws IOException {
    char[] password = new char[24];
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('a' + random.nextInt(26));
    }
    Path dir = Files.createTempDirectory("rapport-tls-");
    Path store = dir.resolve("local.p12");
    try {
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process process =
          new ProcessBuilder(
                  List.of(
                      keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                      "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-validity", "2",
                      "-storetype", "PKCS12", "-keystore", store.toString(),
                      "-storepass", new String(password), "-keypass", new String(password)))
              .redirectErrorStream(true)
              .start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool could not make a certificate for 127.0.0.1: " + output.strip());
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, password);
      }
      X509Certificate certificate = (X509Certificate) keys.getCertificate(ALIAS);
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      SSLContext server = SSLContext.getInstance("TLS");
      server.init(keyManagers.getKeyManagers(), null, random);
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry(ALIAS, certificate);
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trusted);
      SSLContext client = SSLContext.getInstance("TLS");
      client.init(null, trustManagers.getTrustManagers(), random);
      return new LocalTls(server, client, certificate);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load the local certificate: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making the local certificate", e);
    } finally {
      Files.deleteIfExists(store);
      Files.deleteIfExists(dir);
    }
  }

  /** What the server presents. */
  SSLContext serverContext() {
    return serverContext;
  }

  /** A client context that trusts this certificate and no other. */
  public SSLContext clientContext() {
    return clientContext;
  }

  /**
   * The base64 SHA-256 of the certificate's public key, as Chromium's {@code
   * --ignore-certificate-errors-spki-list} takes it to trust this one key.
   */
  public String spkiSha256() {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The certificate's SHA-256 fingerprint, hex with colons, as browsers show it. */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(hex.length() == 0 ? "" : ":").append(String.format("%02X", b));
      }
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the local certificate", e);
    }
  }
}
