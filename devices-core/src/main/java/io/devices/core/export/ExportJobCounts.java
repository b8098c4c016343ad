package io.devices.core.export;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;

/** How many export jobs are in each state, on every server (for monitoring). */
@ApplicationScoped
public class ExportJobCounts {
  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  /** Every state, with zero for those no job is in; one grouped query over the state index. */
  public Map<JobState, Long> byState() throws SQLException {
    Map<JobState, Long> counts = new EnumMap<>(JobState.class);
    for (JobState state : JobState.values()) {
      counts.put(state, 0L);
    }
    try (Connection db = dataSource.getConnection();
        PreparedStatement select =
            db.prepareStatement("SELECT state, COUNT(*) FROM export_job GROUP BY state");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        counts.put(JobState.valueOf(rows.getString(1)), rows.getLong(2));
      }
    }
    return counts;
  }
}
