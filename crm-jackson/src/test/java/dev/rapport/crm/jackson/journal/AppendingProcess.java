package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.purchase;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate JVM for crash and lock tests, started by {@link JournalCrashTest} with the test
 * classpath.
 *
 * <ul>
 *   <li>{@code append <journal> <threads>}: each thread creates its customer {@code t<n>} and
 *       appends events {@code t<n>-<i>} forever, printing {@code ack t<n> t<n>-<i>} once each
 *       append has returned, until the process is killed.
 *   <li>{@code erase <journal> <threads> <run>}: each thread creates customers {@code
 *       r<run>t<n>c<k>} one after another, appends a grant whose evidence holds the customer's
 *       personal details ({@link JournalErasureTest#personal}) and two purchases, printing {@code
 *       ack <customer> <event>} after each, and erases every second customer, printing {@code
 *       erased <customer>} once the erasure returned; until killed.
 *   <li>{@code open <journal>}: tries to open the journal and prints {@code opened} or {@code
 *       refused <message>}.
 * </ul>
 */
final class AppendingProcess {
  private AppendingProcess() {}

  @SuppressWarnings("try") // the store is held open for its effect on the journal, not used by name
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Path journal = Path.of(args[1]);
    if (args[0].equals("open")) {
      try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
        out.println("opened");
      } catch (JournalInUseException e) {
        out.println("refused " + e.getMessage());
      }
      out.flush();
      return;
    }
    int threads = Integer.parseInt(args[2]);
    JournalLedgerStore store = JournalLedgerStore.open(journal);
    if (args[0].equals("erase")) {
      eraseForever(store, threads, args[3], out);
      return;
    }
    out.println("ready");
    out.flush();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String id = "t" + t;
      Thread writer =
          new Thread(
              () -> {
                store.create(customer(id));
                for (int i = 0; ; i++) {
                  String event = id + "-" + i;
                  store.append(id, i, List.of(purchase(event)));
                  synchronized (out) {
                    out.println("ack " + id + " " + event);
                    out.flush();
                  }
                }
              });
      writer.start();
      writers.add(writer);
    }
    for (Thread writer : writers) {
      writer.join();
    }
  }

  private static void eraseForever(JournalLedgerStore store, int threads, String run, PrintStream out)
      throws InterruptedException {
    out.println("ready");
    out.flush();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String prefix = "r" + run + "t" + t + "c";
      Thread writer =
          new Thread(
              () -> {
                for (int k = 0; ; k++) {
                  String id = prefix + k;
                  store.create(customer(id));
                  List<String> events = List.of(id + "-g", id + "-p1", id + "-p2");
                  store.append(id, 0, List.of(JournalErasureTest.grantOf(id, events.get(0))));
                  ack(out, "ack " + id + " " + events.get(0));
                  for (int i = 1; i < events.size(); i++) {
                    store.append(id, i, List.of(purchase(events.get(i))));
                    ack(out, "ack " + id + " " + events.get(i));
                  }
                  if (k % 2 == 0) {
                    store.append(id, events.size(), List.of(JournalErasureTest.erasureOf(id, id + "-x")));
                    ack(out, "erased " + id);
                  }
                }
              });
      writer.start();
      writers.add(writer);
    }
    for (Thread writer : writers) {
      writer.join();
    }
  }

  private static void ack(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
