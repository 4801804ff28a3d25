package org.envforge.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.envforge.action.Action;
import org.envforge.action.GymAnythingActions;

/**
 * JSON for the engine's records (creations, evidence, audits) as stored with each round. Actions
 * are written as Gym-Anything action dicts.
 */
public final class EngineJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("envforge-actions")
                    .addSerializer(Action.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Action a, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeTree(GymAnythingActions.toJson(a));
                        }
                    })
                    .addDeserializer(Action.class, new JsonDeserializer<>() {
                        @Override
                        public Action deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            JsonNode n = p.readValueAsTree();
                            return GymAnythingActions.fromJson(n);
                        }
                    }))
            .build();

    private EngineJson() {
    }

    public static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + o.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
