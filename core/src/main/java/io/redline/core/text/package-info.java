/**
 * Text helpers shared by the packages of {@code core}: {@link io.redline.core.text.Printable}, the one way a
 * value supplied from outside is echoed in a one-line message.
 */
package io.redline.core.text;
