package io.redline.events.event;

/**
 * One line of an order.
 *
 * @param sku the product
 * @param qty units, at least 1
 */
public record LineItem(String sku, int qty) {
}
