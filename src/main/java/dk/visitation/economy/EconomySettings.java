package dk.visitation.economy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The economy track's settings ({@code visitation.economy.*}). */
@ConfigMapping(prefix = "visitation.economy")
public interface EconomySettings {

    /** A grant whose cost over a year (365 days) passes this many øre waits for ECONOMY's approval; 1 m kr by default. */
    @WithDefault("100000000")
    long grantApprovalThresholdOre();

    /** Months per settlement period, counted from 1 January (3 = calendar quarters); a divisor of 12. */
    @WithDefault("3")
    int settlementMonths();

    /** When the statements of the last ended period are computed (also at start). */
    @WithDefault("0 15 2 * * ?")
    String settlementCron();
}
