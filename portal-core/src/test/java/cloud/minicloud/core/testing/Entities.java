package cloud.minicloud.core.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

/** Makes and fills entities the way JPA does (fields, protected constructors) for in-memory repositories. */
public final class Entities {

    private Entities() {
    }

    public static <T> T make(Class<T> type) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T set(T entity, String field, Object value) {
        try {
            Field f = entity.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(entity, value);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Object get(Object entity, String field) {
        try {
            Field f = entity.getClass().getDeclaredField(field);
            f.setAccessible(true);
            return f.get(entity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
