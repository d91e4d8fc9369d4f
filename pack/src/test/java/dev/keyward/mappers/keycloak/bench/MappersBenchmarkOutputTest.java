package dev.keyward.mappers.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;

/** The benchmark compares like with like: Keyward's mapper and Keycloak's put out the same roles and groups. */
class MappersBenchmarkOutputTest {

    private final MappersBenchmark benchmark = new MappersBenchmark();

    MappersBenchmarkOutputTest() {
        benchmark.setUp();
    }

    @Test
    void rolesByClientHoldTheSameRolesAsRealmAccessAndResourceAccess() {
        AccessToken stock = benchmark.stockRealmAndClientRoles();
        @SuppressWarnings("unchecked")
        Map<String, List<String>> keyward = (Map<String, List<String>>) benchmark.keywardRolesByClient().getOtherClaims().get("access");

        assertThat(new HashSet<>(keyward.get("realm"))).isEqualTo(stock.getRealmAccess().getRoles()).hasSize(300);
        Set<String> stockClients = stock.getResourceAccess().keySet();
        assertThat(stockClients).hasSize(10);
        for (String client : stockClients) {
            assertThat(new HashSet<>(keyward.get(client))).as(client).isEqualTo(stock.getResourceAccess(client).getRoles());
        }
    }

    @Test
    void rolesAndGroupsTogetherHoldWhatTheThreeStockMappersHold() {
        AccessToken stock = benchmark.stockRolesAndGroups();
        @SuppressWarnings("unchecked")
        Map<String, List<String>> keyward = (Map<String, List<String>>) benchmark.keywardRolesAndGroups().getOtherClaims().get("access");

        assertThat(new HashSet<>(keyward.get("realm"))).isEqualTo(stock.getRealmAccess().getRoles());
        assertThat(keyward.keySet()).hasSize(12);
        assertThat(new ArrayList<Object>(keyward.get("groups")))
                .containsExactlyInAnyOrderElementsOf(new ArrayList<Object>((Collection<?>) stock.getOtherClaims().get("groups")));
    }

    @Test
    void groupPathsAreTheSame() {
        Collection<?> stock = (Collection<?>) benchmark.stockGroupPaths().getOtherClaims().get("groups");
        Collection<?> keyward = (Collection<?>) benchmark.keywardGroupPaths().getOtherClaims().get("groups");

        assertThat(new ArrayList<Object>(keyward)).hasSize(100).containsExactlyInAnyOrderElementsOf(new ArrayList<Object>(stock));
    }

    @Test
    void theOtherBenchmarksProduceTheirClaims() {
        assertThat(benchmark.keywardRolesAndGroupsFiltered().getOtherClaims()).containsKey("access");
        assertThat(benchmark.keywardClaimsTemplate().getOtherClaims()).containsKey("https://hasura.io/jwt/claims");
        assertThat(benchmark.keywardResourceAudience().getAudience()).containsExactly("https://orders.example/");
    }
}
