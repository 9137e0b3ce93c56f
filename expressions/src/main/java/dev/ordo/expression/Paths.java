package dev.ordo.expression;

import java.util.List;
import java.util.Map;

/** Walks a path of map keys and list indexes through plain JSON-like values. */
final class Paths {

    private Paths() {
    }

    /** The value at {@code path} below {@code root}, or null when a segment does not exist. */
    static Object follow(Object root, List<String> path) {
        Object current = root;
        for (String segment : path) {
            current = step(current, segment);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Object step(Object current, String segment) {
        if (current instanceof Map<?, ?> map) {
            return map.get(segment);
        }
        if (current instanceof List<?> list && segment.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(segment);
            return index < list.size() ? list.get(index) : null;
        }
        return null;
    }
}
