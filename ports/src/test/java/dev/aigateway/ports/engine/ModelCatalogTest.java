package dev.aigateway.ports.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.domain.route.ModelPolicy;
import dev.aigateway.domain.route.ResponseStreaming;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RoutePolicy;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.TuningOptions;
import dev.aigateway.domain.route.TuningPrecedence;
import dev.aigateway.domain.route.UpstreamTarget;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
    private final ListingProvider provider = new ListingProvider();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void listsFixedModelsAndTheUpstreamListOnceEach() {
        ModelCatalog catalog = catalog(List.of(route("a", RouteType.CHAT, "mistral-large-latest", "/v1/chat/completions"),
                route("b", RouteType.EMBEDDINGS, null, "/v1/embeddings"),
                route("c", RouteType.CHAT, null, "/v1/chat/completions"),
                route("d", RouteType.PRESERVE, "ignored", "/v1/ocr")));

        assertThat(catalog.models()).extracting(ModelInfo::id)
                .containsExactly("mistral-large-latest", "mistral-small-latest", "mistral-embed");
        assertThat(provider.fetches).hasSize(1);
        assertThat(provider.fetches.get(0).upstreamUrl()).contains(URI.create("http://upstream:9000"));
    }

    @Test
    void reusesTheUpstreamListUntilItExpires() {
        ModelCatalog catalog = catalog(List.of(route("a", RouteType.CHAT, null, "/v1/chat/completions")));

        catalog.models();
        clock.addAndGet(Duration.ofSeconds(59).toNanos());
        catalog.models();
        assertThat(provider.fetches).hasSize(1);

        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        catalog.models();
        assertThat(provider.fetches).hasSize(2);
    }

    @Test
    void asksOnlyProvidersThatListModels() {
        provider.lists = false;
        ModelCatalog catalog = catalog(List.of(route("a", RouteType.CHAT, "fixed-model", "/v1/chat/completions"),
                route("b", RouteType.CHAT, null, "/v1/chat/completions")));

        assertThat(catalog.models()).extracting(ModelInfo::id).containsExactly("fixed-model");
        assertThat(provider.fetches).isEmpty();
    }

    private ModelCatalog catalog(List<Route> routes) {
        return new ModelCatalog(new LiveRoutes(routes), ProviderRegistry.of(Map.of("mistral", provider)), Duration.ofSeconds(60),
                clock::get);
    }

    private static Route route(String name, RouteType type, String fixedModel, String path) {
        return Route.single(name, List.of("/" + name), type, 1024, true,
                new RoutePolicy(new ModelPolicy(Optional.ofNullable(fixedModel)), TuningOptions.none(),
                        TuningPrecedence.CONFIG, ResponseStreaming.ALLOW),
                new UpstreamTarget("mistral", Optional.of(URI.create("http://upstream:9000" + path)),
                        Optional.empty(), Optional.empty()), RouteAnalytics.none());
    }

    private static final class ListingProvider implements StubProvider {
        final List<UpstreamTarget> fetches = new ArrayList<>();
        boolean lists = true;

        @Override
        public boolean listsModels() {
            return lists;
        }

        @Override
        public List<ModelInfo> listModels(UpstreamTarget target) {
            if (!lists) {
                throw new AssertionError("asked for a list it does not have");
            }
            fetches.add(target);
            return List.of(new ModelInfo("mistral-small-latest", "mistralai", 1),
                    new ModelInfo("mistral-embed", "mistralai", 1));
        }
    }
}
