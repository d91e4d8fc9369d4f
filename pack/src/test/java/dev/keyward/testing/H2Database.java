package dev.keyward.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Direct SQL on the H2 database file of a stopped harness Keycloak (see {@link KcShCommand.Database#h2}),
 * through the H2 driver the distribution itself ships, so the file format always matches. For tests
 * that need state no current API can write, such as what an earlier Keyward build stored.
 */
public final class H2Database {

    private H2Database() {
    }

    /** A connection with the harness's credentials; the caller closes it. */
    public static Connection connect(Path directory) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", KcShCommand.Database.H2_USER);
        credentials.setProperty("password", KcShCommand.Database.H2_PASSWORD);
        Connection connection = driver().connect(KcShCommand.Database.h2JdbcUrl(directory), credentials);
        if (connection == null) {
            throw new SQLException("The H2 driver refused the URL of " + directory);
        }
        return connection;
    }

    private static Driver driver() {
        try {
            return (Driver) Class.forName("org.h2.Driver", true, KeycloakLibraries.library("com.h2database.h2-"))
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not load the distribution's H2 driver", e);
        }
    }
}
