/**
 * The campaign gate: one planned send ({@link dev.rapport.crm.campaign.OutreachTemplate}) decided
 * for every customer of a population, with exactly the single-decision engine's answers, in a
 * deterministic order, on the cores it is given ({@link dev.rapport.crm.campaign.CampaignGate}).
 */
@NullMarked
package dev.rapport.crm.campaign;

import org.jspecify.annotations.NullMarked;
