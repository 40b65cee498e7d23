package dev.outbound.runtime.binding.durable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/** Opens the SQLite files of this package, all with the same durability settings. */
final class SqliteFiles {

  private SqliteFiles() {}

  /**
   * Opens (creating if needed) {@code file} in WAL mode with {@code synchronous=FULL}, so that a
   * write is on disk once its statement or transaction returns.
   */
  static Connection open(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    try {
      return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    }
  }
}
