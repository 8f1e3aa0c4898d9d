package io.redline.events.consumer;

/** The names the specification fixes. */
public final class GroupNames {

    /** The consumer group of SPEC section 4. */
    public static final String GROUP = "order-processors";

    private GroupNames() {
    }
}
