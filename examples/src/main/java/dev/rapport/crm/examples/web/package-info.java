/**
 * The sender's web endpoints, on the JDK's HTTP server: the RFC 8058 one-click unsubscribe
 * endpoint and the customer's preference page, both opened by signed links (no login), both
 * writing to the ledger through the {@link dev.rapport.crm.store.LedgerStore} SPI with evidence.
 */
package dev.rapport.crm.examples.web;
