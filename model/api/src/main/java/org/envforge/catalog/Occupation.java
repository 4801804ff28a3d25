package org.envforge.catalog;

import java.util.List;

/**
 * A BLS occupation linked to the O*NET occupations under it and the software they list.
 *
 * @param socCode BLS SOC code (may be an aggregate such as 29-2010)
 * @param majorGroup major group code such as 29-0000
 * @param annualWage annual mean wage (imputed from the hourly mean where suppressed)
 * @param wageImputed true when the annual wage is hourly x 2080
 * @param wageBill employment x annual wage
 * @param onetCodes the O*NET-SOC codes joined to this occupation
 * @param products the distinct products these O*NET occupations list, sorted
 */
public record Occupation(String socCode, String title, String majorGroup, long employment, double annualWage,
        boolean wageImputed, double wageBill, List<String> onetCodes, List<String> products) {

    public Occupation {
        onetCodes = List.copyOf(onetCodes);
        products = List.copyOf(products);
    }

    /** The share of this occupation's wage bill each of its products receives. */
    public double wageBillPerProduct() {
        return products.isEmpty() ? 0 : wageBill / products.size();
    }
}
