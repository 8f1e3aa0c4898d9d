package io.redline.chat.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The JSON fixture files of the wire formats, beside the tests in src/test/resources. */
final class Fixtures {

    private Fixtures() {
    }

    static JsonNode read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name + " beside " + Fixtures.class.getName());
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
