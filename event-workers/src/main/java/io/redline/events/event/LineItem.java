package io.redline.events.event;

/**
 * One line of an order.
 *
 * @param sku the product
 * @param qty units, at least 1
 * @param priceCents the unit price in cents
 */
public record LineItem(String sku, int qty, long priceCents) {
}
