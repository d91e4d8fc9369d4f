package dev.keyward.oauth21.compliance;

import java.time.Instant;
import java.util.List;

/**
 * What Keyward recorded about a client's requests in the realm's event store over the report's
 * window.
 *
 * @param count            Keyward findings recorded
 * @param lastSeen         the newest of them, null when none
 * @param redirectUrisSeen redirect URIs requested that no registered URI matched exactly: what an
 *                         exact list would have to hold
 */
public record RuntimeActivity(int count, Instant lastSeen, List<String> redirectUrisSeen) {

    public static final RuntimeActivity NONE = new RuntimeActivity(0, null, List.of());

    public RuntimeActivity {
        redirectUrisSeen = List.copyOf(redirectUrisSeen);
    }
}
