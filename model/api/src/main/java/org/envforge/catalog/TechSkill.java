package org.envforge.catalog;

/** One row of O*NET Technology Skills: an occupation lists a software product. */
public record TechSkill(String onetCode, String example, String commodityCode, String commodityTitle, boolean hot,
        boolean inDemand, long line) {
}
