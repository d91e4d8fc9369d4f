package dev.keyward.mappers.template;

/** A template that cannot be used, with where and why: "line 3, column 14: …". */
public class TemplateException extends Exception {

    public TemplateException(String message) {
        super(message);
    }
}
