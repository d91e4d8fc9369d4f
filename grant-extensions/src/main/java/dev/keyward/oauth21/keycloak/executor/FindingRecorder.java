package dev.keyward.oauth21.keycloak.executor;

import java.util.List;

import io.micrometer.core.instrument.Metrics;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Verdict;

/**
 * Records every finding the same way in both modes: an event in the realm's event store, a log
 * line, and a counter on Keycloak's metrics endpoint ({@code keyward_oauth21_findings_total}).
 */
final class FindingRecorder {

    static final String DETAIL_RULE = "keyward_rule";
    static final String DETAIL_MODE = "keyward_mode";
    static final String DETAIL_OUTCOME = "keyward_outcome";
    static final String METRIC = "keyward.oauth21.findings";

    private static final Logger LOG = Logger.getLogger(FindingRecorder.class);

    private FindingRecorder() {
    }

    static void record(KeycloakSession session, RealmModel realm, String clientId, EventType eventType, Verdict.Judged judged) {
        Finding finding = judged.finding();
        Mode mode = judged.mode();
        String outcome = mode == Mode.ENFORCE ? "rejected" : "reported";
        EventBuilder builder = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(eventType)
                .client(clientId)
                .detail(DETAIL_RULE, finding.rule().id())
                .detail(DETAIL_MODE, mode.id())
                .detail(DETAIL_OUTCOME, outcome)
                .detail(Details.REASON, finding.description())
                // Stored in its own transaction, so a rejected request does not take its event with it.
                .storeImmediately(true);
        builder.error(finding.error());
        Event event = builder.getEvent();
        if (realm.isEventsEnabled() && !storedByRealmSettings(realm, event.getType())) {
            // Some error types (refresh, PAR) are not stored by default; a Keyward finding always is.
            Event copy = event.clone();
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(),
                    store -> store.getProvider(EventStoreProvider.class).onEvent(copy));
        }
        LOG.infof("OAuth 2.1 rule %s %s a request of client %s in realm %s: %s",
                finding.rule().id(), outcome, clientId, realm.getName(), finding.description());
        Metrics.counter(METRIC, "rule", finding.rule().id(), "realm", realm.getName(), "outcome", outcome).increment();
    }

    private static boolean storedByRealmSettings(RealmModel realm, EventType type) {
        List<String> enabled = realm.getEnabledEventTypesStream().toList();
        return enabled.isEmpty() ? type.isSaveByDefault() : enabled.contains(type.name());
    }
}
