package dev.keyward.console;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which files of the console a request may name, and as what media type. Only lower-case names of the shipped kinds
 * under {@code keyward-console/} are served: no {@code ..}, no absolute path, no other resource of the JAR.
 */
public final class ConsoleFiles {

    /** Where the console's files lie in the JAR. */
    public static final String ROOT = "keyward-console/";
    public static final String INDEX = "index.html";
    /** Replaced in index.html by Keycloak's resources path ({@code /resources/<version>}), where PatternFly is served. */
    public static final String RESOURCES_PLACEHOLDER = "{{resources}}";

    private static final Pattern NAME = Pattern.compile("([a-z0-9_-]+/)*[a-z0-9_-]+\\.[a-z]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml");

    /** A file of the console: the resource to read and the media type to answer with. */
    public record ConsoleFile(String resource, String mediaType) {
    }

    private ConsoleFiles() {
    }

    /** The file a request path under {@code console/} names, or empty when it names none the console serves. */
    public static Optional<ConsoleFile> named(String path) {
        if (path == null || !NAME.matcher(path).matches()) {
            return Optional.empty();
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(TYPES.get(extension)).map(type -> new ConsoleFile(ROOT + path, type));
    }
}
