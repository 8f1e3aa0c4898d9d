package io.redline.gateway.origin;

/**
 * One header field.
 *
 * @param name as the origin wrote it
 * @param value its value
 */
public record Header(String name, String value) {
}
