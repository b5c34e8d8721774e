package trlab.experiment.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import trlab.core.Activation;
import trlab.core.Loss;
import trlab.core.Method;
import trlab.core.Parameterization;
import trlab.core.TaskKind;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * Jackson support for configs inside other documents (run.json, state files): register it with
 * {@code mapper.registerModule(new ConfigModule())}. An {@link ExperimentConfig} is written exactly as
 * {@link ExperimentConfig#toJson()} writes it and read back with defaults and validation (source "config"); the
 * core enums are written and read by their ids ("leaky-relu", "full-batch", ...).
 */
public final class ConfigModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public ConfigModule() {
        super("trlab-config");
        byId(Activation.class, Activation::id, Activation::fromId);
        byId(Parameterization.class, Parameterization::id, Parameterization::fromId);
        byId(Loss.class, Loss::id, Loss::fromId);
        byId(Method.class, Method::id, Method::fromId);
        byId(TaskKind.class, TaskKind::id, TaskKind::fromId);
        addSerializer(ExperimentConfig.class, new StdSerializer<>(ExperimentConfig.class) {
            @Override
            public void serialize(ExperimentConfig value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeTree(ConfigLoader.toTree(value));
            }
        });
        addDeserializer(ExperimentConfig.class, new StdDeserializer<>(ExperimentConfig.class) {
            @Override
            public ExperimentConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonNode tree = p.readValueAsTree();
                return ConfigLoader.fromTree(tree, "config", List.of());
            }
        });
    }

    private <E extends Enum<E>> void byId(Class<E> type, Function<E, String> id, Function<String, E> fromId) {
        addSerializer(type, new StdSerializer<>(type) {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(id.apply(value));
            }
        });
        addDeserializer(type, new StdDeserializer<>(type) {
            @Override
            public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return fromId.apply(text);
                } catch (IllegalArgumentException e) {
                    return type.cast(ctxt.handleWeirdStringValue(type, text, e.getMessage()));
                }
            }
        });
    }
}
