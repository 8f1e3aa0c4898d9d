/**
 * Redis key and channel names: the {@code REDLINE_NAMESPACE} prefix ({@link io.redline.core.keys.KeyNamespace}),
 * validation of user-supplied parts ({@link io.redline.core.keys.KeyRule}), hash tags and slots
 * ({@link io.redline.core.keys.HashTag}), and every key name of the platform in one place
 * ({@link io.redline.core.keys.RedlineKeys}), so that the writer and the reader of a key never disagree.
 */
package io.redline.core.keys;
