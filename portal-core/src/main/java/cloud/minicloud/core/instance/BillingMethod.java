package cloud.minicloud.core.instance;

/** How an instance is paid for, as on ECS. */
public enum BillingMethod {
    /** Metered: compute by the hour while it runs, its disk while it exists. */
    PAY_AS_YOU_GO,
    /** Paid up front for a term of months; stopped when the term ends, released after a grace period. */
    SUBSCRIPTION
}
