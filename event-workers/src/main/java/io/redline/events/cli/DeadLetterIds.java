package io.redline.events.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;

/**
 * The ids given to {@code dlq requeue}, checked before anything moves: each must be a stream id as {@code dlq list}
 * prints it ({@code 1732600000000-0}) and must be in the dead-letter stream; none given means all.
 */
final class DeadLetterIds {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

    private final List<StreamMessageId> ids;

    private DeadLetterIds(List<StreamMessageId> ids) {
        this.ids = ids;
    }

    /** @throws IllegalArgumentException naming the first id that is not a stream id */
    static DeadLetterIds parse(List<String> texts) {
        List<StreamMessageId> ids = new ArrayList<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            Matcher matcher = FORMAT.matcher(text);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("ID must be a dead-letter id as dlq list prints it, such as"
                        + " 1732600000000-0, but was \"" + text + "\"");
            }
            try {
                ids.add(new StreamMessageId(Long.parseUnsignedLong(matcher.group(1)),
                        Long.parseUnsignedLong(matcher.group(2))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ID must be a dead-letter id as dlq list prints it, such as"
                        + " 1732600000000-0, but was \"" + text + "\" (out of range)", e);
            }
        }
        return new DeadLetterIds(ids);
    }

    /** The ids given that the dead-letter stream does not hold (none when no id was given: that means all). */
    List<String> missingFrom(RStream<String, String> deadLetters) {
        List<String> missing = new ArrayList<>();
        for (StreamMessageId id : ids) {
            if (deadLetters.range(StreamRangeArgs.startId(id).endId(id)).isEmpty()) {
                missing.add(id.toString());
            }
        }
        return missing;
    }
}
