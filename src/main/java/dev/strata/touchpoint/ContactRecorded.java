package dev.strata.touchpoint;

/** Published when a call or visit that reached the customer is recorded (an RM's touchpoint or a completed task), so a survey can follow it. */
public record ContactRecorded(Touchpoint touchpoint) {
}
