package io.devices.core.device;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Runs a statement ending in {@code IN (...)} over a long list of ids, in parts of at most {@value
 * #PART} bound values (the parameter limits of the drivers are far above, the plans are good).
 */
final class InLists {
  static final int PART = 500;

  /** Binds the first parameters of each statement before the part's ids. */
  interface Prefix {
    int bind(PreparedStatement statement) throws SQLException;
  }

  private InLists() {}

  /** The rows changed, summed over the parts. */
  static int update(Connection db, String sqlBeforeIn, Prefix prefix, List<String> ids)
      throws SQLException {
    int changed = 0;
    for (int from = 0; from < ids.size(); from += PART) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + PART));
      try (PreparedStatement statement = db.prepareStatement(sqlBeforeIn + marks(part.size()))) {
        int next = prefix.bind(statement) + 1;
        for (String id : part) {
          statement.setString(next++, id);
        }
        changed += statement.executeUpdate();
      }
    }
    return changed;
  }

  static String marks(int count) {
    return String.join(", ", Collections.nCopies(count, "?")) + ")";
  }
}
