package dev.strata.campaign;

/** Where a campaign is in its life: built, approved (maker-checker), running, ended. */
public enum CampaignStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, RUNNING, PAUSED, COMPLETED, CANCELLED
}
