package dev.rapport.crm.examples.web;

/** A request the server refuses, with the status to answer and a message for the visitor. */
final class HttpProblem extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  HttpProblem(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
