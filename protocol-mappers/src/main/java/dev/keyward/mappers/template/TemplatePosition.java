package dev.keyward.mappers.template;

import com.fasterxml.jackson.core.JsonLocation;

/** Where in a template a value stands, so an error can say "line 2, column 8 (at /a): …". */
record TemplatePosition(int line, int column, String path) {

    static TemplatePosition of(JsonLocation at, String path) {
        return new TemplatePosition(at.getLineNr(), at.getColumnNr(), path);
    }

    TemplateException error(String message) {
        return new TemplateException("line " + line + ", column " + column + (path.isEmpty() ? "" : " (at " + path + ")") + ": " + message);
    }
}
