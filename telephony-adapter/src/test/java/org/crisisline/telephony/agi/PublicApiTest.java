package org.crisisline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the agi package's public API")
class PublicApiTest {
    private static final List<Class<?>> PUBLIC_TYPES = List.of(IvrServer.class, IvrVerticle.class, IvrServerOptions.class,
            IvrOptions.class, IvrPrompts.class, IvrLanguage.class, IvrQueue.class, IvrTier.class, TriageRoute.class,
            CallerArrived.class, CallerRegistered.class, CallbackSlot.class, BookCallback.class, CallbackBooked.class,
            CallbackChoice.class, CallbackChoice.KeepPlace.class, CallbackChoice.Slot.class, CallerLeft.class);

    @Test
    @DisplayName("no asterisk-java type appears in a public signature")
    void noAsteriskJavaTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : PUBLIC_TYPES) {
            assertThat(Modifier.isPublic(type.getModifiers())).as(type.getName()).isTrue();
            Stream.of(type.getGenericSuperclass()).forEach(t -> check(type.getName(), t, leaks));
            Stream.of(type.getGenericInterfaces()).forEach(t -> check(type.getName(), t, leaks));
            for (Method method : type.getMethods()) {
                check(method.toGenericString(), method.getGenericReturnType(), leaks);
                parameters(method, leaks);
            }
            for (Constructor<?> constructor : type.getConstructors()) {
                parameters(constructor, leaks);
            }
            for (Field field : type.getFields()) {
                check(field.toGenericString(), field.getGenericType(), leaks);
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static void parameters(Executable executable, List<String> leaks) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(executable.toGenericString(), parameter, leaks);
        }
        for (Type thrown : executable.getGenericExceptionTypes()) {
            check(executable.toGenericString(), thrown, leaks);
        }
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type != null && type.getTypeName().contains("org.asteriskjava")) {
            leaks.add(where);
        }
    }
}
