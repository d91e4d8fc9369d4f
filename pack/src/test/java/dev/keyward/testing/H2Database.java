package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.stream.Stream;

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
        Path libraries = HarnessConfig.fromSystemProperties().keycloakHome().resolve("lib/lib/main");
        try (Stream<Path> jars = Files.list(libraries)) {
            Path h2 = jars.filter(jar -> jar.getFileName().toString().startsWith("com.h2database.h2-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No H2 driver in " + libraries));
            ClassLoader loader = new URLClassLoader(new URL[] {h2.toUri().toURL()}, H2Database.class.getClassLoader());
            return (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not load the H2 driver of " + libraries, e);
        }
    }
}
