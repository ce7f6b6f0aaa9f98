package cloud.minicloud.web.it;

import java.io.IOException;

/**
 * The database of the cloud under test (MariaDB as deploy/minicloud runs it, its socket in the
 * state directory), for a test that must move time for one row (a subscription's end cannot be
 * waited for) or read what no API shows (how far the network allocator has come).
 */
final class Database {

    private Database() {
    }

    private static final String NAME = System.getProperty("it.db.url", "jdbc:mariadb://127.0.0.1:3307/minicloud_it")
            .replaceAll(".*/", "");

    /** Runs the change as the database's root over its socket and answers how many rows it changed. */
    static int update(String sql) throws IOException, InterruptedException {
        return Integer.parseInt(query(sql + "; SELECT ROW_COUNT()"));
    }

    /** What the statements print, as the database's root: a row a line, columns between tabs. */
    static String query(String sql) throws IOException, InterruptedException {
        Host.Result result = Host.run("mariadb", "--socket=" + Daemons.STATE.resolve("mariadb/mysqld.sock"), "-uroot",
                "--batch", "--skip-column-names", NAME, "-e", sql);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("MariaDB refused " + sql + ": " + result.output());
        }
        return result.output().strip();
    }
}
