package dev.rapport.crm.jackson.journal;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The journal on disk: exclusive ownership (an in-JVM guard plus an OS lock on a sidecar
 * {@code <name>.lock} file), reading it line by line, appending and forcing, and cutting a torn
 * tail. Not thread-safe: the store serializes access.
 *
 * <p>The OS lock sits on a sidecar file rather than on the journal because POSIX drops a
 * process's lock when <em>any</em> descriptor of the file is closed; nobody has a reason to open
 * the lock file, while a user or a test may well read the journal.
 *
 * <p>Writes go through a {@link RandomAccessFile}, not a {@link FileChannel}: an interrupted
 * thread writing to a {@code FileChannel} closes it for every thread ({@link
 * java.nio.channels.ClosedByInterruptException}), and a writer must not break the store because
 * somebody cancelled its task. {@link java.io.FileDescriptor#sync()} is the force.
 */
final class JournalFile implements Closeable {
  /** Journals open in this JVM, by real path: the OS lock cannot tell two opens apart in-process. */
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  private final Path path;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final RandomAccessFile file;

  private JournalFile(Path path, FileChannel lockChannel, FileLock lock, RandomAccessFile file) {
    this.path = path;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.file = file;
  }

  /** Opens (creating if absent) and locks the journal at {@code file}. */
  static JournalFile open(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IOException("journal directory " + parent + " does not exist");
    }
    Path real = parent.toRealPath().resolve(absolute.getFileName());
    if (!OPEN.add(real)) {
      throw new JournalInUseException(real, "it is already open in this JVM");
    }
    FileChannel lockChannel = null;
    RandomAccessFile journal = null;
    try {
      Path lockFile = real.resolveSibling(real.getFileName() + ".lock");
      lockChannel = FileChannel.open(lockFile, CREATE, WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new JournalInUseException(real, "another process holds " + lockFile);
      }
      boolean existed = Files.exists(real);
      journal = new RandomAccessFile(real.toFile(), "rw");
      if (!existed) {
        journal.getFD().sync();
        forceDirectory(parent);
      }
      return new JournalFile(real, lockChannel, lock, journal);
    } catch (IOException | RuntimeException e) {
      closeQuietly(journal, e);
      closeQuietly(lockChannel, e);
      OPEN.remove(real);
      throw e;
    }
  }

  /** The journal's real path. */
  Path path() {
    return path;
  }

  /** The journal's size in bytes. */
  long size() throws IOException {
    return file.length();
  }

  /** Receives the journal's lines in order. */
  interface LineVisitor {
    /**
     * One line: {@code length} bytes of {@code bytes} without the newline, starting at byte
     * {@code offset} of the file; {@code terminated} is false only for a trailing fragment with
     * no newline, which is always the last call.
     */
    void line(int number, long offset, byte[] bytes, int length, boolean terminated)
        throws IOException;
  }

  /** Reads every line from the start. */
  void readLines(LineVisitor visitor) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      readLines(in, visitor);
    }
  }

  private static void readLines(InputStream in, LineVisitor visitor) throws IOException {
    byte[] line = new byte[1024];
    int length = 0;
    int number = 1;
    long offset = 0;
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        visitor.line(number++, offset, line, length, true);
        offset += length + 1;
        length = 0;
      } else {
        if (length == line.length) {
          line = Arrays.copyOf(line, length * 2);
        }
        line[length++] = (byte) b;
      }
    }
    if (length > 0) {
      visitor.line(number, offset, line, length, false);
    }
  }

  /** Cuts the journal to {@code size} bytes and forces the cut to disk. */
  void truncate(long size) throws IOException {
    file.setLength(size);
    file.getFD().sync();
  }

  /** Writes {@code bytes} at the end of the journal and forces them to disk. */
  void appendAndForce(byte[] bytes) throws IOException {
    file.seek(file.length());
    file.write(bytes);
    file.getFD().sync();
  }

  @Override
  public void close() throws IOException {
    try (lockChannel; file) {
      lock.release();
    } finally {
      OPEN.remove(path);
    }
  }

  private static void forceDirectory(Path directory) {
    // Makes the new file's directory entry durable. Not every platform can open a directory.
    try (FileChannel dir = FileChannel.open(directory, READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort
    }
  }

  private static void closeQuietly(Closeable closeable, Exception primary) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (IOException e) {
        primary.addSuppressed(e);
      }
    }
  }
}
