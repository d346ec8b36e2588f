package dk.visitation.economy;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * The central refund scheme's thresholds per year ({@code visitation.refund.years."<year>".*}): the amounts are set each
 * year by the state (Social- og Boligstyrelsen); a year without them has no expected refund.
 */
@ConfigMapping(prefix = "visitation.refund")
public interface RefundSettings {

    Map<String, Year> years();

    interface Year {
        long lowerThresholdOre();

        int lowerSharePercent();

        long upperThresholdOre();

        int upperSharePercent();
    }
}
