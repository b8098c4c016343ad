package io.devices.core.device.query;

import io.devices.core.device.SqlStatement;
import java.time.Instant;
import java.util.List;

/**
 * Which devices a selection looks at, beside its query: the live ones (every action but two), the
 * deleted ones ({@code queryDeleted=true}, restore), or those that were live at a moment (an
 * export's snapshot: created by then and not deleted by then). {@link QuerySql} writes it on the
 * device rows and on the index rows, which carry their device's {@code deleted_at}.
 */
public final class Presence {
  private static final Presence LIVE = new Presence(Kind.LIVE, 0);
  private static final Presence DELETED = new Presence(Kind.DELETED, 0);

  private enum Kind {
    LIVE,
    DELETED,
    LIVE_AT
  }

  private final Kind kind;
  private final long at;

  private Presence(Kind kind, long at) {
    this.kind = kind;
    this.at = at;
  }

  public static Presence live() {
    return LIVE;
  }

  public static Presence deleted() {
    return DELETED;
  }

  /** The devices that existed at {@code moment}: created by then, not deleted by then. */
  public static Presence liveAt(Instant moment) {
    return new Presence(Kind.LIVE_AT, moment.toEpochMilli());
  }

  public boolean isDeleted() {
    return kind == Kind.DELETED;
  }

  /** The condition on the device row {@code alias}. */
  SqlStatement onDevice(String alias) {
    String deletedAt = alias + ".deleted_at";
    return switch (kind) {
      case LIVE -> new SqlStatement(deletedAt + " IS NULL", List.of());
      case DELETED -> new SqlStatement(deletedAt + " IS NOT NULL", List.of());
      case LIVE_AT ->
          new SqlStatement(
              alias + ".created_at <= ? AND (" + deletedAt + " IS NULL OR " + deletedAt + " > ?)",
              List.of(at, at));
    };
  }

  /**
   * The conditions on an index row {@code alias}, each to be read as its own select and the results
   * united: each is a range of the index after the application ({@code IS NULL}, or {@code > ?}),
   * where an {@code OR} of them would be none. Index rows hold no creation time: the device row's
   * condition drops devices created after the moment.
   */
  List<SqlStatement> onIndexRow(String alias) {
    String deletedAt = alias + ".deleted_at";
    SqlStatement live = new SqlStatement(deletedAt + " IS NULL", List.of());
    return switch (kind) {
      case LIVE -> List.of(live);
      case DELETED -> List.of(new SqlStatement(deletedAt + " IS NOT NULL", List.of()));
      case LIVE_AT -> List.of(live, new SqlStatement(deletedAt + " > ?", List.of(at)));
    };
  }

  @Override
  public String toString() {
    return kind == Kind.LIVE_AT ? "live at " + Instant.ofEpochMilli(at) : kind.name();
  }
}
