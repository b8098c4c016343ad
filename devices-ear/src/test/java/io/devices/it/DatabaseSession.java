package io.devices.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * On PostgreSQL ({@code it.db=postgres}): creates the Arquillian server's database when the test
 * run starts, before the server, and drops it and every test server's database when the run ends
 * (registered in META-INF/services).
 */
public class DatabaseSession implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (TestDatabase.isPostgres()) {
      TestDatabase.recreate(TestDatabase.mainDatabase());
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (TestDatabase.isPostgres() && !Boolean.getBoolean("it.pg.keep")) {
      TestDatabase.dropAll();
    }
  }
}
