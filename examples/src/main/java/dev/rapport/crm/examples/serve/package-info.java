/**
 * The whole sending pipeline on one machine: an embedded SMTP server, the web endpoints, a
 * ledger store, the consent-checked mailer with DKIM, and a small campaign to try it with. The
 * jar's {@code serve} command runs it; the tests use it as their fixture.
 */
package dev.rapport.crm.examples.serve;
