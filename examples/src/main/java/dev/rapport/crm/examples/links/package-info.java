/**
 * Signed links: the tokens in an email's unsubscribe and preference links, HMAC-SHA256 over the
 * customer, the scope (purpose, channel, entity) and the issue time, so that no login is needed
 * and nobody can forge, widen or reuse a link past its expiry.
 */
package dev.rapport.crm.examples.links;
