package cloud.minicloud.web.startup;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations of every module (db/migration on the class path) when the WAR
 * starts, before anyone can sign in: the schema always matches the code that is running.
 */
@ApplicationScoped
public class SchemaMigration {

    /** Observers of start-up that need the schema run after this one. */
    static final int ORDER = 100;
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/MinicloudDS")
    DataSource dataSource;

    void migrateOnStartup(@Observes @Priority(ORDER) @Initialized(ApplicationScoped.class) Object started) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
