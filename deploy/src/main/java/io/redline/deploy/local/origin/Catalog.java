package io.redline.deploy.local.origin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The demo catalogue: the products the origin serves and the simulated orders buy. */
public final class Catalog {

    private static final String[][] CATEGORIES = {
        {"keyboards", "kbd", "Mechanical keyboard", "Compact keyboard", "Ergonomic keyboard", "Low-profile keyboard",
            "Keycap set", "Wrist rest"},
        {"mice", "mse", "Wireless mouse", "Trackball", "Gaming mouse", "Vertical mouse", "Mouse pad", "Travel mouse"},
        {"displays", "dsp", "27-inch monitor", "Portable monitor", "Monitor arm", "Ultrawide monitor", "4K monitor",
            "Screen light bar"},
        {"cables", "cbl", "USB-C cable", "HDMI cable", "DisplayPort cable", "USB hub", "Docking station",
            "Cable sleeve"},
    };

    private final List<Product> products;

    private Catalog(List<Product> products) {
        this.products = List.copyOf(products);
    }

    /** The same 24 products every time, with prices from 12.70 to 447.40. */
    public static Catalog demo() {
        List<Product> products = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.length; c++) {
            String[] category = CATEGORIES[c];
            for (int i = 2; i < category.length; i++) {
                String sku = category[1] + "-" + String.format("%02d", i - 1);
                BigDecimal price = BigDecimal.valueOf(990 + (long) (c * 6 + i) * (c * 6 + i) * 70, 2);
                products.add(new Product(sku, category[i], category[0], price));
            }
        }
        return new Catalog(products);
    }

    public List<Product> products() {
        return products;
    }

    public List<String> categories() {
        return products.stream().map(Product::category).distinct().toList();
    }

    public Optional<Product> bySku(String sku) {
        return products.stream().filter(product -> product.sku().equals(sku)).findFirst();
    }

    public List<Product> inCategory(String category) {
        return products.stream().filter(product -> product.category().equals(category)).toList();
    }

    public List<Product> search(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return products.stream().filter(product -> product.name().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }
}
