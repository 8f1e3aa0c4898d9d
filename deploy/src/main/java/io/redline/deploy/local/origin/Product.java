package io.redline.deploy.local.origin;

import java.math.BigDecimal;

/** One product of the demo catalogue; {@code sku} is what orders reference. */
public record Product(String sku, String name, String category, BigDecimal price) {
}
