package io.redline.deploy.local.origin;

import io.redline.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The origin's answers, by path: what it serves, apart from how it delays and fails. */
final class CatalogApi {

    /** A JSON answer; {@code status} 200 or 404. */
    record Answer(int status, String json) {
    }

    static final String INDEX = Json.write(Map.of("service", "redline demo origin", "paths", List.of(
            "/products", "/products/{sku}", "/categories", "/categories/{name}", "/search?q=text", "/slow",
            "/flaky")));

    private final Catalog catalog;

    CatalogApi(Catalog catalog) {
        this.catalog = catalog;
    }

    Answer answer(String path, Optional<String> query) {
        if (path.equals("/") || path.isEmpty()) {
            return ok(INDEX);
        }
        if (path.equals("/products")) {
            return ok(Json.write(catalog.products()));
        }
        if (path.startsWith("/products/")) {
            return catalog.bySku(path.substring("/products/".length())).map(product -> ok(Json.write(product)))
                    .orElseGet(() -> notFound(path));
        }
        if (path.equals("/categories")) {
            return ok(Json.write(catalog.categories()));
        }
        if (path.startsWith("/categories/")) {
            List<Product> products = catalog.inCategory(path.substring("/categories/".length()));
            return products.isEmpty() ? notFound(path) : ok(Json.write(products));
        }
        if (path.equals("/search")) {
            String text = query.orElse("");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("query", text);
            result.put("results", catalog.search(text));
            return ok(Json.write(result));
        }
        return notFound(path);
    }

    private static Answer ok(String json) {
        return new Answer(200, json);
    }

    private static Answer notFound(String path) {
        return new Answer(404, Json.write(Map.of("error", "Not Found", "path", path)));
    }
}
