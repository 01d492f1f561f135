package org.crisisline.queue.store.codec;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Arrays;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.core.CoreImage;
import org.crisisline.queue.event.QueueEvent;

/**
 * JSON for the queue's values: commands (what a store logs), core images (what it snapshots) and
 * events (what is published). The domain types carry no annotations: records map by their
 * components, sealed interfaces by a {@code type} property naming the record.
 *
 * <p>Thread-safe once built; share the instance.
 */
public final class QueueJson {
    private static final QueueJson INSTANCE = new QueueJson();

    private final ObjectMapper mapper;

    /** Tells Jackson that a sealed interface is written with its record's simple name as {@code type}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface Polymorphic {
    }

    private QueueJson() {
        JsonMapper.Builder builder = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Records map by their components only; helpers such as isWaiting() are not data.
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .addMixIn(QueueCommand.class, Polymorphic.class)
                .addMixIn(QueueEvent.class, Polymorphic.class);
        this.mapper = builder.build();
        register(QueueCommand.class);
        register(QueueEvent.class);
    }

    public static QueueJson instance() {
        return INSTANCE;
    }

    public String write(QueueCommand command) {
        return writeValue(command);
    }

    public String write(CoreImage image) {
        return writeValue(image);
    }

    public String write(QueueEvent event) {
        return writeValue(event);
    }

    /** @throws QueueJsonException naming what is wrong with the text */
    public QueueCommand readCommand(String json) {
        return readValue(json, QueueCommand.class);
    }

    public CoreImage readImage(String json) {
        return readValue(json, CoreImage.class);
    }

    public QueueEvent readEvent(String json) {
        return readValue(json, QueueEvent.class);
    }

    private void register(Class<?> sealedType) {
        mapper.registerSubtypes(Arrays.stream(sealedType.getPermittedSubclasses())
                .map(type -> new NamedType(type, type.getSimpleName()))
                .toArray(NamedType[]::new));
    }

    private String writeValue(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new QueueJsonException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T readValue(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new QueueJsonException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new QueueJsonException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
