package dk.visitation.placements;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The placement planning's settings ({@code visitation.placements.*}). */
@ConfigMapping(prefix = "visitation.placements")
public interface PlacementSettings {

    /** Days from the planning to the quotes' due day for a PLANNED placement, unless the planning names the day. */
    @WithDefault("21")
    int quoteDays();

    /** The same for a SEMI_ACUTE placement. */
    @WithDefault("7")
    int semiAcuteQuoteDays();
}
