package io.devices.core.common;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with the versioned migrations in {@code db/migration} when
 * the application starts, before it serves a request. EclipseLink never generates DDL. {@link
 * #configure} is the one Flyway configuration: the tests that migrate a database use it too.
 */
@ApplicationScoped
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  void migrate(@Observes Startup startup) {
    MigrateResult result = configure(dataSource).load().migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  /** The migrations of this schema, SQL and Java, against {@code dataSource}. */
  public static FluentConfiguration configure(DataSource dataSource) {
    return Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(dataSource)
        // On Liberty, Flyway finds a classpath location through its flyway.location marker.
        .locations("classpath:db/migration")
        // Listed, not scanned: Flyway cannot list the classes of a package on Liberty.
        .javaMigrations(new V5__BackfillSearchIndexes());
  }
}
