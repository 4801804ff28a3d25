package org.envforge.catalog;

/**
 * One of the products selected by the Gym-Anything paper's GDP-weighted pipeline.
 *
 * @param gdpUsd the paper's product_total_gdp_usd, or null where the paper gives none
 */
public record GymAnythingProduct(String name, String tier, String substitutedFor, Double gdpUsd, String trainability) {
}
