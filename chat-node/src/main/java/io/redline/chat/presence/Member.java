package io.redline.chat.presence;

/**
 * A user in a room.
 *
 * @param userId the user's id
 * @param userName the user's display name
 */
public record Member(String userId, String userName) {
}
